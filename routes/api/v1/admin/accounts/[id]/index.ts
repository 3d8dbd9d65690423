/**
 * GET /api/v1/admin/accounts/:id — one account as moderators see it (`manage_users`);
 * DELETE — delete a suspended account's data (`delete_user_data`; 403 unless suspended).
 */
import { define } from "../../../../../../utils.ts";
import { json } from "../../../../../../lib/mastodon/errors.ts";
import {
  READ_ACCOUNTS,
  requireStaffCaller,
  WRITE_ACCOUNTS,
} from "../../../../../../lib/mastodon/admin-api.ts";
import { adminAccountJson } from "../../../../../../lib/mastodon/entities/admin-account.ts";
import {
  deleteAccountData,
  getModeratedAccount,
} from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_ACCOUNTS);
    const view = await getModeratedAccount(deps.sql, actor, ctx.params.id);
    return json(adminAccountJson(view, deps.config.origin));
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_ACCOUNTS);
    const view = await getModeratedAccount(deps.sql, actor, ctx.params.id);
    await deleteAccountData(deps, actor, ctx.params.id);
    return json(adminAccountJson(view, deps.config.origin));
  },
});
