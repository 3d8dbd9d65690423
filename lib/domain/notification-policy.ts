/**
 * A user's notification policy (Mastodon 4.3's `accept` / `filter` / `drop` per kind of
 * sender). Starling stores the choices and hands them back to apps; it does not yet sort
 * notifications into requests, so the request list is always empty.
 */
import type { Queryable } from "../db/client.ts";
import {
  findNotificationPolicy,
  type NotificationPolicyRow,
  POLICY_FIELDS,
  type PolicyField,
  type PolicyValue,
  updateNotificationPolicy,
} from "../db/notification-policies.ts";
import { invalid } from "./errors.ts";

export type { NotificationPolicyRow, PolicyField, PolicyValue };
export { POLICY_FIELDS };

const VALUES: readonly string[] = ["accept", "filter", "drop"];

export const getNotificationPolicy = (sql: Queryable, accountId: string) =>
  findNotificationPolicy(sql, accountId);

/** v2: each field `accept`, `filter` or `drop`; anything else is a 422 naming the field. */
export async function changeNotificationPolicy(
  sql: Queryable,
  accountId: string,
  input: Partial<Record<PolicyField, string>>,
): Promise<NotificationPolicyRow> {
  const changes: Partial<Record<PolicyField, PolicyValue>> = {};
  for (const field of POLICY_FIELDS) {
    const value = input[field];
    if (value === undefined || value === "") continue;
    if (!VALUES.includes(value)) {
      throw invalid(`${field} must be one of accept, filter or drop`, field);
    }
    changes[field] = value as PolicyValue;
  }
  return await updateNotificationPolicy(sql, accountId, changes);
}

/** The v1 API's booleans: `filter_x=true` means `filter`, false means `accept`. */
export const V1_FIELDS: Record<string, PolicyField> = {
  filter_not_following: "for_not_following",
  filter_not_followers: "for_not_followers",
  filter_new_accounts: "for_new_accounts",
  filter_private_mentions: "for_private_mentions",
};

export async function changeNotificationPolicyV1(
  sql: Queryable,
  accountId: string,
  input: Partial<Record<string, boolean>>,
): Promise<NotificationPolicyRow> {
  const changes: Partial<Record<PolicyField, PolicyValue>> = {};
  for (const [name, field] of Object.entries(V1_FIELDS)) {
    const value = input[name];
    if (value !== undefined) changes[field] = value ? "filter" : "accept";
  }
  return await updateNotificationPolicy(sql, accountId, changes);
}
