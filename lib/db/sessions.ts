/** SQL for browser sessions. */
import type { Queryable } from "./client.ts";
import type { AccountRow, UserRow } from "./accounts.ts";
import { splitJoined } from "./joined.ts";

export interface WebSessionRow {
  id: string;
  session_hash: string;
  user_id: string;
  token_id: string | null;
  user_agent: string | null;
  ip: string | null;
  last_used_at: Date;
  created_at: Date;
}

export async function insertWebSession(
  db: Queryable,
  session: Pick<
    WebSessionRow,
    "session_hash" | "user_id" | "token_id" | "user_agent" | "ip"
  >,
): Promise<WebSessionRow> {
  const [row] = await db<WebSessionRow[]>`
    INSERT INTO web_sessions (session_hash, user_id, token_id, user_agent, ip)
    VALUES (${session.session_hash}, ${session.user_id}, ${session.token_id},
            ${session.user_agent}, ${session.ip})
    RETURNING *`;
  return row;
}

/** A session with its user and account, in one statement (every signed-in page asks). */
export async function findWebSessionOwner(
  db: Queryable,
  hash: string,
): Promise<
  { session: WebSessionRow; user: UserRow; account: AccountRow } | null
> {
  const rows = await db`
    SELECT ws.*, u.*, a.*
    FROM web_sessions ws
    JOIN users u ON u.id = ws.user_id
    JOIN accounts a ON a.id = u.account_id
    WHERE ws.session_hash = ${hash}`.values();
  if (rows.length === 0) return null;
  const [session, user, account] = splitJoined(rows)[0];
  return {
    session: session as unknown as WebSessionRow,
    user: user as unknown as UserRow,
    account: account as unknown as AccountRow,
  };
}

export async function deleteWebSession(
  db: Queryable,
  id: string,
): Promise<WebSessionRow | null> {
  const [row] = await db<
    WebSessionRow[]
  >`DELETE FROM web_sessions WHERE id = ${id} RETURNING *`;
  return row ?? null;
}
