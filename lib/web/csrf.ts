/**
 * CSRF protection for the web UI's forms: every visitor carries a random `starling_csrf` cookie
 * (HttpOnly, SameSite=Lax), and every state-changing form posts `_csrf` = HMAC(server key,
 * cookie). A cross-site page can neither read the cookie nor compute the HMAC. A present `Origin`
 * header must also be our own origin.
 */
import { readCookies, setCookie } from "./cookies.ts";
import { randomToken, safeEqual, type SecretKey } from "../domain/secrets.ts";

export const CSRF_COOKIE = "starling_csrf";
export const CSRF_FIELD = "_csrf";

/** The visitor's CSRF anchor: the cookie's value, or a new one the response must set. */
export function csrfAnchor(req: Request): { anchor: string; isNew: boolean } {
  const existing = readCookies(req)[CSRF_COOKIE];
  if (existing && /^[\w-]{20,100}$/.test(existing)) {
    return { anchor: existing, isNew: false };
  }
  return { anchor: randomToken(24), isNew: true };
}

export function setCsrfCookie(
  headers: Headers,
  anchor: string,
  secure: boolean,
) {
  setCookie(headers, CSRF_COOKIE, anchor, {
    secure,
    maxAge: 60 * 60 * 24 * 365,
  });
}

export function csrfToken(secret: SecretKey, anchor: string): Promise<string> {
  return secret.sign(`csrf:${anchor}`);
}

/** True when a form post carries a valid token for this visitor and comes from our origin. */
export async function verifyCsrf(
  req: Request,
  form: FormData,
  secret: SecretKey,
  origin: string,
): Promise<boolean> {
  const requestOrigin = req.headers.get("origin");
  if (requestOrigin && requestOrigin !== "null" && requestOrigin !== origin) {
    return false;
  }
  const anchor = readCookies(req)[CSRF_COOKIE];
  const submitted = form.get(CSRF_FIELD);
  if (!anchor || typeof submitted !== "string") return false;
  return safeEqual(submitted, await csrfToken(secret, anchor));
}
