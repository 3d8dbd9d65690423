/**
 * Which custom emoji a text shows: Mastodon's rule (CustomEmoji.from_text) — the `:shortcode:`
 * written in a status, a display name or a bio, looked up among the enabled emoji of the
 * author's domain (local ones for local authors). Nothing links a status to its emoji; a
 * disabled or deleted emoji simply stops being found.
 */
import type { Queryable } from "../db/client.ts";
import type { CustomEmoji } from "../mastodon/entities/types.ts";
import * as db from "./emojis-db.ts";

/** `:code:` not glued to letters, digits or another colon (Mastodon's `SCAN_RE`). */
const IN_TEXT = /(?<![\p{L}\p{N}:]):([a-zA-Z0-9_]{2,}):(?![\p{L}\p{N}:])/gu;

export function shortcodesIn(
  ...texts: (string | null | undefined)[]
): string[] {
  const codes = new Set<string>();
  for (const text of texts) {
    if (!text || !text.includes(":")) continue;
    for (const match of text.matchAll(IN_TEXT)) codes.add(match[1]);
  }
  return [...codes];
}

export type FileUrl = (key: string) => string;

export function emojiJson(row: db.EmojiRow, fileUrl: FileUrl): CustomEmoji {
  const url = row.image_key
    ? fileUrl(row.image_key)
    : row.image_remote_url ?? "";
  return {
    shortcode: row.shortcode,
    url,
    static_url: row.image_static_key ? fileUrl(row.image_static_key) : url,
    visible_in_picker: row.visible_in_picker,
    category: row.category,
  };
}

/** One piece of text (or several) written by someone of `domain` (null: local). */
export interface EmojiSource {
  domain: string | null;
  texts: (string | null | undefined)[];
}

/** The emoji found for a batch of texts, loaded in one query; asked per text afterwards. */
export class EmojiIndex {
  static readonly EMPTY = new EmojiIndex(new Map());

  private constructor(
    private readonly byDomain: Map<string, Map<string, db.EmojiRow>>,
    private readonly fileUrl: FileUrl = (key) => key,
  ) {}

  static async load(
    sql: Queryable,
    fileUrl: FileUrl,
    sources: EmojiSource[],
  ): Promise<EmojiIndex> {
    const wanted = new Map<string, { domain: string; shortcode: string }>();
    for (const source of sources) {
      const domain = source.domain ?? "";
      for (const shortcode of shortcodesIn(...source.texts)) {
        wanted.set(`${domain} ${shortcode}`, { domain, shortcode });
      }
    }
    if (wanted.size === 0) return EmojiIndex.EMPTY;
    const rows = await db.enabledByShortcodes(sql, [...wanted.values()]);
    const byDomain = new Map<string, Map<string, db.EmojiRow>>();
    for (const row of rows) {
      const domain = row.domain ?? "";
      if (!byDomain.has(domain)) byDomain.set(domain, new Map());
      byDomain.get(domain)!.set(row.shortcode, row);
    }
    return new EmojiIndex(byDomain, fileUrl);
  }

  /** The rows of the emoji `texts` by someone of `domain` show (ActivityPub tags need ids). */
  rows(
    domain: string | null,
    ...texts: (string | null | undefined)[]
  ): db.EmojiRow[] {
    const known = this.byDomain.get(domain ?? "");
    if (!known) return [];
    return shortcodesIn(...texts).flatMap((code) => {
      const row = known.get(code);
      return row ? [row] : [];
    });
  }

  /** The URL of a stored file (the index's storage). */
  url(key: string): string {
    return this.fileUrl(key);
  }

  /** The emoji `texts` by someone of `domain` show, each once, in order of appearance. */
  find(
    domain: string | null,
    ...texts: (string | null | undefined)[]
  ): CustomEmoji[] {
    return this.rows(domain, ...texts).map((row) =>
      emojiJson(row, this.fileUrl)
    );
  }
}

/** What an account's profile texts show. */
export function accountEmojiSource(
  account: {
    domain: string | null;
    display_name: string;
    note: string;
    fields: unknown;
  },
): EmojiSource {
  const fields = Array.isArray(account.fields)
    ? (account.fields as { name?: string; value?: string }[])
    : [];
  return {
    domain: account.domain,
    texts: [
      account.display_name,
      account.note,
      ...fields.flatMap((f) => [f.name, f.value]),
    ],
  };
}

export function accountEmojis(
  index: EmojiIndex,
  account: Parameters<typeof accountEmojiSource>[0],
): CustomEmoji[] {
  const source = accountEmojiSource(account);
  return index.find(source.domain, ...source.texts);
}

/** The enabled local emoji (`GET /api/v1/custom_emojis`, the compose picker). */
export async function localEmojis(
  sql: Queryable,
  fileUrl: FileUrl,
): Promise<CustomEmoji[]> {
  return (await db.enabledLocalEmojis(sql)).map((row) =>
    emojiJson(row, fileUrl)
  );
}

/** The emoji one account's profile shows (a profile page, `GET /api/v1/accounts/:id`). */
export async function emojisOfAccount(
  sql: Queryable,
  fileUrl: FileUrl,
  account: Parameters<typeof accountEmojiSource>[0],
): Promise<CustomEmoji[]> {
  return (await emojiRowsOfAccount(sql, account)).map((row) =>
    emojiJson(row, fileUrl)
  );
}

/** The same as rows (the actor's Emoji tags). */
export async function emojiRowsOfAccount(
  sql: Queryable,
  account: Parameters<typeof accountEmojiSource>[0],
): Promise<db.EmojiRow[]> {
  const source = accountEmojiSource(account);
  const index = await EmojiIndex.load(sql, (key) => key, [source]);
  return index.rows(source.domain, ...source.texts);
}

/** What the compose picker offers: the enabled local emoji shown in the picker. */
export async function pickerEmojis(
  sql: Queryable,
  fileUrl: FileUrl,
): Promise<CustomEmoji[]> {
  return (await localEmojis(sql, fileUrl)).filter((e) => e.visible_in_picker);
}

/** What a page of statuses needs looked up: each status's texts and its author's profile. */
export interface BundleTexts {
  statuses: Map<string, {
    account_id: string;
    content: string;
    spoiler_text: string;
    poll_id: string | null;
  }>;
  accounts: Map<string, Parameters<typeof accountEmojiSource>[0]>;
  polls: Map<string, { options: string[] }>;
}

/** The custom emoji a page of statuses and their authors may show, in one query. */
export function emojiIndexOfBundle(
  sql: Queryable,
  fileUrl: FileUrl,
  bundle: BundleTexts,
): Promise<EmojiIndex> {
  const sources: EmojiSource[] = [];
  for (const status of bundle.statuses.values()) {
    const account = bundle.accounts.get(status.account_id);
    if (!account) continue;
    const poll = status.poll_id ? bundle.polls.get(status.poll_id) : undefined;
    sources.push({
      domain: account.domain,
      texts: [status.content, status.spoiler_text, ...(poll?.options ?? [])],
    });
  }
  for (const account of bundle.accounts.values()) {
    sources.push(accountEmojiSource(account));
  }
  return EmojiIndex.load(sql, fileUrl, sources);
}

/** The enabled local emoji among `shortcodes`, by shortcode (announcement reactions). */
export async function localEmojisNamed(
  sql: Queryable,
  fileUrl: FileUrl,
  shortcodes: string[],
): Promise<Map<string, CustomEmoji>> {
  const rows = await db.enabledByShortcodes(
    sql,
    shortcodes.map((shortcode) => ({ domain: "", shortcode })),
  );
  return new Map(rows.map((row) => [row.shortcode, emojiJson(row, fileUrl)]));
}

/** An enabled local emoji by id (its ActivityPub object, `/emojis/:id`); null otherwise. */
export async function enabledLocalEmoji(
  sql: Queryable,
  id: string,
): Promise<db.EmojiRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const row = await db.findEmoji(sql, id);
  return row && row.domain === null && !row.disabled ? row : null;
}
