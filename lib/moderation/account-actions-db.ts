/** SQL for account actions: the account's limits, its user's access, warnings and appeals. */
import type { Queryable } from "../db/client.ts";
import type { AccountRow, UserRow } from "../db/accounts.ts";

export interface WarningRow {
  id: string;
  /** The moderator (null once their account is gone). */
  account_id: string | null;
  target_account_id: string;
  action: string;
  text: string;
  report_id: string | null;
  status_ids: string[];
  overruled_at: Date | null;
  created_at: Date;
}

export interface AppealRow {
  id: string;
  account_id: string;
  account_warning_id: string;
  text: string;
  approved_at: Date | null;
  approved_by_account_id: string | null;
  rejected_at: Date | null;
  rejected_by_account_id: string | null;
  created_at: Date;
}

export interface WarningPresetRow {
  id: string;
  title: string;
  text: string;
}

/** The account and its user (if local), the account row locked for the transaction. */
export async function lockAccount(
  db: Queryable,
  id: string,
): Promise<{ account: AccountRow; user: UserRow | null } | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [account] = await db<AccountRow[]>`
    SELECT * FROM accounts WHERE id = ${id} FOR UPDATE`;
  if (!account) return null;
  const [user] = await db<UserRow[]>`
    SELECT * FROM users WHERE account_id = ${id} FOR UPDATE`;
  return { account, user: user ?? null };
}

export type AccountFlag = "suspended_at" | "silenced_at" | "sensitized_at";

export async function setAccountFlag(
  db: Queryable,
  id: string,
  flag: AccountFlag,
  on: boolean,
): Promise<void> {
  if (flag === "suspended_at") return await setSuspended(db, id, on, "local");
  await db`
    UPDATE accounts SET ${db(flag)} = ${
    on ? new Date() : null
  }, updated_at = now()
    WHERE id = ${id}`;
}

/** Suspends (recording whose suspension it is) or lifts the suspension. */
export async function setSuspended(
  db: Queryable,
  id: string,
  on: boolean,
  origin: "local" | "remote",
): Promise<void> {
  await db`
    UPDATE accounts SET suspended_at = ${on ? new Date() : null},
      suspension_origin = ${on ? origin : null}, updated_at = now()
    WHERE id = ${id}`;
}

export async function setUserAccess(
  db: Queryable,
  userId: string,
  change: Partial<Pick<UserRow, "disabled" | "approved">>,
): Promise<void> {
  const keys = Object.keys(change) as (keyof typeof change)[];
  await db`UPDATE users SET ${
    db(change, ...keys)
  }, updated_at = now() WHERE id = ${userId}`;
}

/** Ends every session and token of the user; returns the revoked tokens (to end streams). */
export async function endAllAccess(
  db: Queryable,
  userId: string,
): Promise<string[]> {
  await db`
    UPDATE oauth_grants SET used_at = now() WHERE user_id = ${userId} AND used_at IS NULL`;
  const tokens = await db<{ id: string }[]>`
    UPDATE oauth_tokens SET revoked_at = now() WHERE user_id = ${userId} AND revoked_at IS NULL
    RETURNING id`;
  await db`DELETE FROM web_sessions WHERE user_id = ${userId}`;
  return tokens.map((t) => String(t.id));
}

/**
 * Removes the follows a remote account has of our accounts (Mastodon's SuspendAccountService
 * `reject_remote_follows!`: a suspended remote account must not keep receiving our posts).
 * Returns them, so a Reject can be sent for each.
 */
export async function severRemoteFollows(
  db: Queryable,
  accountId: string,
): Promise<{ target_account_id: string; uri: string | null }[]> {
  const rows = await db<{ target_account_id: string; uri: string | null }[]>`
    DELETE FROM follows WHERE account_id = ${accountId}
    RETURNING target_account_id, uri`;
  for (const row of rows) {
    await db`UPDATE accounts SET followers_count = greatest(followers_count - 1, 0)
             WHERE id = ${row.target_account_id}`;
  }
  if (rows.length) {
    await db`UPDATE accounts SET following_count = 0 WHERE id = ${accountId}`;
  }
  return rows.map((r) => ({
    ...r,
    target_account_id: String(r.target_account_id),
  }));
}

export async function findWarningPreset(
  db: Queryable,
  id: string,
): Promise<WarningPresetRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<WarningPresetRow[]>`
    SELECT id, title, text FROM account_warning_presets WHERE id = ${id}`;
  return row ?? null;
}

export async function insertWarning(
  db: Queryable,
  w: Pick<
    WarningRow,
    | "account_id"
    | "target_account_id"
    | "action"
    | "text"
    | "report_id"
    | "status_ids"
  >,
): Promise<WarningRow> {
  const [row] = await db<WarningRow[]>`
    INSERT INTO account_warnings (account_id, target_account_id, action, text, report_id, status_ids)
    VALUES (${w.account_id}, ${w.target_account_id}, ${w.action}, ${w.text}, ${w.report_id},
            ${w.status_ids}::bigint[])
    RETURNING *`;
  return row;
}

export async function findWarning(
  db: Queryable,
  id: string,
): Promise<WarningRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<
    WarningRow[]
  >`SELECT * FROM account_warnings WHERE id = ${id}`;
  return row ?? null;
}

export async function warningsOf(
  db: Queryable,
  targetAccountId: string,
): Promise<WarningRow[]> {
  return [
    ...await db<WarningRow[]>`
      SELECT * FROM account_warnings WHERE target_account_id = ${targetAccountId}
      ORDER BY id DESC`,
  ];
}

export async function overruleWarning(
  db: Queryable,
  id: string,
): Promise<void> {
  await db`UPDATE account_warnings SET overruled_at = now(), updated_at = now() WHERE id = ${id}`;
}

export async function insertAppeal(
  db: Queryable,
  a: Pick<AppealRow, "account_id" | "account_warning_id" | "text">,
): Promise<AppealRow | null> {
  const [row] = await db<AppealRow[]>`
    INSERT INTO appeals (account_id, account_warning_id, text)
    VALUES (${a.account_id}, ${a.account_warning_id}, ${a.text})
    ON CONFLICT (account_warning_id) DO NOTHING
    RETURNING *`;
  return row ?? null;
}

export async function appealOfWarning(
  db: Queryable,
  warningId: string,
): Promise<AppealRow | null> {
  const [row] = await db<AppealRow[]>`
    SELECT * FROM appeals WHERE account_warning_id = ${warningId}`;
  return row ?? null;
}

export async function lockAppeal(
  db: Queryable,
  id: string,
): Promise<AppealRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<
    AppealRow[]
  >`SELECT * FROM appeals WHERE id = ${id} FOR UPDATE`;
  return row ?? null;
}

export async function decideAppeal(
  db: Queryable,
  id: string,
  moderatorId: string,
  approved: boolean,
): Promise<AppealRow> {
  const [row] = approved
    ? await db<AppealRow[]>`
      UPDATE appeals SET approved_at = now(), approved_by_account_id = ${moderatorId},
        updated_at = now() WHERE id = ${id} RETURNING *`
    : await db<AppealRow[]>`
      UPDATE appeals SET rejected_at = now(), rejected_by_account_id = ${moderatorId},
        updated_at = now() WHERE id = ${id} RETURNING *`;
  return row;
}

/** Appeals waiting for a decision (pending: true) or all, newest first. */
export async function listAppeals(
  db: Queryable,
  pending: boolean,
): Promise<AppealRow[]> {
  return [
    ...await db<AppealRow[]>`
      SELECT * FROM appeals
      WHERE ${
      pending ? db`approved_at IS NULL AND rejected_at IS NULL` : db`true`
    }
      ORDER BY id DESC LIMIT 200`,
  ];
}
