/**
 * GET /api/v2/search — accounts, hashtags and statuses. `resolve=true` (signed in) also asks
 * other servers, through `deps.resolveRemote` (federation).
 */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { Params } from "../../../lib/mastodon/params.ts";
import { optionalViewer } from "../../../lib/mastodon/status-api.ts";
import { search } from "../../../lib/domain/search.ts";
import { renderAccounts } from "../../../lib/mastodon/entities/account.ts";
import { renderStatuses } from "../../../lib/mastodon/entities/status.ts";
import { renderTags } from "../../../lib/mastodon/entities/tag.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:search");
    const params = await Params.from(ctx.req, ctx.url);
    const limit = Math.min(Math.max(params.integer("limit") ?? 20, 1), 40);
    const results = await search(deps.sql, viewerId, {
      localHost: deps.config.host,
      q: params.string("q") ?? "",
      type: params.string("type") || undefined,
      limit,
      offset: Math.max(params.integer("offset") ?? 0, 0),
      accountId: params.string("account_id") || undefined,
      following: params.boolean("following") ?? false,
      maxId: params.string("max_id") || undefined,
      minId: params.string("min_id") || undefined,
      resolve: params.boolean("resolve") && viewerId
        ? (q) => deps.resolveRemote(q)
        : null,
    });
    const origin = deps.config.origin;
    return json({
      accounts: await renderAccounts(
        { sql: deps.sql, origin, mediaUrl: (key) => deps.media.url(key) },
        results.accounts,
      ),
      statuses: await renderStatuses(
        { sql: deps.sql, origin, viewerId },
        results.statuses,
      ),
      hashtags: await renderTags(deps.sql, results.hashtags, origin),
    });
  },
});
