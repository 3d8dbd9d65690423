import { define } from "../../utils.ts";
import { unmute } from "../../lib/domain/relationships.ts";
import { accountActionHandler } from "../../lib/web/actions.ts";

/** Unmute without JavaScript: `POST /@bob/unmute`, then back to the page. */
export const handler = define.handlers({
  POST: accountActionHandler(unmute),
});
