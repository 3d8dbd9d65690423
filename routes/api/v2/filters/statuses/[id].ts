/** GET/DELETE /api/v2/filters/statuses/:id — one status entry of the caller's filters. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import {
  getFilterStatus,
  removeFilterStatus,
} from "../../../../../lib/domain/filter-statuses.ts";
import { filterStatusJson } from "../../../../../lib/mastodon/entities/filter.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:filters");
    const entry = await getFilterStatus(deps.sql, me.account.id, ctx.params.id);
    return json(filterStatusJson(entry));
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:filters");
    await removeFilterStatus(deps.sql, me.account.id, ctx.params.id);
    return json({});
  },
});
