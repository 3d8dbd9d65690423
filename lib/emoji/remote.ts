/**
 * Remote emoji, learnt from the `Emoji` tags of a peer's posts and actors: stored under the
 * peer's domain with the image where the peer keeps it, so `emojis` on its statuses and
 * accounts can name them. A domain whose media we reject (`reject_media`) gets none stored.
 */
import { federationPolicy } from "../moderation/mod.ts";

type PolicyDeps = Parameters<typeof federationPolicy>[0];
import * as db from "./emojis-db.ts";

export interface RemoteEmoji {
  shortcode: string;
  /** The image URL (`icon.url`). */
  url: string;
  /** The Emoji's ActivityPub id. */
  uri: string | null;
}

const SHORTCODE = /^[a-zA-Z0-9_]{2,128}$/;
/** More than any post shows; a flood of tags stores no more than this. */
const MAX_PER_OBJECT = 100;

function usable(emoji: RemoteEmoji): boolean {
  if (!SHORTCODE.test(emoji.shortcode)) return false;
  try {
    const url = new URL(emoji.url);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

export async function storeRemoteEmojis(
  deps: PolicyDeps,
  domain: string,
  emojis: RemoteEmoji[],
): Promise<void> {
  const kept = emojis.filter(usable).slice(0, MAX_PER_OBJECT);
  if (kept.length === 0) return;
  if ((await federationPolicy(deps)).rejectsMedia(domain)) return;
  await deps.sql.begin(async (tx) => {
    for (const emoji of kept) {
      await db.upsertRemoteEmoji(tx, { ...emoji, domain });
    }
  });
}
