/**
 * A suspended user may still sign in (Mastodon: to read the decision, appeal it, and sign out),
 * but their session reaches nothing else: every other page sends them to their account status,
 * and every other form is refused. Their API tokens stay refused (lib/mastodon/auth.ts).
 */
import type { WebSession } from "../domain/sessions.ts";

const OPEN_TO_SUSPENDED =
  /^\/(disputes(\/|$)|auth\/sign_out$|about$|privacy-policy$|terms-of-service$)/;

/** Where a request of this session must go instead, or null when it may go on. */
export function limitedSessionResponse(
  session: WebSession | null,
  req: Request,
  url: URL,
): Response | null {
  if (!session?.account.suspended_at || OPEN_TO_SUSPENDED.test(url.pathname)) {
    return null;
  }
  if (req.method === "GET" || req.method === "HEAD") {
    return new Response(null, {
      status: 303,
      headers: { location: "/disputes/strikes" },
    });
  }
  return new Response("Your account is suspended", { status: 403 });
}
