import { define } from "../../utils.ts";

export const handler = define.handlers(() => {
  throw new Error("kaboom");
});
