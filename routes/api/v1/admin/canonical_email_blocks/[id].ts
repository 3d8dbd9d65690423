/** GET /api/v1/admin/canonical_email_blocks/:id — one block; DELETE — lift it (`manage_blocks`). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import {
  READ_CANONICAL_EMAIL_BLOCKS,
  requireStaffCaller,
  WRITE_CANONICAL_EMAIL_BLOCKS,
} from "../../../../../lib/mastodon/admin-api.ts";
import { renderAdminCanonicalEmailBlock } from "../../../../../lib/mastodon/entities/admin-sign-up-blocks.ts";
import {
  deleteCanonicalEmailBlock,
  getCanonicalEmailBlock,
} from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...READ_CANONICAL_EMAIL_BLOCKS,
    );
    const block = await getCanonicalEmailBlock(deps.sql, actor, ctx.params.id);
    return json(renderAdminCanonicalEmailBlock(block));
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...WRITE_CANONICAL_EMAIL_BLOCKS,
    );
    await deleteCanonicalEmailBlock(deps.sql, actor, ctx.params.id);
    return json({});
  },
});
