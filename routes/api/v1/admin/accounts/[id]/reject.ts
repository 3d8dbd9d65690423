/**
 * POST /api/v1/admin/accounts/:id/reject — reject a pending sign-up: the account is deleted.
 * Answers the Admin::Account as it was (Mastodon renders the record it just rejected).
 */
import { define } from "../../../../../../utils.ts";
import { json } from "../../../../../../lib/mastodon/errors.ts";
import {
  requireStaffCaller,
  WRITE_ACCOUNTS,
} from "../../../../../../lib/mastodon/admin-api.ts";
import { adminAccountJson } from "../../../../../../lib/mastodon/entities/admin-account.ts";
import {
  getModeratedAccount,
  rejectSignUp,
} from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_ACCOUNTS);
    const view = await getModeratedAccount(deps.sql, actor, ctx.params.id);
    await rejectSignUp(deps, actor, ctx.params.id);
    return json(adminAccountJson(view, deps.config.origin));
  },
});
