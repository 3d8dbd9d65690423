/** POST /api/v1/admin/accounts/:id/approve — approve a pending sign-up; answers Admin::Account. */
import { define } from "../../../../../../utils.ts";
import {
  adminAccountResponse,
  requireStaffCaller,
  WRITE_ACCOUNTS,
} from "../../../../../../lib/mastodon/admin-api.ts";
import { approveSignUp } from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_ACCOUNTS);
    await approveSignUp(deps, actor, ctx.params.id);
    return await adminAccountResponse(deps, actor, ctx.params.id);
  },
});
