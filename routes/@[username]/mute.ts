import { define } from "../../utils.ts";
import { mute } from "../../lib/domain/relationships.ts";
import { accountActionHandler } from "../../lib/web/actions.ts";

/** Mute without JavaScript: `POST /@bob/mute`, then back to the page. */
export const handler = define.handlers({
  POST: accountActionHandler((deps, viewer, target) =>
    mute(deps, viewer, target, { notifications: true })
  ),
});
