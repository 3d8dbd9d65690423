/**
 * POST /api/v1/admin/canonical_email_blocks/test — the blocks matching `email` once
 * canonicalised (an empty array: none), as Mastodon answers it.
 */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  READ_CANONICAL_EMAIL_BLOCKS,
  requireStaffCaller,
} from "../../../../../lib/mastodon/admin-api.ts";
import { renderAdminCanonicalEmailBlock } from "../../../../../lib/mastodon/entities/admin-sign-up-blocks.ts";
import { testCanonicalEmail } from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...READ_CANONICAL_EMAIL_BLOCKS,
    );
    const params = await Params.from(ctx.req, ctx.url);
    const blocks = await testCanonicalEmail(
      deps.sql,
      actor,
      params.string("email") ?? "",
    );
    return json(blocks.map(renderAdminCanonicalEmailBlock));
  },
});
