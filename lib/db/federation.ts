/**
 * SQL the federation layer needs that no other table-family module offers yet: remote accounts
 * by URI, follower inboxes, outbox pages, instance counters. Rows mirror the columns.
 */
import type { Queryable } from "./client.ts";
import type { AccountRow } from "./accounts.ts";

/** Columns of a remote actor as the federation layer stores them. */
export interface RemoteAccountInput {
  uri: string;
  username: string;
  domain: string;
  display_name: string;
  note: string;
  url: string | null;
  avatar_url: string | null;
  header_url: string | null;
  locked: boolean;
  bot: boolean;
  discoverable: boolean;
  indexable: boolean;
  fields: { name: string; value: string }[];
  also_known_as: string[];
  actor_type: string;
  inbox_url: string;
  shared_inbox_url: string | null;
  outbox_url: string | null;
  followers_url: string | null;
  following_url: string | null;
  featured_url: string | null;
  public_key_pem: string | null;
  public_key_id: string | null;
  created_at: Date | null;
}

export async function findAccountByUri(
  db: Queryable,
  uri: string,
): Promise<AccountRow | null> {
  const [row] = await db<
    AccountRow[]
  >`SELECT * FROM accounts WHERE uri = ${uri}`;
  return row ?? null;
}

/**
 * Inserts or refreshes a remote account by its actor URI. The (username, domain) pair is unique
 * too: an actor that changed its URI but kept its handle takes over the old row.
 */
export async function upsertRemoteAccount(
  db: Queryable,
  input: RemoteAccountInput,
): Promise<AccountRow> {
  const { created_at, ...rest } = input;
  const values = {
    ...rest,
    fields: db.json(input.fields as never),
    fetched_at: new Date(),
    updated_at: new Date(),
  };
  const columns = Object.keys(values) as (keyof typeof values)[];
  const updates = columns.filter((c) => c !== "uri");
  const update = async () => {
    const [byUri] = await db<AccountRow[]>`
      UPDATE accounts SET ${
      db(values, ...updates)
    } WHERE uri = ${input.uri} RETURNING *`;
    return byUri;
  };
  const byUri = await update();
  if (byUri) return byUri;
  try {
    const [row] = await db<AccountRow[]>`
      INSERT INTO accounts ${
      db(
        { ...values, created_at: created_at ?? new Date() },
        ...columns,
        "created_at",
      )
    }
      ON CONFLICT (lower(username), coalesce(lower(domain), '')) DO UPDATE SET
        uri = EXCLUDED.uri, inbox_url = EXCLUDED.inbox_url,
        shared_inbox_url = EXCLUDED.shared_inbox_url, fetched_at = EXCLUDED.fetched_at
      RETURNING *`;
    return row;
  } catch (error) {
    // Two deliveries from a new actor at once: the other one inserted it first.
    if ((error as { code?: string }).code !== "23505") throw error;
    const row = await update();
    if (!row) throw error;
    return row;
  }
}

/** Local accounts by id with their username, for building actor URIs. */
export async function findLocalAccountByUsername(
  db: Queryable,
  username: string,
): Promise<AccountRow | null> {
  const [row] = await db<AccountRow[]>`
    SELECT * FROM accounts WHERE domain IS NULL AND lower(username) = lower(${username})`;
  return row ?? null;
}

export interface InboxRow {
  uri: string;
  inbox_url: string;
  shared_inbox_url: string | null;
}

/** Remote followers of a local account, for delivery (paged by follow id). */
export async function remoteFollowerInboxes(
  db: Queryable,
  accountId: string,
  options: { afterId?: string; limit: number },
): Promise<(InboxRow & { follow_id: string })[]> {
  return await db<(InboxRow & { follow_id: string })[]>`
    SELECT a.uri, a.inbox_url, a.shared_inbox_url, f.id AS follow_id
    FROM follows f JOIN accounts a ON a.id = f.account_id
    WHERE f.target_account_id = ${accountId} AND a.domain IS NOT NULL AND a.inbox_url IS NOT NULL
      AND (${options.afterId ?? null}::bigint IS NULL OR f.id > ${
    options.afterId ?? null
  }::bigint)
    ORDER BY f.id LIMIT ${options.limit}`;
}

/**
 * One remote account per distinct delivery inbox (the shared one where there is one): every
 * server we know, for what all of them must hear (a deleted account). Paged by inbox.
 */
export async function knownPeerInboxes(
  db: Queryable,
  options: { afterInbox?: string; limit: number },
): Promise<(InboxRow & { delivery_inbox: string })[]> {
  return await db<(InboxRow & { delivery_inbox: string })[]>`
    SELECT DISTINCT ON (coalesce(shared_inbox_url, inbox_url))
      uri, inbox_url, shared_inbox_url,
      coalesce(shared_inbox_url, inbox_url) AS delivery_inbox
    FROM accounts
    WHERE domain IS NOT NULL AND inbox_url IS NOT NULL AND uri IS NOT NULL
      AND suspended_at IS NULL
      AND coalesce(shared_inbox_url, inbox_url) > ${options.afterInbox ?? ""}
    ORDER BY coalesce(shared_inbox_url, inbox_url)
    LIMIT ${options.limit}`;
}

/** Actor URIs (remote) or usernames (local) of an account's followers or followees. */
export async function relationshipPage(
  db: Queryable,
  accountId: string,
  direction: "followers" | "following",
  options: { beforeId?: string; limit: number },
): Promise<
  { id: string; uri: string | null; username: string; domain: string | null }[]
> {
  const before = options.beforeId ?? null;
  return direction === "followers"
    ? await db`
      SELECT f.id, a.uri, a.username, a.domain FROM follows f
      JOIN accounts a ON a.id = f.account_id
      WHERE f.target_account_id = ${accountId}
        AND (${before}::bigint IS NULL OR f.id < ${before}::bigint)
      ORDER BY f.id DESC LIMIT ${options.limit}`
    : await db`
      SELECT f.id, a.uri, a.username, a.domain FROM follows f
      JOIN accounts a ON a.id = f.target_account_id
      WHERE f.account_id = ${accountId}
        AND (${before}::bigint IS NULL OR f.id < ${before}::bigint)
      ORDER BY f.id DESC LIMIT ${options.limit}`;
}

export async function countFollows(
  db: Queryable,
  accountId: string,
  direction: "followers" | "following",
): Promise<number> {
  const [row] = direction === "followers"
    ? await db<{ n: number }[]>`
      SELECT count(*)::int AS n FROM follows WHERE target_account_id = ${accountId}`
    : await db<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM follows WHERE account_id = ${accountId}`;
  return row.n;
}

/** Usage numbers for NodeInfo. */
export async function instanceUsage(db: Queryable): Promise<{
  users: number;
  active_month: number;
  active_half_year: number;
  local_posts: number;
}> {
  const [row] = await db<
    {
      users: number;
      active_month: number;
      active_half_year: number;
      local_posts: number;
    }[]
  >`
    SELECT
      (SELECT count(*)::int FROM users WHERE approved AND NOT disabled) AS users,
      (SELECT count(*)::int FROM users WHERE last_sign_in_at > now() - interval '30 days')
        AS active_month,
      (SELECT count(*)::int FROM users WHERE last_sign_in_at > now() - interval '180 days')
        AS active_half_year,
      (SELECT count(*)::int FROM statuses WHERE local AND reblog_of_id IS NULL) AS local_posts`;
  return row;
}

/** The local follower behind a Follow we sent (by its id), pending or accepted. */
export async function findFollowerByFollowUri(
  db: Queryable,
  targetId: string,
  uri: string,
): Promise<AccountRow | null> {
  const [row] = await db<AccountRow[]>`
    SELECT a.* FROM accounts a WHERE a.domain IS NULL AND a.id IN (
      SELECT account_id FROM follow_requests WHERE target_account_id = ${targetId} AND uri = ${uri}
      UNION ALL
      SELECT account_id FROM follows WHERE target_account_id = ${targetId} AND uri = ${uri})`;
  return row ?? null;
}

/** The status a remote Like (by its id) was for. */
export async function findFavouritedStatusByUri(
  db: Queryable,
  accountId: string,
  uri: string,
): Promise<string | null> {
  const [row] = await db<{ status_id: string }[]>`
    SELECT status_id FROM favourites WHERE account_id = ${accountId} AND uri = ${uri}`;
  return row?.status_id ?? null;
}
