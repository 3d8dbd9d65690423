/**
 * Search: accounts by username or display-name prefix, hashtags by prefix, and statuses the
 * viewer may see (ILIKE, signed-in viewers only, as Mastodon without a full-text index).
 * `resolve` is the hook for `resolve=true`: the route passes `deps.resolveRemote` (federation),
 * whose finds are put first.
 */
import { normalizeDomain } from "../text/domain.ts";
import type { Queryable } from "../db/client.ts";
import type { AccountRow } from "../db/accounts.ts";
import type { StatusRow } from "../db/statuses.ts";
import * as db from "../db/search.ts";
import type { TagRow } from "../db/search.ts";
import { normalizeHashtag } from "../text/compose.ts";
import { invalid, notFound } from "./errors.ts";
import { isVisibleTo } from "./visibility.ts";
import { searchAccounts } from "./profiles.ts";

export interface SearchInput {
  q: string;
  /** This server's host: `user@<it>` is a local account. */
  localHost: string;
  type?: string;
  limit: number;
  offset: number;
  accountId?: string;
  following?: boolean;
  maxId?: string;
  minId?: string;
  /** Looks the query up on other servers (`resolve=true`); null when not asked. */
  resolve?:
    | ((
      q: string,
    ) => Promise<{ account: AccountRow | null; status: StatusRow | null }>)
    | null;
}

export interface SearchResults {
  accounts: AccountRow[];
  hashtags: TagRow[];
  statuses: StatusRow[];
}

export async function search(
  sql: Queryable,
  viewerId: string | null,
  input: SearchInput,
): Promise<SearchResults> {
  const q = input.q.trim();
  const results: SearchResults = { accounts: [], hashtags: [], statuses: [] };
  if (!q) return results;
  const wants = (type: string) => !input.type || input.type === type;
  if (input.resolve && viewerId) {
    const found = await input.resolve(q).catch(() => ({
      account: null,
      status: null,
    }));
    if (found.account && wants("accounts")) {
      results.accounts.push(found.account);
    }
    if (
      found.status && wants("statuses") &&
      await isVisibleTo(sql, { accountId: viewerId }, found.status)
    ) results.statuses.push(found.status);
  }
  const page = { limit: input.limit, offset: input.offset };
  if (wants("accounts") && !/^https?:\/\//.test(q)) {
    // An address's domain compares in punycode, as accounts store it.
    const address = q.replace(
      /^(@?[^@\s]+@)([^@\s]+)$/,
      (_, user, host) => user + normalizeDomain(host),
    );
    const rows = await searchAccounts(sql, {
      q: address,
      ...page,
      localHost: input.localHost,
      followedBy: input.following && viewerId ? viewerId : undefined,
    });
    const seen = new Set(results.accounts.map((a) => a.id));
    results.accounts.push(...rows.filter((a) => !seen.has(a.id)));
  }
  if (wants("hashtags") && !/^https?:\/\//.test(q) && !q.includes("@")) {
    results.hashtags = await db.searchTags(
      sql,
      normalizeHashtag(q.replace(/^#/, "")),
      page,
    );
  }
  if (wants("statuses") && viewerId && !/^https?:\/\//.test(q)) {
    const rows = await db.searchStatuses(sql, viewerId, q, {
      ...page,
      accountId: input.accountId,
      maxId: input.maxId,
      minId: input.minId,
    });
    const seen = new Set(results.statuses.map((s) => s.id));
    results.statuses.push(...rows.filter((s) => !seen.has(s.id)));
  }
  return results;
}

export async function getTag(sql: Queryable, name: string) {
  const tag = await db.findTagByName(
    sql,
    normalizeHashtag(name.replace(/^#/, "")),
  );
  if (!tag) throw notFound();
  return tag;
}

export async function followTag(
  sql: Queryable,
  accountId: string,
  name: string,
) {
  const normal = normalizeHashtag(name.replace(/^#/, ""));
  if (!/^[\p{L}\p{M}\p{N}_]+$/u.test(normal)) {
    throw invalid("Name is not a valid hashtag");
  }
  const tag = await db.ensureTag(sql, normal);
  await db.followTag(sql, accountId, tag.id);
  return tag;
}

export async function unfollowTag(
  sql: Queryable,
  accountId: string,
  name: string,
) {
  const tag = await getTag(sql, name);
  await db.unfollowTag(sql, accountId, tag.id);
  return tag;
}

export const isFollowingTag = db.isFollowingTag;
