import { HttpError } from "../../../mod.ts";
import { define } from "../../utils.ts";

export const handler = define.handlers({
  GET() {
    throw new HttpError(404, "no secret here");
  },
});

export default define.page(() => <p>never</p>);
