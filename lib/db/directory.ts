/**
 * SQL for the profile directory: listed accounts only (`accountListedSql`: discoverable, not
 * limited nor suspended), minus those hidden from the viewer, by latest post or newest account.
 */
import type { Queryable } from "./client.ts";
import type { AccountRow } from "./accounts.ts";
import { accountListedSql, accountNotHiddenSql } from "./visibility.ts";

export async function listDirectory(
  db: Queryable,
  viewerId: string | null,
  o: { order: "active" | "new"; local: boolean; offset: number; limit: number },
): Promise<AccountRow[]> {
  return [
    ...await db<AccountRow[]>`
    SELECT a.* FROM accounts a
    WHERE ${accountListedSql(db, "a")} AND ${
      accountNotHiddenSql(db, viewerId, "a")
    }
      AND a.actor_type IN ('Person', 'Service', 'Group')
      ${o.local ? db`AND a.domain IS NULL` : db``}
    ORDER BY ${
      o.order === "active"
        ? db`a.last_status_at DESC NULLS LAST, a.id DESC`
        : db`a.created_at DESC, a.id DESC`
    }
    OFFSET ${o.offset} LIMIT ${o.limit}`,
  ];
}
