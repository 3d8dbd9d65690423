/** POST /api/v1/admin/accounts/:id/unsilence — lift the limit (`manage_users`); answers Admin::Account. */
import { define } from "../../../../../../utils.ts";
import {
  adminAccountResponse,
  requireStaffCaller,
  WRITE_ACCOUNTS,
} from "../../../../../../lib/mastodon/admin-api.ts";
import { liftLimit } from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_ACCOUNTS);
    await liftLimit(deps, actor, ctx.params.id, "unsilence");
    return await adminAccountResponse(deps, actor, ctx.params.id);
  },
});
