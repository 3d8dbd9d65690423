/** POST /api/v1/admin/accounts/:id/enable — lift the limit (`manage_user_access`); answers Admin::Account. */
import { define } from "../../../../../../utils.ts";
import { liftLimitRoute } from "../../../../../../lib/mastodon/admin-api.ts";

export const handler = define.handlers({ POST: liftLimitRoute("enable") });
