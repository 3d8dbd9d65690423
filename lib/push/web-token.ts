/**
 * The web UI's push token. A page's own token (`read write follow`) has no `push` scope: it sits
 * in every page for the islands, and push subscriptions are per token, so the browser
 * notifications control asks for a second token, scoped `push` only, made for its browser
 * session: derived from the session's token (so asking again gives the same one) and deleted
 * with the session (`oauth_tokens.web_session_id`), which ends its subscription too. The island
 * then uses the same `/api/v1/push/subscription` every app uses, and the token a push payload
 * carries can do nothing but manage that subscription.
 */
import type { Deps } from "../deps.ts";
import type { WebSession } from "../domain/sessions.ts";
import { webApplication } from "../domain/sessions.ts";
import { hashToken } from "../domain/secrets.ts";
import { insertSessionPushToken } from "./subscriptions-db.ts";

export const WEB_PUSH_SCOPES = "push";

export async function webPushToken(
  deps: Pick<Deps, "sql" | "secret">,
  session: WebSession,
): Promise<string> {
  const token = await deps.secret.sign(
    `web-push-token:${session.accessToken}`,
  );
  const app = await webApplication(deps.sql);
  await insertSessionPushToken(deps.sql, {
    applicationId: app.id,
    userId: session.user.id,
    webSessionId: session.sessionId,
    tokenHash: await hashToken(token),
    scopes: WEB_PUSH_SCOPES,
  });
  return token;
}
