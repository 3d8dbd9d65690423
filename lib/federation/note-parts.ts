/**
 * What turning statuses into Notes needs besides their rows — mentions, hashtags, media, poll,
 * reply target — loaded for a whole page at once: the statuses come through the same bundle
 * statement the client API renders with (`loadStatusBundle`), plus one statement for the
 * parents of replies and one for their authors, however many statuses there are.
 */
import type { Context } from "@fedify/fedify";
import type { Deps } from "../deps.ts";
import { findStatusesByIds, type StatusRow } from "../db/statuses.ts";
import type { PollRow } from "../db/polls.ts";
import {
  loadStatusBundle,
  type MediaRow,
  type MentionRow,
  type StatusBundle,
} from "../db/status-bundle.ts";
import { accountUri, statusUri } from "./to-ap.ts";
import { emojiIndexOfBundle, type EmojiRow } from "../emoji/mod.ts";

/** Everything `noteFromStatus` needs besides the row. */
export interface NoteParts {
  mentions: MentionRow[];
  mentionUris: URL[];
  /** Hashtags as first written (their display names). */
  tags: string[];
  media: MediaRow[];
  replyTarget: URL | null;
  poll: PollRow | null;
  /** The custom emoji its text shows (Emoji tags). */
  emojis: EmojiRow[];
}

export interface LoadedNotes {
  /** The rows, the originals of boosts among them, and all their authors. */
  bundle: StatusBundle;
  /** By status id, for every row and boosted original. */
  parts: Map<string, NoteParts>;
}

/** Loads the Note parts of `rows` (and of the originals they boost) in a constant few statements. */
export async function loadNotes(
  ctx: Context<Deps>,
  rows: StatusRow[],
): Promise<LoadedNotes> {
  const parentIds = [
    ...new Set(rows.flatMap((s) => s.in_reply_to_id ? [s.in_reply_to_id] : [])),
  ];
  const parentAuthorIds = [
    ...new Set(
      rows.flatMap((s) =>
        s.in_reply_to_account_id ? [s.in_reply_to_account_id] : []
      ),
    ),
  ];
  const [bundle, parents] = await Promise.all([
    loadStatusBundle(ctx.data.sql, rows, null, parentAuthorIds),
    findStatusesByIds(ctx.data.sql, parentIds),
  ]);
  const emojis = await emojiIndexOfBundle(
    ctx.data.sql,
    (key) => ctx.data.media.url(key),
    bundle,
  );
  const parentsById = new Map(parents.map((p) => [p.id, p]));
  const parts = new Map<string, NoteParts>();
  for (const status of bundle.statuses.values()) {
    const mentions = bundle.mentions.get(status.id) ?? [];
    const parent = status.in_reply_to_id
      ? parentsById.get(status.in_reply_to_id)
      : undefined;
    const parentAuthor = parent && bundle.accounts.get(parent.account_id);
    parts.set(status.id, {
      mentions,
      mentionUris: mentions.map((m) => accountUri(ctx, m)),
      tags: (bundle.tags.get(status.id) ?? []).map((t) => t.display_name),
      media: bundle.media.get(status.id) ?? [],
      replyTarget: parent && parentAuthor
        ? statusUri(ctx, parent, parentAuthor)
        : status.in_reply_to_uri
        ? new URL(status.in_reply_to_uri)
        : null,
      poll: status.poll_id ? bundle.polls.get(status.poll_id) ?? null : null,
      emojis: emojis.rows(
        bundle.accounts.get(status.account_id)?.domain ?? null,
        status.content,
        status.spoiler_text,
        ...(status.poll_id
          ? bundle.polls.get(status.poll_id)?.options ?? []
          : []),
      ),
    });
  }
  return { bundle, parts };
}

/** One status's Note parts; null when it was deleted meanwhile. */
export async function loadNoteParts(
  ctx: Context<Deps>,
  status: StatusRow,
): Promise<NoteParts | null> {
  const { parts } = await loadNotes(ctx, [status]);
  return parts.get(status.id) ?? null;
}
