/**
 * GET /api/v1/admin/domain_blocks — every domain block (`manage_federation`); POST — block a
 * domain (`domain`, `severity`, `reject_media`, `reject_reports`, `private_comment`,
 * `public_comment`, `obfuscate`).
 */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  domainBlockParams,
  READ_DOMAIN_BLOCKS,
  requireStaffCaller,
  WRITE_DOMAIN_BLOCKS,
} from "../../../../../lib/mastodon/admin-api.ts";
import { renderAdminDomainBlock } from "../../../../../lib/mastodon/entities/admin-domain-block.ts";
import {
  createDomainBlock,
  listDomainBlocks,
} from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...READ_DOMAIN_BLOCKS,
    );
    const blocks = await listDomainBlocks(deps.sql, actor);
    return json(await Promise.all(blocks.map(renderAdminDomainBlock)));
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...WRITE_DOMAIN_BLOCKS,
    );
    const params = await Params.from(ctx.req, ctx.url);
    const block = await createDomainBlock(
      deps,
      actor,
      params.string("domain") ?? "",
      domainBlockParams(params),
    );
    return json(await renderAdminDomainBlock(block));
  },
});
