/** GET /api/v1/admin/accounts/:id — one account as moderators see it (`manage_users`). */
import { define } from "../../../../../../utils.ts";
import { json } from "../../../../../../lib/mastodon/errors.ts";
import {
  READ_ACCOUNTS,
  requireStaffCaller,
} from "../../../../../../lib/mastodon/admin-api.ts";
import { adminAccountJson } from "../../../../../../lib/mastodon/entities/admin-account.ts";
import { getModeratedAccount } from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_ACCOUNTS);
    const view = await getModeratedAccount(deps.sql, actor, ctx.params.id);
    return json(adminAccountJson(view, deps.config.origin));
  },
});
