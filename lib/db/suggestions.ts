/**
 * SQL for follow suggestions: accounts followed by the people one follows (friends of friends),
 * accounts the staff feature, and popular local accounts that posted lately — never oneself,
 * someone already followed or requested, dismissed, hidden from the viewer, or not listed
 * (`accountListedSql`).
 */
import type { Queryable } from "./client.ts";
import type { AccountRow } from "./accounts.ts";
import { accountListedSql, accountNotHiddenSql } from "./visibility.ts";

export type SuggestionSource =
  | "featured"
  | "friends_of_friends"
  | "most_followed";

export type SuggestionRow = AccountRow & { sources: SuggestionSource[] };

export async function suggestAccounts(
  db: Queryable,
  viewerId: string,
  limit: number,
): Promise<SuggestionRow[]> {
  return [
    ...await db<SuggestionRow[]>`
    WITH candidates AS (
      SELECT account_id AS id, 'featured' AS source, 1 AS priority, 0::bigint AS weight
      FROM featured_accounts
      UNION ALL
      SELECT f2.target_account_id, 'friends_of_friends', 2, count(*)
      FROM follows f1 JOIN follows f2 ON f2.account_id = f1.target_account_id
      WHERE f1.account_id = ${viewerId}
      GROUP BY f2.target_account_id
      UNION ALL
      SELECT * FROM (
        SELECT pa.id, 'most_followed', 3, pa.followers_count::bigint FROM accounts pa
        WHERE pa.domain IS NULL AND pa.last_status_at > now() - interval '30 days'
        ORDER BY pa.followers_count DESC, pa.last_status_at DESC LIMIT 200) popular
    ), ranked AS (
      SELECT id, array_agg(source ORDER BY priority) AS sources, min(priority) AS priority,
             max(weight) AS weight
      FROM candidates GROUP BY id
    )
    SELECT a.*, r.sources FROM ranked r JOIN accounts a ON a.id = r.id
    WHERE a.id <> ${viewerId}
      AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.account_id = ${viewerId}
                      AND f.target_account_id = a.id)
      AND NOT EXISTS (SELECT 1 FROM follow_requests fr WHERE fr.account_id = ${viewerId}
                      AND fr.target_account_id = a.id)
      AND NOT EXISTS (SELECT 1 FROM suggestion_dismissals sd WHERE sd.account_id = ${viewerId}
                      AND sd.target_account_id = a.id)
      AND ${accountListedSql(db, "a")} AND ${
      accountNotHiddenSql(db, viewerId, "a")
    }
    ORDER BY r.priority, r.weight DESC, a.last_status_at DESC NULLS LAST, a.id DESC
    LIMIT ${limit}`,
  ];
}

/** Never suggest `targetId` to `accountId` again (an unknown account is ignored). */
export async function insertSuggestionDismissal(
  db: Queryable,
  accountId: string,
  targetId: string,
): Promise<void> {
  await db`
    INSERT INTO suggestion_dismissals (account_id, target_account_id)
    SELECT ${accountId}, id FROM accounts WHERE id = ${targetId}
    ON CONFLICT DO NOTHING`;
}

/** Staff-featured accounts (the `featured` source). */
export async function setFeaturedAccount(
  db: Queryable,
  accountId: string,
  featured: boolean,
): Promise<void> {
  if (featured) {
    await db`INSERT INTO featured_accounts (account_id) VALUES (${accountId})
             ON CONFLICT DO NOTHING`;
  } else {
    await db`DELETE FROM featured_accounts WHERE account_id = ${accountId}`;
  }
}

/** The staff-featured accounts, newest first. */
export async function listFeaturedAccounts(
  db: Queryable,
): Promise<AccountRow[]> {
  return [
    ...await db<AccountRow[]>`
    SELECT a.* FROM featured_accounts f JOIN accounts a ON a.id = f.account_id
    ORDER BY f.created_at DESC`,
  ];
}
