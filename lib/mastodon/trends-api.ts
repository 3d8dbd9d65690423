/**
 * What the trends routes share: offset pages with Mastodon's limits, and the admin API's list
 * and approve/reject answers for each kind (tags as Admin::Tag, statuses as Status, links as
 * Trends::Link, each with `requires_review`).
 */
import type { Deps } from "../deps.ts";
import type { Actor, ModeratedTagRow } from "../moderation/mod.ts";
import {
  publishersForReview,
  reviewedPublisher,
  reviewedTrend,
  reviewTrend,
  tagsOfTrends,
  type TrendKind,
  type TrendRow,
  trendsForReview,
} from "../trends/mod.ts";
import { tagHistoriesById } from "../domain/tags.ts";
import { findStatusesByIds } from "../db/statuses.ts";
import { renderStatuses } from "./entities/status.ts";
import {
  adminPublisherJson,
  adminTagJson,
  adminTrendsLinkJson,
  type LinkCard,
} from "./entities/trends.ts";
import { cardsByUrl } from "../cards/mod.ts";
import { type ActionContext, requireStaffCaller } from "./admin-api.ts";
import { json } from "./errors.ts";
import { offsetLinkHeader, offsetPage } from "./pagination.ts";

/** Mastodon's page sizes: tags and links 10 (at most 20), statuses 20 (at most 40). */
export const TREND_LIMITS = {
  tag: { limit: 10, max: 20 },
  status: { limit: 20, max: 40 },
  link: { limit: 10, max: 20 },
} as const;

export const READ_TRENDS = ["admin:read"];
export const WRITE_TRENDS = ["admin:write"];

/** The preview cards of trending links (one query), as `trendsLinkJson` takes them. */
export async function linkCards(
  deps: Deps,
  rows: TrendRow[],
): Promise<(row: TrendRow) => LinkCard> {
  const cards = await cardsByUrl(deps.sql, rows.map((row) => row.key));
  const mediaUrl = (key: string) => deps.media.url(key);
  return (row) => ({ found: cards.get(row.key), mediaUrl });
}

async function renderAdminTrends(
  deps: Deps,
  actor: Actor,
  kind: TrendKind,
  rows: TrendRow[],
): Promise<unknown[]> {
  const origin = deps.config.origin;
  if (kind === "link") {
    const cards = await linkCards(deps, rows);
    return rows.map((row) => adminTrendsLinkJson(row, cards(row)));
  }
  const review = new Map(rows.map((r) => [r.key, r.trendable]));
  if (kind === "tag") {
    const tags = await tagsOfTrends(deps.sql, rows);
    return await renderAdminTags(
      deps,
      tags.map((tag) => ({ ...tag, trendable: review.get(tag.id) ?? null })),
    );
  }
  const statuses = await renderStatuses(
    {
      sql: deps.sql,
      origin,
      viewerId: actor.accountId,
      mediaUrl: (key) => deps.media.url(key),
    },
    await findStatusesByIds(deps.sql, rows.map((r) => r.key)),
  );
  const order = new Map(rows.map((r, i) => [r.key, i]));
  return statuses
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((s) => ({
      ...s,
      requires_review: (review.get(s.id) ?? null) === null,
    }));
}

/** Admin::Tag of each tag, their week of use fetched in one query. */
export async function renderAdminTags(
  deps: Deps,
  tags: ModeratedTagRow[],
): Promise<ReturnType<typeof adminTagJson>[]> {
  const histories = await tagHistoriesById(deps.sql, tags.map((t) => t.id));
  return tags.map((tag) =>
    adminTagJson(
      tag,
      deps.config.origin,
      histories.get(tag.id) ?? [],
      tag.trendable,
    )
  );
}

/** `GET /api/v1/admin/trends/<kind>`: everything trending, reviewed or not. */
export function adminTrendsRoute(kind: TrendKind) {
  return async (ctx: ActionContext): Promise<Response> => {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_TRENDS);
    const page = offsetPage(ctx.url, TREND_LIMITS[kind]);
    const rows = await trendsForReview(deps.sql, actor, kind, page);
    const link = offsetLinkHeader(
      deps.config.origin,
      ctx.url,
      page,
      rows.length,
    );
    return json(await renderAdminTrends(deps, actor, kind, rows), {
      headers: link ? { link } : {},
    });
  };
}

/** `POST /api/v1/admin/trends/<kind>/:id/approve|reject`: decide, answer the item. */
export function reviewTrendRoute(kind: TrendKind, trendable: boolean) {
  return async (ctx: ActionContext): Promise<Response> => {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_TRENDS);
    const id = ctx.params.id;
    await reviewTrend(deps.sql, actor, kind, id, trendable);
    const [body] = await renderAdminTrends(deps, actor, kind, [
      await reviewedTrend(deps.sql, kind, id),
    ]);
    return json(body ?? {});
  };
}

/** `GET /api/v1/admin/trends/links/publishers`: the sites of trending links. */
export async function adminPublishersRoute(
  ctx: ActionContext,
): Promise<Response> {
  const { deps } = ctx.state;
  const actor = await requireStaffCaller(deps, ctx.req, ...READ_TRENDS);
  const page = offsetPage(ctx.url, TREND_LIMITS.link);
  const rows = await publishersForReview(deps.sql, actor, page);
  const link = offsetLinkHeader(deps.config.origin, ctx.url, page, rows.length);
  return json(rows.map(adminPublisherJson), { headers: link ? { link } : {} });
}

/** `POST /api/v1/admin/trends/links/publishers/:id/approve|reject`. */
export function reviewPublisherRoute(trendable: boolean) {
  return async (ctx: ActionContext): Promise<Response> => {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_TRENDS);
    await reviewTrend(deps.sql, actor, "publisher", ctx.params.id, trendable);
    return json(
      adminPublisherJson(await reviewedPublisher(deps.sql, ctx.params.id)),
    );
  };
}
