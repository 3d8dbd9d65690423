import type {
  PolicyField,
  PolicyValue,
} from "../lib/domain/notification-policy.ts";

import type { NotificationsMessages } from "../lib/i18n/en/notifications.ts";

/** The catalogue's names for each kind of sender and each choice. */
type PolicyLabel =
  | "forNotFollowing"
  | "forNotFollowers"
  | "forNewAccounts"
  | "forPrivateMentions"
  | "forLimitedAccounts"
  | "policyAccept"
  | "policyFilter"
  | "policyDrop";

const FIELDS: [PolicyField, PolicyLabel][] = [
  ["for_not_following", "forNotFollowing"],
  ["for_not_followers", "forNotFollowers"],
  ["for_new_accounts", "forNewAccounts"],
  ["for_private_mentions", "forPrivateMentions"],
  ["for_limited_accounts", "forLimitedAccounts"],
];

const CHOICES: [PolicyValue, PolicyLabel][] = [
  ["accept", "policyAccept"],
  ["filter", "policyFilter"],
  ["drop", "policyDrop"],
];

/** The notification policy (as `PUT /api/v2/notifications/policy`), one select per kind of sender. */
export function NotificationPolicyForm(
  { policy, csrf, labels }: {
    policy: Record<PolicyField, PolicyValue>;
    csrf: string;
    labels: NotificationsMessages;
  },
) {
  return (
    <form method="post" action="/notifications/policy" class="stack">
      <input type="hidden" name="_csrf" value={csrf} />
      {FIELDS.map(([field, label]) => (
        <label key={field}>
          {labels[label]}
          <select name={field}>
            {CHOICES.map(([value, text]) => (
              <option value={value} selected={policy[field] === value}>
                {labels[text]}
              </option>
            ))}
          </select>
        </label>
      ))}
      <div>
        <button type="submit">{labels.savePolicy}</button>
      </div>
    </form>
  );
}
