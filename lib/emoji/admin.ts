/**
 * Managing custom emoji (`manage_custom_emojis`): upload a local one, file it in a category,
 * show or hide it in the picker, disable or enable it, delete it, copy a remote one to local.
 * Every change is in the audit log; a deleted emoji's files go by a job once the row is gone.
 */
import type { Deps } from "../deps.ts";
import type { Queryable } from "../db/client.ts";
import { invalid, notFound } from "../domain/errors.ts";
import {
  type Actor,
  recordAction,
  requirePermission,
} from "../moderation/mod.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";
import * as db from "./emojis-db.ts";
import { fetchEmojiImage, storeEmojiImage } from "./images.ts";

export type AdminDeps = Pick<
  Deps,
  "sql" | "media" | "jobs" | "config" | "resolveHost"
>;

/** Mastodon's `CustomEmoji::SHORTCODE_ONLY_RE`. */
const SHORTCODE = /^[a-zA-Z0-9_]{2,}$/;
const MAX_SHORTCODE = 128;
const MAX_CATEGORY = 64;
const FILES_JOB = "emoji.delete_files";

export function checkShortcode(shortcode: string): string {
  const code = shortcode.trim().replace(/^:|:$/g, "");
  if (!SHORTCODE.test(code) || code.length > MAX_SHORTCODE) {
    throw invalid(
      "Shortcode must be at least 2 characters: letters, digits and underscores only",
      "shortcode",
    );
  }
  return code;
}

async function categoryId(
  sql: Queryable,
  name: string,
): Promise<string | null> {
  const trimmed = name.trim();
  if (!trimmed) return null;
  if ([...trimmed].length > MAX_CATEGORY) {
    throw invalid(
      `Category is too long (maximum is ${MAX_CATEGORY} characters)`,
      "category",
    );
  }
  return (await db.categoryNamed(sql, trimmed)).id;
}

export interface EmojiUpload {
  shortcode: string;
  bytes: Uint8Array;
  category: string;
}

/** A new local emoji: the image is checked and stored, then the row is written with its log. */
export async function createEmoji(
  deps: AdminDeps,
  actor: Actor | null,
  upload: EmojiUpload,
): Promise<db.EmojiRow> {
  const mod = requirePermission(actor, "manage_custom_emojis");
  return await insertLocal(deps, mod, upload, "create");
}

async function insertLocal(
  deps: AdminDeps,
  mod: Actor | null,
  upload: EmojiUpload,
  action: "create" | "copy",
): Promise<db.EmojiRow> {
  const shortcode = checkShortcode(upload.shortcode);
  if (await db.findByShortcode(deps.sql, shortcode, null)) throw taken();
  const image = await storeEmojiImage(deps, upload.bytes);
  const row = await deps.sql.begin(async (tx) => {
    const row = await db.insertEmoji(tx, {
      shortcode,
      domain: null,
      image_key: image.key,
      image_static_key: image.staticKey,
      image_content_type: image.contentType,
      image_remote_url: null,
      uri: null,
      category_id: await categoryId(tx, upload.category),
    });
    if (row) await log(tx, mod, action, row);
    return row;
  });
  if (!row) {
    // Taken meanwhile: the files stored for it belong to nothing.
    await deps.media.delete(image.key);
    await deps.media.delete(image.staticKey);
    throw taken();
  }
  return row;
}

function taken() {
  return invalid("Shortcode has already been taken", "shortcode");
}

export async function getEmoji(
  sql: Queryable,
  actor: Actor | null,
  id: string,
): Promise<db.EmojiRow> {
  requirePermission(actor, "manage_custom_emojis");
  const row = /^\d{1,19}$/.test(id) ? await db.findEmoji(sql, id) : null;
  if (!row) throw notFound();
  return row;
}

export async function listEmojisForAdmin(
  sql: Queryable,
  actor: Actor | null,
  filter: db.EmojiFilter,
): Promise<{ emojis: db.EmojiRow[]; categories: db.CategoryRow[] }> {
  requirePermission(actor, "manage_custom_emojis");
  const [emojis, categories] = await Promise.all([
    db.listEmojis(sql, filter),
    db.allCategories(sql),
  ]);
  return { emojis, categories };
}

export async function emojiCategories(
  sql: Queryable,
  actor: Actor | null,
): Promise<db.CategoryRow[]> {
  requirePermission(actor, "manage_custom_emojis");
  return await db.allCategories(sql);
}

export type EmojiChange =
  | { kind: "category"; category: string }
  | { kind: "picker"; visible: boolean }
  | { kind: "enabled"; enabled: boolean };

export async function changeEmoji(
  sql: Deps["sql"],
  actor: Actor | null,
  id: string,
  change: EmojiChange,
): Promise<db.EmojiRow> {
  const mod = requirePermission(actor, "manage_custom_emojis");
  const emoji = await getEmoji(sql, actor, id);
  await sql.begin(async (tx) => {
    if (change.kind === "category") {
      if (emoji.domain !== null) {
        throw invalid("Only local emoji have a category", "category");
      }
      await db.updateEmojiRow(tx, emoji.id, {
        category_id: await categoryId(tx, change.category),
      });
      await log(tx, mod, "update", emoji);
    } else if (change.kind === "picker") {
      await db.updateEmojiRow(tx, emoji.id, {
        visible_in_picker: change.visible,
      });
      await log(tx, mod, "update", emoji);
    } else {
      await db.updateEmojiRow(tx, emoji.id, { disabled: !change.enabled });
      await log(tx, mod, change.enabled ? "enable" : "disable", emoji);
    }
  });
  return (await db.findEmoji(sql, emoji.id))!;
}

export async function deleteEmoji(
  deps: AdminDeps,
  actor: Actor | null,
  id: string,
): Promise<void> {
  const mod = requirePermission(actor, "manage_custom_emojis");
  const emoji = await getEmoji(deps.sql, actor, id);
  const keys = [emoji.image_key, emoji.image_static_key].filter((
    k,
  ): k is string => !!k);
  await deps.sql.begin(async (tx) => {
    await db.deleteEmojiRow(tx, emoji.id);
    await log(tx, mod, "destroy", emoji);
    if (keys.length) await deps.jobs.enqueue(tx, FILES_JOB, { keys });
  });
}

/** A remote emoji made local under the same shortcode (its image fetched and stored here). */
export async function copyEmoji(
  deps: AdminDeps,
  actor: Actor | null,
  id: string,
): Promise<db.EmojiRow> {
  const mod = requirePermission(actor, "manage_custom_emojis");
  const emoji = await getEmoji(deps.sql, actor, id);
  if (emoji.domain === null) {
    throw invalid("This emoji is local already", "id");
  }
  const bytes = emoji.image_key
    ? (await deps.media.get(emoji.image_key))?.bytes
    : emoji.image_remote_url
    ? await fetchEmojiImage(deps, emoji.image_remote_url)
    : null;
  if (!bytes) throw invalid("This emoji has no image to copy", "id");
  return await insertLocal(
    deps,
    mod,
    { shortcode: emoji.shortcode, bytes, category: "" },
    "copy",
  );
}

async function log(
  tx: Queryable,
  mod: Actor | null,
  action: "create" | "copy" | "update" | "enable" | "disable" | "destroy",
  emoji: db.EmojiRow,
) {
  await recordAction(tx, {
    accountId: mod?.accountId ?? null,
    action,
    targetType: "CustomEmoji",
    targetId: String(emoji.id),
    humanIdentifier: emoji.domain
      ? `:${emoji.shortcode}@${emoji.domain}:`
      : `:${emoji.shortcode}:`,
  });
}

/** A deleted emoji's files, removed once its row is gone. */
export const emojiFilesJob = defineJob<{ keys: string[] }, Deps>({
  kind: FILES_JOB,
  parse: schema.object({ keys: schema.array(schema.string) }),
  retry: { backoff: exponentialBackoff(5_000, 60_000), maxAttempts: 5 },
  async handler(deps, { keys }) {
    for (const key of keys) await deps.media.delete(key);
  },
});

/**
 * For the operator's command line (`deno task admin emoji import`), which the operator may run
 * before anyone holds a role: the audit log names the Owner when there is one.
 */
export function importEmoji(
  deps: AdminDeps,
  operator: Actor | null,
  upload: EmojiUpload,
): Promise<db.EmojiRow> {
  return insertLocal(deps, operator, upload, "create");
}
