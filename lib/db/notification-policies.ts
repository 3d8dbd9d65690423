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

/** What the policy rules need to know about one would-be notification (see `policyFacts`). */
export type PolicyFacts = Record<PolicyField, PolicyValue> & {
  /** Position in the list given to `policyFacts`. */
  index: number;
  /** The recipient follows the sender. */
  following: boolean;
  /** The sender has followed the recipient for three days or more (Mastodon's threshold). */
  followed_long: boolean;
  /** The sender is limited (silenced) by a moderator. */
  limited: boolean;
  /** The sender's account is less than 30 days old. */
  new_account: boolean;
  /**
   * The "new account limits" spam policy catches the sender: younger than the instance's
   * `spam_limits.new_account_days` and followed by no local account.
   */
  new_unfollowed: boolean;
  /** The recipient accepted a request from the sender before. */
  permitted: boolean;
  /** The status is a direct message that does not answer one of the recipient's (a post in the
   * same conversation by the recipient mentioning the sender). */
  unsolicited_private: boolean;
};

/**
 * The facts for each of `items` whose recipient has a policy other than accept-all; the others
 * are absent (nothing to apply). One query for the whole list.
 */
export async function policyFacts(
  db: Queryable,
  items: {
    recipientId: string;
    fromAccountId: string;
    statusId: string | null;
  }[],
): Promise<PolicyFacts[]> {
  if (items.length === 0) return [];
  const rows = await db<PolicyFacts[]>`
    SELECT n.index::int AS index,
      coalesce(p.for_not_following, 'accept') AS for_not_following,
      coalesce(p.for_not_followers, 'accept') AS for_not_followers,
      coalesce(p.for_new_accounts, 'accept') AS for_new_accounts,
      coalesce(p.for_private_mentions, 'accept') AS for_private_mentions,
      -- A recipient who never looked at their policy has the defaults (migration 0012).
      coalesce(p.for_limited_accounts, 'filter') AS for_limited_accounts,
      a.silenced_at IS NOT NULL AS limited,
      EXISTS (SELECT 1 FROM follows f WHERE f.account_id = n.recipient
              AND f.target_account_id = n.actor) AS following,
      EXISTS (SELECT 1 FROM follows f WHERE f.account_id = n.actor
              AND f.target_account_id = n.recipient
              AND f.created_at <= now() - interval '3 days') AS followed_long,
      a.created_at > now() - interval '30 days' AS new_account,
      (sl.new_account_days > 0
        AND a.created_at > now() - sl.new_account_days * interval '1 day'
        AND NOT EXISTS (SELECT 1 FROM follows f JOIN accounts fa ON fa.id = f.account_id
                        WHERE f.target_account_id = n.actor AND fa.domain IS NULL))
        AS new_unfollowed,
      EXISTS (SELECT 1 FROM notification_permissions np WHERE np.account_id = n.recipient
              AND np.from_account_id = n.actor) AS permitted,
      coalesce(s.visibility = 'direct' AND NOT (s.in_reply_to_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM statuses rs JOIN mentions m ON m.status_id = rs.id
        WHERE rs.conversation_id = s.conversation_id AND rs.account_id = n.recipient
          AND m.account_id = n.actor)), false) AS unsolicited_private
    FROM unnest(${items.map((_, i) => i)}::int[], ${
    items.map((n) => n.recipientId)
  }::bigint[], ${items.map((n) => n.fromAccountId)}::bigint[], ${
    items.map((n) => n.statusId)
  }::bigint[]) AS n(index, recipient, actor, status)
    LEFT JOIN notification_policies p ON p.account_id = n.recipient
    JOIN accounts a ON a.id = n.actor
    LEFT JOIN statuses s ON s.id = n.status
    LEFT JOIN spam_limits sl ON true
    WHERE p.account_id IS NULL OR NOT (p.for_not_following = 'accept'
      AND p.for_not_followers = 'accept' AND p.for_new_accounts = 'accept'
      AND p.for_private_mentions = 'accept' AND p.for_limited_accounts = 'accept')
      OR sl.new_account_days > 0`;
  return [...rows];
}
