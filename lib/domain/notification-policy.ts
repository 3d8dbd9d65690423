/**
 * A user's notification policy (Mastodon 4.3's `accept` / `filter` / `drop` per kind of
 * sender), and the rule that applies it to each notification as it is created
 * (`sortByPolicy`, called by `createNotifications`): a notification a `filter` choice catches
 * is stored under a notification request, one a `drop` choice catches is not stored at all.
 */
import type { Queryable } from "../db/client.ts";
import {
  findNotificationPolicy,
  type NotificationPolicyRow,
  POLICY_FIELDS,
  type PolicyFacts,
  policyFacts,
  type PolicyField,
  type PolicyValue,
  updateNotificationPolicy,
} from "../db/notification-policies.ts";
import type { NewNotification } from "../db/notifications.ts";
import { pendingRequestsSummary } from "../db/notification-requests.ts";
import { invalid } from "./errors.ts";

export type { NotificationPolicyRow, PolicyField, PolicyValue };
export { POLICY_FIELDS };

const VALUES: readonly string[] = ["accept", "filter", "drop"];

/** The stored choices with what they have filtered so far (the entity's `summary`). */
export type NotificationPolicy = NotificationPolicyRow & {
  summary: Awaited<ReturnType<typeof pendingRequestsSummary>>;
};

async function withSummary(
  sql: Queryable,
  row: NotificationPolicyRow,
): Promise<NotificationPolicy> {
  return { ...row, summary: await pendingRequestsSummary(sql, row.account_id) };
}

export async function getNotificationPolicy(
  sql: Queryable,
  accountId: string,
): Promise<NotificationPolicy> {
  return await withSummary(sql, await findNotificationPolicy(sql, accountId));
}

/** v2: each field `accept`, `filter` or `drop`; anything else is a 422 naming the field. */
export async function changeNotificationPolicy(
  sql: Queryable,
  accountId: string,
  input: Partial<Record<PolicyField, string>>,
): Promise<NotificationPolicy> {
  const changes: Partial<Record<PolicyField, PolicyValue>> = {};
  for (const field of POLICY_FIELDS) {
    const value = input[field];
    if (value === undefined || value === "") continue;
    if (!VALUES.includes(value)) {
      throw invalid(`${field} must be one of accept, filter or drop`, field);
    }
    changes[field] = value as PolicyValue;
  }
  return await withSummary(
    sql,
    await updateNotificationPolicy(sql, accountId, changes),
  );
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
): Promise<NotificationPolicy> {
  const changes: Partial<Record<PolicyField, PolicyValue>> = {};
  for (const [name, field] of Object.entries(V1_FIELDS)) {
    const value = input[name];
    if (value !== undefined) changes[field] = value ? "filter" : "accept";
  }
  return await withSummary(
    sql,
    await updateNotificationPolicy(sql, accountId, changes),
  );
}

/**
 * Kinds a policy applies to, as Mastodon: what someone did to or at you. Statuses from people
 * you asked to hear from, poll results, edits and moderation notices always come through.
 */
const FILTERABLE_TYPES = new Set([
  "mention",
  "reblog",
  "follow",
  "follow_request",
  "favourite",
  "quote",
]);

/** Which of the policy's questions describe this sender (Mastodon 4.3's conditions). */
function matchingFields(type: string, facts: PolicyFacts): PolicyField[] {
  const matches: Record<PolicyField, boolean> = {
    for_not_following: !facts.following,
    for_not_followers: !facts.followed_long,
    for_new_accounts: facts.new_account && !facts.following,
    for_private_mentions: type === "mention" && facts.unsolicited_private &&
      !facts.following,
    // A sender moderators limited (silenced), unless the recipient follows them: Mastodon
    // files these under requests by default.
    for_limited_accounts: facts.limited && !facts.following,
  };
  return POLICY_FIELDS.filter((field) => matches[field]);
}

/** `drop` wins over `filter`, which wins over `accept`. */
export function policyOutcome(
  type: string,
  facts: PolicyFacts | undefined,
): PolicyValue {
  if (!facts || facts.permitted || !FILTERABLE_TYPES.has(type)) {
    return "accept";
  }
  const choices = matchingFields(type, facts).map((field) => facts[field]);
  if (choices.includes("drop")) return "drop";
  // The instance's "new account limits" (lib/moderation/spam-limits.ts): a mention from a new
  // account nobody here follows waits as a request, whatever the recipient's own choices.
  if (type === "mention" && facts.new_unfollowed && !facts.following) {
    return "filter";
  }
  return choices.includes("filter") ? "filter" : "accept";
}

/** `items` with the recipients' policies applied: dropped ones left out, filtered ones marked. */
export async function sortByPolicy(
  sql: Queryable,
  items: NewNotification[],
): Promise<NewNotification[]> {
  const wanted = items.filter((n) => n.recipientId !== n.fromAccountId);
  const facts = new Map(
    (await policyFacts(sql, wanted)).map((f) => [f.index, f]),
  );
  return wanted.flatMap((n, index) => {
    const outcome = policyOutcome(n.type, facts.get(index));
    return outcome === "drop" ? [] : [{ ...n, filtered: outcome === "filter" }];
  });
}
