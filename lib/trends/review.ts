/**
 * Moderators' review of trends (Mastodon's Admin::Trends): nothing trends publicly until someone
 * with `manage_taxonomies` approves it; a rejected item never shows. Approving a tag or a
 * publisher (a link's host) holds for good, so it trends again without review. Each decision is
 * written to the audit log in the same transaction.
 */
import type { Sql } from "../db/client.ts";
import * as db from "../db/trends.ts";
import * as publisherDb from "../db/trend-publishers.ts";
import { findStatusById, findStatusesByIds } from "../db/statuses.ts";
import { findAccountsByIds } from "../db/accounts.ts";
import { htmlToPlainText } from "../text/plain.ts";
import {
  type Actor,
  recordAction,
  requirePermission,
} from "../moderation/mod.ts";
import { notFound } from "../domain/errors.ts";

export type { TrendKind, TrendRow } from "../db/trends.ts";

/** Everything trending of `kind`, reviewed or not, best first (moderators only). */
export async function trendsForReview(
  sql: Sql,
  actor: Actor | null,
  kind: db.TrendKind,
  page: { offset: number; limit: number },
): Promise<db.TrendRow[]> {
  requirePermission(actor, "manage_taxonomies");
  return await db.listTrends(sql, kind, { approvedOnly: false, ...page });
}

const TARGET = {
  tag: "Tag",
  status: "Status",
  link: "Link",
  publisher: "Publisher",
} as const;

/**
 * Approves or rejects one item. Tags and statuses are named by their own ids (whether or not
 * they trend now), links by their trend's id, publishers (a link's host) by theirs.
 */
export async function reviewTrend(
  sql: Sql,
  actor: Actor | null,
  kind: db.ReviewKind,
  id: string,
  trendable: boolean,
): Promise<void> {
  const mod = requirePermission(actor, "manage_taxonomies");
  const { key, label } = await reviewedItem(sql, kind, id);
  await sql.begin(async (tx) => {
    await db.saveReview(tx, kind, key, trendable, mod.accountId);
    await recordAction(tx, {
      accountId: mod.accountId,
      action: trendable ? "approve" : "reject",
      targetType: TARGET[kind],
      targetId: kind === "link" || kind === "publisher" ? id : key,
      humanIdentifier: label,
    });
  });
}

async function reviewedItem(
  sql: Sql,
  kind: db.ReviewKind,
  id: string,
): Promise<{ key: string; label: string }> {
  if (kind === "tag") {
    const [tag] = /^\d{1,19}$/.test(id) ? await db.tagsByIds(sql, [id]) : [];
    if (!tag) throw notFound();
    return { key: tag.id, label: `#${tag.name}` };
  }
  if (kind === "status") {
    const status = /^\d{1,19}$/.test(id) ? await findStatusById(sql, id) : null;
    if (!status) throw notFound();
    return { key: status.id, label: status.uri };
  }
  if (kind === "publisher") {
    const publisher = await publisherDb.findPublisher(sql, { id });
    if (!publisher) throw notFound();
    return { key: publisher.host, label: publisher.host };
  }
  const trend = await db.findTrendById(sql, "link", id);
  if (!trend) throw notFound();
  return { key: trend.key, label: trend.key };
}

/** The sites of links trending now, with their review (moderators only). */
export async function publishersForReview(
  sql: Sql,
  actor: Actor | null,
  page: { offset: number; limit: number },
): Promise<publisherDb.PublisherRow[]> {
  requirePermission(actor, "manage_taxonomies");
  return await publisherDb.listPublishers(sql, page);
}

/** A publisher as the admin API answers after a decision. */
export async function reviewedPublisher(
  sql: Sql,
  id: string,
): Promise<publisherDb.PublisherRow> {
  const publisher = await publisherDb.findPublisher(sql, { id });
  if (!publisher) throw notFound();
  return publisher;
}

/** The tags that trend rows of kind `tag` name. */
export function tagsOfTrends(sql: Sql, rows: db.TrendRow[]) {
  return db.tagsByIds(sql, rows.map((r) => r.key));
}

/**
 * One reviewed item as the admin API answers after a decision: its trend row, or, for a tag or
 * status that doesn't trend now, a row with just its id and the decision.
 */
export async function reviewedTrend(
  sql: Sql,
  kind: db.TrendKind,
  id: string,
): Promise<db.TrendRow> {
  const trend = kind === "link"
    ? await db.findTrendById(sql, "link", id)
    : await db.findTrend(sql, kind, id);
  if (trend) return trend;
  if (kind === "link") throw notFound();
  return {
    id,
    kind,
    key: id,
    score: 0,
    accounts: 0,
    history: [],
    trendable: await db.findReview(sql, kind, id),
  };
}

/** One line of the /admin/trends page. */
export interface ReviewItem {
  /** What the decision form sends: the tag's or status's id, the link trend's id. */
  id: string;
  label: string;
  href: string;
  accounts: number;
  trendable: boolean | null;
  /** A link's site: approving it approves every link from there. */
  publisher?: { id: string; host: string };
}

/** Everything trending now, by kind, with a readable label, for the review page. */
export async function reviewQueue(
  sql: Sql,
  actor: Actor | null,
): Promise<Record<db.TrendKind, ReviewItem[]>> {
  const page = { offset: 0, limit: 50 };
  const [tags, statuses, links] = await Promise.all(
    (["tag", "status", "link"] as const).map((kind) =>
      trendsForReview(sql, actor, kind, page)
    ),
  );
  const tagNames = new Map(
    (await tagsOfTrends(sql, tags)).map((
      t,
    ) => [t.id, t.display_name || t.name]),
  );
  const statusRows = await findStatusesByIds(sql, statuses.map((s) => s.key));
  const authors = new Map(
    (await findAccountsByIds(sql, statusRows.map((s) => s.account_id)))
      .map((a) => [a.id, a]),
  );
  const statusLines = new Map(statusRows.map((s) => {
    const author = authors.get(s.account_id);
    const handle = author
      ? `@${author.username}${author.domain ? `@${author.domain}` : ""}`
      : "";
    const href = author && !author.domain
      ? `/@${author.username}/${s.id}`
      : s.url ?? s.uri;
    const text = htmlToPlainText(s.content).slice(0, 140);
    return [s.id, { label: `${handle}: ${text}`, href }];
  }));
  const publishers = new Map(
    (await publisherDb.listPublishers(sql, { offset: 0, limit: 200 }))
      .map((p) => [p.host, { id: p.id, host: p.host }]),
  );
  return {
    tag: tags.map((t) => ({
      id: t.key,
      label: `#${tagNames.get(t.key) ?? t.key}`,
      href: `/tags/${encodeURIComponent(tagNames.get(t.key) ?? t.key)}`,
      accounts: t.accounts,
      trendable: t.trendable,
    })),
    status: statuses.map((s) => ({
      id: s.key,
      label: statusLines.get(s.key)?.label ?? s.key,
      href: statusLines.get(s.key)?.href ?? "#",
      accounts: s.accounts,
      trendable: s.trendable,
    })),
    link: links.map((l) => ({
      id: l.id,
      label: l.key,
      href: l.key,
      accounts: l.accounts,
      trendable: l.trendable,
      publisher: publishers.get(new URL(l.key).hostname),
    })),
  };
}
