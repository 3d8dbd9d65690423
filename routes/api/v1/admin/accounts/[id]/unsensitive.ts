/** POST /api/v1/admin/accounts/:id/unsensitive — lift the limit (`manage_users`); answers Admin::Account. */
import { define } from "../../../../../../utils.ts";
import { liftLimitRoute } from "../../../../../../lib/mastodon/admin-api.ts";

export const handler = define.handlers({ POST: liftLimitRoute("unsensitive") });
