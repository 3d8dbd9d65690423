import { define } from "../../utils.ts";
import { unblock } from "../../lib/domain/relationships.ts";
import { accountActionHandler } from "../../lib/web/actions.ts";

/** Unblock without JavaScript: `POST /@bob/unblock`, then back to the page. */
export const handler = define.handlers({
  POST: accountActionHandler(unblock),
});
