/**
 * GET /api/v1/filters — v2 filters in the v1 shape (one entry per keyword), for older apps;
 * POST makes a filter of one keyword (deprecated API, as Mastodon 4 keeps it).
 */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { v1FilterInput } from "../../../../lib/mastodon/filter-params.ts";
import { listFilters } from "../../../../lib/domain/filters.ts";
import { createV1Filter } from "../../../../lib/domain/filters-v1.ts";
import {
  v1FilterJson,
  v1FilterJsons,
} from "../../../../lib/mastodon/entities/filter.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:filters");
    return json(
      (await listFilters(deps.sql, me.account.id)).flatMap(v1FilterJsons),
    );
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:filters");
    const params = await Params.from(ctx.req, ctx.url);
    const { filter, keyword } = await createV1Filter(
      deps.sql,
      me.account.id,
      v1FilterInput(params),
    );
    return json(v1FilterJson(filter, keyword));
  },
});
