/**
 * Between the password and the second factor: the user who gave the right password, in a
 * short-lived cookie signed with the server key (`<userId>.<expiry>.<signature>`). No session
 * exists until the second step succeeds (routes/auth/two_factor.tsx).
 */
import type { Config } from "../config.ts";
import type { SecretKey } from "../domain/secrets.ts";
import { safeEqual } from "../domain/secrets.ts";
import { clearCookie, readCookies, setCookie } from "./cookies.ts";

const COOKIE = "starling_2fa";
const LIFETIME_S = 5 * 60;

export async function setPendingSignIn(
  headers: Headers,
  config: Config,
  secret: SecretKey,
  userId: string,
): Promise<void> {
  const expiry = Math.floor(Date.now() / 1000) + LIFETIME_S;
  const value = `${userId}.${expiry}`;
  setCookie(headers, COOKIE, `${value}.${await secret.sign(`2fa:${value}`)}`, {
    secure: config.origin.startsWith("https:"),
    httpOnly: true,
    sameSite: "Lax",
    maxAge: LIFETIME_S,
  });
}

/** The user waiting for their second step, or null (none, expired, or forged). */
export async function readPendingSignIn(
  req: Request,
  secret: SecretKey,
): Promise<string | null> {
  const match = /^(\d{1,19})\.(\d+)\.([\w-]+)$/.exec(
    readCookies(req)[COOKIE] ?? "",
  );
  if (!match) return null;
  const [, userId, expiry, signature] = match;
  if (Number(expiry) < Date.now() / 1000) return null;
  const expected = await secret.sign(`2fa:${userId}.${expiry}`);
  return safeEqual(signature, expected) ? userId : null;
}

export function clearPendingSignIn(headers: Headers, config: Config): void {
  clearCookie(headers, COOKIE, config.origin.startsWith("https:"));
}
