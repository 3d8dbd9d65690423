import { HttpError } from "fresh";
import { define } from "../utils.ts";
import { withPageSecurityHeaders } from "../lib/web/security-headers.ts";
import { DomainError, httpStatusOf } from "../lib/domain/errors.ts";
import { unreadNotifications } from "../lib/web/notifications.ts";

/**
 * Every page gets the strict Content-Security-Policy (and friends), and a refusal from the
 * rules becomes the error page with the right status (the API's own middleware answers JSON
 * before this sees anything under /api).
 */
export default define.middleware(async (ctx) => {
  const { session, deps } = ctx.state;
  // The header's notifications badge starts from the unread count (pages only, not the API).
  if (
    session && ctx.req.method === "GET" &&
    !ctx.url.pathname.startsWith("/api/") &&
    (ctx.req.headers.get("accept") ?? "").includes("text/html")
  ) {
    ctx.state.unreadNotifications = await unreadNotifications(
      deps,
      session.account.id,
    );
  }
  try {
    return withPageSecurityHeaders(await ctx.next());
  } catch (error) {
    if (error instanceof DomainError) {
      throw new HttpError(httpStatusOf[error.kind], error.message);
    }
    throw error;
  }
});
