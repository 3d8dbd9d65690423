/** SQL for endorsements (account_pins, migration 0020): accounts featured on a profile. */
import type { Queryable } from "./client.ts";

export async function insertEndorsement(
  db: Queryable,
  accountId: string,
  targetId: string,
): Promise<void> {
  await db`INSERT INTO account_pins (account_id, target_account_id)
           VALUES (${accountId}, ${targetId}) ON CONFLICT DO NOTHING`;
}

export async function deleteEndorsement(
  db: Queryable,
  accountId: string,
  targetId: string,
): Promise<void> {
  await db`DELETE FROM account_pins
           WHERE account_id = ${accountId} AND target_account_id = ${targetId}`;
}
