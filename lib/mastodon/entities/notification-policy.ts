/** NotificationPolicy (v2) and V1_NotificationPolicy, with what the policy has filtered so far. */
import type { NotificationPolicy } from "../../domain/notification-policy.ts";

export function notificationPolicyJson(row: NotificationPolicy) {
  return {
    for_not_following: row.for_not_following,
    for_not_followers: row.for_not_followers,
    for_new_accounts: row.for_new_accounts,
    for_private_mentions: row.for_private_mentions,
    for_limited_accounts: row.for_limited_accounts,
    summary: row.summary,
  };
}

export function notificationPolicyV1Json(row: NotificationPolicy) {
  return {
    filter_not_following: row.for_not_following !== "accept",
    filter_not_followers: row.for_not_followers !== "accept",
    filter_new_accounts: row.for_new_accounts !== "accept",
    filter_private_mentions: row.for_private_mentions !== "accept",
    summary: row.summary,
  };
}
