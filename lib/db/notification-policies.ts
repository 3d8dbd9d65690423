/** SQL for a user's notification filtering choices (`notification_policies`, migration 0003). */
import type { Queryable } from "./client.ts";

export const POLICY_FIELDS = [
  "for_not_following",
  "for_not_followers",
  "for_new_accounts",
  "for_private_mentions",
  "for_limited_accounts",
] as const;
export type PolicyField = typeof POLICY_FIELDS[number];
export type PolicyValue = "accept" | "filter" | "drop";

export type NotificationPolicyRow = Record<PolicyField, PolicyValue> & {
  account_id: string;
};

/** The stored row, or the column defaults when the user never chose. */
export async function findNotificationPolicy(
  db: Queryable,
  accountId: string,
): Promise<NotificationPolicyRow> {
  const [row] = await db<NotificationPolicyRow[]>`
    SELECT account_id, for_not_following, for_not_followers, for_new_accounts,
           for_private_mentions, for_limited_accounts
    FROM notification_policies WHERE account_id = ${accountId}`;
  if (row) return row;
  const [defaults] = await db<NotificationPolicyRow[]>`
    INSERT INTO notification_policies (account_id) VALUES (${accountId})
    ON CONFLICT (account_id) DO UPDATE SET account_id = EXCLUDED.account_id
    RETURNING account_id, for_not_following, for_not_followers, for_new_accounts,
              for_private_mentions, for_limited_accounts`;
  return defaults;
}

/** Sets the given fields (others keep their value), creating the row on first use. */
export async function updateNotificationPolicy(
  db: Queryable,
  accountId: string,
  changes: Partial<Record<PolicyField, PolicyValue>>,
): Promise<NotificationPolicyRow> {
  const fields = POLICY_FIELDS.filter((f) => changes[f] !== undefined);
  if (fields.length === 0) return await findNotificationPolicy(db, accountId);
  const values = Object.fromEntries(fields.map((f) => [f, changes[f]]));
  const [row] = await db<NotificationPolicyRow[]>`
    INSERT INTO notification_policies ${
    db({ account_id: accountId, ...values })
  }
    ON CONFLICT (account_id) DO UPDATE SET ${
    db(values, ...fields)
  }, updated_at = now()
    RETURNING account_id, for_not_following, for_not_followers, for_new_accounts,
              for_private_mentions, for_limited_accounts`;
  return row;
}
