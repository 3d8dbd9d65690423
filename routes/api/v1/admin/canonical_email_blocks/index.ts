/**
 * GET /api/v1/admin/canonical_email_blocks — blocked addresses, as hashes (`manage_blocks`);
 * POST — block `email` (canonicalised and hashed here) or a `canonical_email_hash`.
 */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  linkHeader,
  pageQuery,
} from "../../../../../lib/mastodon/pagination.ts";
import {
  READ_CANONICAL_EMAIL_BLOCKS,
  requireStaffCaller,
  WRITE_CANONICAL_EMAIL_BLOCKS,
} from "../../../../../lib/mastodon/admin-api.ts";
import { renderAdminCanonicalEmailBlock } from "../../../../../lib/mastodon/entities/admin-sign-up-blocks.ts";
import {
  createCanonicalEmailBlock,
  listCanonicalEmailBlocks,
} from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...READ_CANONICAL_EMAIL_BLOCKS,
    );
    const blocks = await listCanonicalEmailBlocks(
      deps.sql,
      actor,
      pageQuery(ctx.url, { limit: 100, max: 200 }),
    );
    const link = linkHeader(deps.config.origin, ctx.url, blocks, (b) => b.id);
    return json(blocks.map(renderAdminCanonicalEmailBlock), {
      headers: link ? { link } : {},
    });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...WRITE_CANONICAL_EMAIL_BLOCKS,
    );
    const params = await Params.from(ctx.req, ctx.url);
    const block = await createCanonicalEmailBlock(deps.sql, actor, {
      email: params.string("email"),
      canonicalEmailHash: params.string("canonical_email_hash"),
    });
    return json(renderAdminCanonicalEmailBlock(block));
  },
});
