/** SQL for browser sessions. */
import type { Queryable } from "./client.ts";

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

export async function findWebSessionByHash(
  db: Queryable,
  hash: string,
): Promise<WebSessionRow | null> {
  const [row] = await db<
    WebSessionRow[]
  >`SELECT * FROM web_sessions WHERE session_hash = ${hash}`;
  return row ?? null;
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
