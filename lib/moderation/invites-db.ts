/** SQL for invites: the links users make, their uses, and who signed up with which. */
import type { Queryable } from "../db/client.ts";

export interface InviteRow {
  id: string;
  user_id: string;
  code: string;
  max_uses: number | null;
  uses: number;
  expires_at: Date | null;
  autofollow: boolean;
  comment: string | null;
  created_at: Date;
  /** The inviter's account (joined). */
  inviter_account_id: string;
  inviter_username: string;
}

const SELECT = (db: Queryable) =>
  db`SELECT i.*, u.account_id AS inviter_account_id, a.username AS inviter_username
     FROM invites i JOIN users u ON u.id = i.user_id JOIN accounts a ON a.id = u.account_id`;

/** Still usable: not expired, uses left, and its maker may still sign in. */
const USABLE = (db: Queryable) =>
  db`(i.expires_at IS NULL OR i.expires_at > now())
     AND (i.max_uses IS NULL OR i.uses < i.max_uses)
     AND NOT u.disabled AND a.suspended_at IS NULL`;

export async function insertInvite(
  db: Queryable,
  fields: {
    user_id: string;
    code: string;
    max_uses: number | null;
    expires_at: Date | null;
    autofollow: boolean;
    comment: string | null;
  },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    INSERT INTO invites (user_id, code, max_uses, expires_at, autofollow, comment)
    VALUES (${fields.user_id}, ${fields.code}, ${fields.max_uses}, ${fields.expires_at},
            ${fields.autofollow}, ${fields.comment})
    RETURNING id`;
  return row.id;
}

export async function findInvite(
  db: Queryable,
  by: { id: string } | { code: string },
): Promise<InviteRow | null> {
  if ("id" in by && !/^\d{1,19}$/.test(by.id)) return null;
  const [row] = "id" in by
    ? await db<InviteRow[]>`${SELECT(db)} WHERE i.id = ${by.id}`
    : await db<InviteRow[]>`${SELECT(db)} WHERE i.code = ${by.code}`;
  return row ?? null;
}

export async function findUsableInvite(
  db: Queryable,
  code: string,
): Promise<InviteRow | null> {
  const [row] = await db<InviteRow[]>`
    ${SELECT(db)} WHERE i.code = ${code} AND ${USABLE(db)}`;
  return row ?? null;
}

/** Counts one use, if the invite is still usable (in the sign-up's transaction). */
export async function claimInvite(db: Queryable, id: string): Promise<boolean> {
  const rows = await db`
    UPDATE invites i SET uses = uses + 1, updated_at = now()
    FROM users u JOIN accounts a ON a.id = u.account_id
    WHERE i.id = ${id} AND u.id = i.user_id AND ${USABLE(db)}
    RETURNING i.id`;
  return rows.length > 0;
}

/** Invites of one user (`userId`) or of everyone, newest first. */
export async function listInvites(
  db: Queryable,
  filter: { userId?: string; limit: number },
): Promise<InviteRow[]> {
  return [
    ...await db<InviteRow[]>`
      ${SELECT(db)}
      WHERE ${filter.userId ? db`i.user_id = ${filter.userId}` : db`true`}
      ORDER BY i.id DESC LIMIT ${filter.limit}`,
  ];
}

export async function expireInviteRow(
  db: Queryable,
  id: string,
): Promise<void> {
  await db`
    UPDATE invites SET expires_at = now(), updated_at = now()
    WHERE id = ${id} AND (expires_at IS NULL OR expires_at > now())`;
}

export interface Inviter {
  accountId: string;
  username: string;
}

/** Per account, the account of the user whose invite it signed up with. */
export async function invitersOfAccounts(
  db: Queryable,
  accountIds: string[],
): Promise<Map<string, Inviter>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db<
    { account_id: string; inviter: string; username: string }[]
  >`
    SELECT u.account_id, inviter.account_id AS inviter, a.username
    FROM users u JOIN invites i ON i.id = u.invite_id
      JOIN users inviter ON inviter.id = i.user_id
      JOIN accounts a ON a.id = inviter.account_id
    WHERE u.account_id = ANY(${accountIds}::bigint[])`;
  return new Map(
    rows.map((r) => [
      String(r.account_id),
      { accountId: String(r.inviter), username: r.username },
    ]),
  );
}
