/** GET /api/v1/admin/email_domain_blocks/:id — one block; DELETE — lift it (`manage_blocks`). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import {
  emailDomainBlocksJson,
  READ_EMAIL_DOMAIN_BLOCKS,
  requireStaffCaller,
  WRITE_EMAIL_DOMAIN_BLOCKS,
} from "../../../../../lib/mastodon/admin-api.ts";
import {
  deleteEmailDomainBlock,
  getEmailDomainBlock,
} from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...READ_EMAIL_DOMAIN_BLOCKS,
    );
    const block = await getEmailDomainBlock(deps.sql, actor, ctx.params.id);
    return json((await emailDomainBlocksJson(deps, [block]))[0]);
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...WRITE_EMAIL_DOMAIN_BLOCKS,
    );
    await deleteEmailDomainBlock(deps.sql, actor, ctx.params.id);
    return json({});
  },
});
