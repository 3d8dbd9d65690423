/**
 * Sessions that reach only one page. A suspended user may still sign in (Mastodon: to read the
 * decision, appeal it, and sign out); a user who asked to delete their account signs in to the
 * page that cancels the request (lib/domain/account-deletion.ts). Every other page sends them
 * there, and every other form is refused. Their API tokens stay refused (lib/mastodon/auth.ts).
 */
import type { WebSession } from "../domain/sessions.ts";

const ALWAYS_OPEN =
  /^\/(auth\/sign_out$|about$|privacy-policy$|terms-of-service$)/;

interface Limit {
  /** The page the session may use, and where every other GET goes. */
  home: string;
  open: RegExp;
  refusal: string;
}

const SUSPENDED: Limit = {
  home: "/disputes/strikes",
  open: /^\/disputes(\/|$)/,
  refusal: "Your account is suspended",
};

const DELETION_PENDING: Limit = {
  home: "/settings/delete",
  open: /^\/settings\/delete$/,
  refusal: "Your account is about to be deleted",
};

function limitOf(session: WebSession | null): Limit | null {
  if (session?.account.suspended_at) return SUSPENDED;
  if (session?.user.delete_after) return DELETION_PENDING;
  return null;
}

/** Where a request of this session must go instead, or null when it may go on. */
export function limitedSessionResponse(
  session: WebSession | null,
  req: Request,
  url: URL,
): Response | null {
  const limit = limitOf(session);
  if (
    !limit || limit.open.test(url.pathname) || ALWAYS_OPEN.test(url.pathname)
  ) {
    return null;
  }
  if (req.method === "GET" || req.method === "HEAD") {
    return new Response(null, {
      status: 303,
      headers: { location: limit.home },
    });
  }
  return new Response(limit.refusal, { status: 403 });
}
