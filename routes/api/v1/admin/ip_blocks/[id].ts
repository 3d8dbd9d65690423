/**
 * GET /api/v1/admin/ip_blocks/:id — one block; PUT — change its `ip`, `severity`, `comment`
 * or `expires_in`; DELETE — lift it (`manage_blocks`).
 */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  ipBlockParams,
  READ_IP_BLOCKS,
  requireStaffCaller,
  WRITE_IP_BLOCKS,
} from "../../../../../lib/mastodon/admin-api.ts";
import { renderAdminIpBlock } from "../../../../../lib/mastodon/entities/admin-sign-up-blocks.ts";
import {
  deleteIpBlock,
  getIpBlock,
  updateIpBlock,
} from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_IP_BLOCKS);
    return json(
      renderAdminIpBlock(await getIpBlock(deps.sql, actor, ctx.params.id)),
    );
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_IP_BLOCKS);
    const params = await Params.from(ctx.req, ctx.url);
    const block = await updateIpBlock(
      deps.sql,
      actor,
      ctx.params.id,
      ipBlockParams(params),
    );
    return json(renderAdminIpBlock(block));
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_IP_BLOCKS);
    await deleteIpBlock(deps.sql, actor, ctx.params.id);
    return json({});
  },
});
