/**
 * Above every page of a signed-in user whose address waits for confirmation: why they can't
 * post, and a button that mails the link again (works without JavaScript).
 */
export function ConfirmEmailNotice(
  { email, csrfToken }: { email: string; csrfToken: string },
) {
  return (
    <div class="notice confirm-email" role="status">
      <p>
        Please confirm your e-mail address: follow the link we sent to{" "}
        <strong>{email}</strong>. Until then you can read, but not post.
      </p>
      <form method="post" action="/auth/confirmation" class="inline">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit">Send the link again</button>
      </form>
    </div>
  );
}
