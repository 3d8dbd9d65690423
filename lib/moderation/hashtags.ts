/**
 * Hashtag moderation (Mastodon's admin tags, `manage_taxonomies`): moderators list and search
 * every tag and set what it may do. A tag that isn't `usable` is no longer linked in new posts
 * nor attached to them, isn't found by search and never trends; one that isn't `listable` isn't
 * offered by search; `trendable` is the same decision as the trends review (an approved tag
 * trends without review). `display_name` may change only the letters' case. Each change is in
 * the audit log, written in the same transaction.
 */
import type { Sql } from "../db/client.ts";
import * as db from "../db/admin-tags.ts";
import { saveReview } from "../db/trends.ts";
import type { Page } from "../db/timelines.ts";
import { normalizeHashtag } from "../text/mod.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { type Actor, requirePermission } from "./permissions.ts";
import { recordAction } from "./audit-log.ts";

export type { ModeratedTagRow } from "../db/admin-tags.ts";

/** What a moderator may change; an absent field stays as it is. */
export interface TagChanges {
  display_name?: string;
  usable?: boolean;
  listable?: boolean;
  trendable?: boolean;
}

export async function listHashtags(
  sql: Sql,
  actor: Actor | null,
  page: Page,
  q?: string,
): Promise<db.ModeratedTagRow[]> {
  requirePermission(actor, "manage_taxonomies");
  const search = q ? normalizeHashtag(q.trim().replace(/^#/, "")) : "";
  return await db.listModeratedTags(sql, page, search || undefined);
}

export async function getHashtag(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.ModeratedTagRow> {
  requirePermission(actor, "manage_taxonomies");
  const tag = /^\d{1,19}$/.test(id) ? await db.findModeratedTag(sql, id) : null;
  if (!tag) throw notFound();
  return tag;
}

export async function updateHashtag(
  sql: Sql,
  actor: Actor | null,
  id: string,
  changes: TagChanges,
): Promise<db.ModeratedTagRow> {
  const mod = requirePermission(actor, "manage_taxonomies");
  const tag = await getHashtag(sql, actor, id);
  const displayName = changes.display_name?.trim() || tag.display_name;
  if (normalizeHashtag(displayName) !== tag.name) {
    throw invalid(
      "Display name can only change the case of the hashtag's letters",
      "display_name",
    );
  }
  await sql.begin(async (tx) => {
    await db.setTagFlags(tx, tag.id, {
      display_name: displayName,
      usable: changes.usable ?? tag.usable,
      listable: changes.listable ?? tag.listable,
    });
    if (
      changes.trendable !== undefined && changes.trendable !== tag.trendable
    ) {
      await saveReview(tx, "tag", tag.id, changes.trendable, mod.accountId);
    }
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "update",
      targetType: "Tag",
      targetId: tag.id,
      humanIdentifier: `#${displayName}`,
    });
  });
  return await getHashtag(sql, actor, id);
}
