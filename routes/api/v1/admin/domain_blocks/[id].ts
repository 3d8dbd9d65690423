/**
 * GET /api/v1/admin/domain_blocks/:id — one block; PUT — change it; DELETE — lift it
 * (`manage_federation`).
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
  deleteDomainBlock,
  getDomainBlock,
  updateDomainBlock,
} from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...READ_DOMAIN_BLOCKS,
    );
    const block = await getDomainBlock(deps.sql, actor, ctx.params.id);
    return json(await renderAdminDomainBlock(block));
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...WRITE_DOMAIN_BLOCKS,
    );
    const params = await Params.from(ctx.req, ctx.url);
    const block = await updateDomainBlock(
      deps,
      actor,
      ctx.params.id,
      domainBlockParams(params),
    );
    return json(await renderAdminDomainBlock(block));
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...WRITE_DOMAIN_BLOCKS,
    );
    await deleteDomainBlock(deps.sql, actor, ctx.params.id);
    return json({});
  },
});
