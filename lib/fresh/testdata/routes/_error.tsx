import { HttpError } from "../../mod.ts";
import { define } from "../utils.ts";

export default define.page(({ error, status }) => (
  <p class="root-error">
    {status} {error instanceof HttpError ? error.message : "oops"}
  </p>
));
