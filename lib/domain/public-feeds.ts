/**
 * The RSS feeds: what anyone may subscribe to without an account, so they carry public posts
 * only — never unlisted, followers-only or direct ones. An account's feed is a local account's
 * own posts (no boosts, no replies to others; its threads stay); a hashtag's feed is the local
 * public posts with the tag. Both are read as an anonymous viewer.
 */
import type { Queryable } from "../db/client.ts";
import type { AccountRow } from "../db/accounts.ts";
import type { StatusRow } from "../db/statuses.ts";
import * as timelines from "../db/timelines.ts";
import { notFound } from "./errors.ts";
import { lookupAccount } from "./profiles.ts";

export const FEED_SIZE = 20;

export async function accountFeed(
  sql: Queryable,
  username: string,
  localHost: string,
): Promise<{ account: AccountRow; statuses: StatusRow[] }> {
  // A plain local username: `bob@elsewhere` has its own server's feed.
  if (username.includes("@")) throw notFound();
  const account = await lookupAccount(sql, username, localHost);
  const statuses = await timelines.accountStatuses(sql, null, account.id, {
    publicOnly: true,
    excludeReblogs: true,
    excludeReplies: true,
  }, { limit: FEED_SIZE });
  return { account, statuses };
}

export async function tagFeed(
  sql: Queryable,
  tag: string,
): Promise<{ tag: string; statuses: StatusRow[] }> {
  const name = tag.replace(/^#/, "").normalize("NFKC").toLowerCase();
  if (!name) throw notFound();
  const statuses = await timelines.tagTimeline(sql, null, {
    tag: name,
    local: true,
  }, { limit: FEED_SIZE });
  return { tag: name, statuses };
}
