import type { AuthMessages } from "../lib/i18n/en/auth.ts";

/** The new password and its confirmation, as every form that sets a password asks them. */
export function NewPasswordFields(
  { labels }: { labels: AuthMessages["passwordFields"] },
) {
  return (
    <>
      <label>
        {labels.new}
        <input
          name="password"
          type="password"
          required
          minLength={8}
          autocomplete="new-password"
        />
      </label>
      <label>
        {labels.confirmNew}
        <input
          name="password_confirmation"
          type="password"
          required
          minLength={8}
          autocomplete="new-password"
        />
      </label>
    </>
  );
}
