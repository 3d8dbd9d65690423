/**
 * GET/POST/DELETE /api/v1/domain_blocks — the caller's own blocked domains: listed as strings,
 * newest first with a `Link` header; blocked and unblocked by `domain` (answer `{}`).
 */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { Params } from "../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../lib/mastodon/status-api.ts";
import { linkHeader, pageQuery } from "../../../lib/mastodon/pagination.ts";
import * as blocks from "../../../lib/domain/domain-blocks.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:blocks");
    const rows = await blocks.listDomainBlocks(
      deps,
      me.account.id,
      pageQuery(ctx.url, { limit: 100, max: 200 }),
    );
    const link = linkHeader(deps.config.origin, ctx.url, rows, (r) => r.id);
    return json(rows.map((r) => r.domain), {
      headers: link ? { link } : {},
    });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:blocks");
    const params = await Params.from(ctx.req, ctx.url);
    await blocks.blockDomain(deps, me.account, params.string("domain"));
    return json({});
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:blocks");
    const params = await Params.from(ctx.req, ctx.url);
    await blocks.unblockDomain(deps, me.account, params.string("domain"));
    return json({});
  },
});
