import type { AuthMessages } from "../lib/i18n/en/auth.ts";

/**
 * Above every page of a signed-in user whose address waits for confirmation: why they can't
 * post, and a button that mails the link again (works without JavaScript).
 */
export function ConfirmEmailNotice(
  { email, csrfToken, labels }: {
    email: string;
    csrfToken: string;
    labels: AuthMessages["confirmNotice"];
  },
) {
  return (
    <div class="notice confirm-email" role="status">
      <p>
        {labels.before}
        <strong>{email}</strong>
        {labels.after}
      </p>
      <form method="post" action="/auth/confirmation" class="inline">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit">{labels.sendAgain}</button>
      </form>
    </div>
  );
}
