/** GET /api/v1/statuses/:id/context — visible ancestors and descendants. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { optionalViewer } from "../../../../../lib/mastodon/status-api.ts";
import { renderStatuses } from "../../../../../lib/mastodon/entities/status.ts";
import { statusContext } from "../../../../../lib/domain/timelines.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:statuses");
    const thread = await statusContext(deps.sql, viewerId, ctx.params.id);
    const options = {
      sql: deps.sql,
      origin: deps.config.origin,
      viewerId,
      filterContext: "thread" as const,
    };
    // One render for both halves keeps the query count constant.
    const all = await renderStatuses(options, [
      ...thread.ancestors,
      ...thread.descendants,
    ]);
    const ancestorIds = new Set(thread.ancestors.map((s) => s.id));
    return json({
      ancestors: all.filter((s) => ancestorIds.has(s.id)),
      descendants: all.filter((s) => !ancestorIds.has(s.id)),
    });
  },
});
