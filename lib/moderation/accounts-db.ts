/** SQL for the moderators' view of accounts: users, roles and addresses of many at once. */
import type { Queryable } from "../db/client.ts";
import type { AccountRow, UserRow } from "../db/accounts.ts";
import type { StatusRow } from "../db/statuses.ts";

export interface AddressUse {
  account_id: string;
  ip: string;
  used_at: Date;
}

export async function usersOfAccounts(
  db: Queryable,
  accountIds: string[],
): Promise<Map<string, UserRow>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db<UserRow[]>`
    SELECT * FROM users WHERE account_id = ANY(${accountIds}::bigint[])`;
  return new Map(rows.map((u) => [String(u.account_id), u]));
}

/** The addresses each account signed up and signed in from, most recent first. */
export async function addressesOfAccounts(
  db: Queryable,
  accountIds: string[],
): Promise<Map<string, AddressUse[]>> {
  const out = new Map<string, AddressUse[]>();
  if (accountIds.length === 0) return out;
  const rows = await db<AddressUse[]>`
    SELECT account_id, ip, max(used_at) AS used_at FROM (
      SELECT u.account_id, s.ip, s.last_used_at AS used_at
      FROM web_sessions s JOIN users u ON u.id = s.user_id
      WHERE u.account_id = ANY(${accountIds}::bigint[]) AND s.ip IS NOT NULL
      UNION ALL
      -- Where it signed up from (a pending account has no session yet).
      SELECT u.account_id, u.sign_up_ip, u.created_at
      FROM users u
      WHERE u.account_id = ANY(${accountIds}::bigint[]) AND u.sign_up_ip IS NOT NULL
    ) uses
    GROUP BY account_id, ip
    ORDER BY used_at DESC`;
  for (const row of rows) {
    const id = String(row.account_id);
    out.set(id, [...out.get(id) ?? [], row]);
  }
  return out;
}

export interface AccountQuery {
  origin?: "local" | "remote";
  status?: "active" | "pending" | "disabled" | "silenced" | "suspended";
  /** Only accounts whose user holds a role (Mastodon's `permissions=staff`). */
  staff?: boolean;
  username?: string;
  byDomain?: string;
  displayName?: string;
  /** Substring of the e-mail address (Mastodon matches it with ILIKE). */
  email?: string;
  /** An address the user signed up or a browser session of theirs came from. */
  ip?: string;
  roleIds?: string[];
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

export async function listAccounts(
  db: Queryable,
  q: AccountQuery,
): Promise<AccountRow[]> {
  const status = {
    active:
      db`AND a.suspended_at IS NULL AND (u.id IS NULL OR (u.approved AND NOT u.disabled))`,
    pending: db`AND u.id IS NOT NULL AND NOT u.approved`,
    disabled: db`AND u.disabled`,
    silenced: db`AND a.silenced_at IS NOT NULL`,
    suspended: db`AND a.suspended_at IS NOT NULL`,
  };
  const like = (s: string) =>
    "%" + s.toLowerCase().replace(/[\\%_]/g, "\\$&") + "%";
  const rows = await db<AccountRow[]>`
    SELECT a.* FROM accounts a LEFT JOIN users u ON u.account_id = a.id
    WHERE true
      ${q.origin === "local" ? db`AND a.domain IS NULL` : db``}
      ${q.origin === "remote" ? db`AND a.domain IS NOT NULL` : db``}
      ${q.status ? status[q.status] : db``}
      ${q.staff ? db`AND u.role_id IS NOT NULL AND u.role_id <> -99` : db``}
      ${
    q.username
      ? db`AND lower(a.username) LIKE ${
        q.username.toLowerCase().replace(/[\\%_]/g, "\\$&") + "%"
      }`
      : db``
  }
      ${
    q.byDomain ? db`AND lower(a.domain) = ${q.byDomain.toLowerCase()}` : db``
  }
      ${
    q.displayName
      ? db`AND lower(a.display_name) LIKE ${like(q.displayName)}`
      : db``
  }
      ${q.email ? db`AND lower(u.email) LIKE ${like(q.email)}` : db``}
      ${
    q.ip
      ? db`AND (u.sign_up_ip = ${q.ip} OR EXISTS (SELECT 1 FROM web_sessions ws
             WHERE ws.user_id = u.id AND ws.ip = ${q.ip}))`
      : db``
  }
      ${
    q.roleIds?.length
      ? db`AND u.role_id = ANY(${
        q.roleIds.filter((r) => /^-?\d{1,19}$/.test(r))
      }::bigint[])`
      : db``
  }
      ${q.maxId ? db`AND a.id < ${q.maxId}` : db``}
      ${q.sinceId ? db`AND a.id > ${q.sinceId}` : db``}
      ${q.minId ? db`AND a.id > ${q.minId}` : db``}
    ORDER BY a.id ${q.minId ? db`ASC` : db`DESC`}
    LIMIT ${q.limit}`;
  return q.minId ? [...rows].reverse() : [...rows];
}

export async function countLocalUsers(db: Queryable): Promise<number> {
  const [row] = await db<{ n: string }[]>`SELECT count(*) AS n FROM users`;
  return Number(row.n);
}

/** An account's latest posts, whatever their visibility (moderators judge them all). */
export async function recentStatuses(
  db: Queryable,
  accountId: string,
  limit = 20,
): Promise<StatusRow[]> {
  return [
    ...await db<StatusRow[]>`
      SELECT * FROM statuses WHERE account_id = ${accountId} AND reblog_of_id IS NULL
      ORDER BY id DESC LIMIT ${limit}`,
  ];
}

/**
 * Accounts our moderators suspended before `before` (not those whose own server suspended
 * them: that server decides about its accounts), oldest first.
 */
export async function suspendedBefore(
  db: Queryable,
  before: Date,
  limit: number,
): Promise<AccountRow[]> {
  return [
    ...await db<AccountRow[]>`
      SELECT * FROM accounts
      WHERE suspended_at < ${before}
        AND suspension_origin IS DISTINCT FROM 'remote'
      ORDER BY suspended_at LIMIT ${limit}`,
  ];
}
