import type {
  PolicyField,
  PolicyValue,
} from "../lib/domain/notification-policy.ts";

const FIELDS: [PolicyField, string][] = [
  ["for_not_following", "People you don't follow"],
  ["for_not_followers", "People who don't follow you"],
  ["for_new_accounts", "New accounts (under 30 days old)"],
  ["for_private_mentions", "Unsolicited private mentions"],
  ["for_limited_accounts", "Accounts limited by the moderators"],
];

const CHOICES: [PolicyValue, string][] = [
  ["accept", "Show"],
  ["filter", "Filter (review here)"],
  ["drop", "Ignore"],
];

/** The notification policy (as `PUT /api/v2/notifications/policy`), one select per kind of sender. */
export function NotificationPolicyForm(
  { policy, csrf }: {
    policy: Record<PolicyField, PolicyValue>;
    csrf: string;
  },
) {
  return (
    <form method="post" action="/notifications/policy" class="stack">
      <input type="hidden" name="_csrf" value={csrf} />
      {FIELDS.map(([field, label]) => (
        <label key={field}>
          {label}
          <select name={field}>
            {CHOICES.map(([value, text]) => (
              <option value={value} selected={policy[field] === value}>
                {text}
              </option>
            ))}
          </select>
        </label>
      ))}
      <div>
        <button type="submit">Save notification settings</button>
      </div>
    </form>
  );
}
