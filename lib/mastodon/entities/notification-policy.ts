/** NotificationPolicy (v2) and V1_NotificationPolicy. Nothing is filtered yet: no pending counts. */
import type { NotificationPolicyRow } from "../../db/notification-policies.ts";

const summary = { pending_requests_count: 0, pending_notifications_count: 0 };

export function notificationPolicyJson(row: NotificationPolicyRow) {
  return {
    for_not_following: row.for_not_following,
    for_not_followers: row.for_not_followers,
    for_new_accounts: row.for_new_accounts,
    for_private_mentions: row.for_private_mentions,
    for_limited_accounts: row.for_limited_accounts,
    summary,
  };
}

export function notificationPolicyV1Json(row: NotificationPolicyRow) {
  return {
    filter_not_following: row.for_not_following !== "accept",
    filter_not_followers: row.for_not_followers !== "accept",
    filter_new_accounts: row.for_new_accounts !== "accept",
    filter_private_mentions: row.for_private_mentions !== "accept",
    summary,
  };
}
