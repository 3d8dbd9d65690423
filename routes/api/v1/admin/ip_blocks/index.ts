/**
 * GET /api/v1/admin/ip_blocks — the IP blocks (`manage_blocks`); POST — block `ip` (an address
 * or CIDR range) with `severity`, `comment` and `expires_in` (seconds). Admin::IpBlock.
 */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  linkHeader,
  pageQuery,
} from "../../../../../lib/mastodon/pagination.ts";
import {
  ipBlockParams,
  READ_IP_BLOCKS,
  requireStaffCaller,
  WRITE_IP_BLOCKS,
} from "../../../../../lib/mastodon/admin-api.ts";
import { renderAdminIpBlock } from "../../../../../lib/mastodon/entities/admin-sign-up-blocks.ts";
import {
  createIpBlock,
  listIpBlocks,
} from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_IP_BLOCKS);
    const blocks = await listIpBlocks(
      deps.sql,
      actor,
      pageQuery(ctx.url, { limit: 100, max: 200 }),
    );
    const link = linkHeader(deps.config.origin, ctx.url, blocks, (b) => b.id);
    return json(blocks.map(renderAdminIpBlock), {
      headers: link ? { link } : {},
    });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_IP_BLOCKS);
    const params = await Params.from(ctx.req, ctx.url);
    return json(
      renderAdminIpBlock(
        await createIpBlock(deps.sql, actor, ipBlockParams(params)),
      ),
    );
  },
});
