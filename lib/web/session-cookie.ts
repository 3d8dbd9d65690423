/** Setting and clearing the browser session cookie. */
import { clearCookie, setCookie } from "./cookies.ts";
import type { Config } from "../config.ts";

export const SESSION_COOKIE = "starling_session";
const SESSION_MAX_AGE = 60 * 60 * 24 * 365;

export function setSessionCookie(
  headers: Headers,
  config: Config,
  sessionSecret: string,
) {
  setCookie(headers, SESSION_COOKIE, sessionSecret, {
    secure: config.origin.startsWith("https:"),
    httpOnly: true,
    sameSite: "Lax",
    maxAge: SESSION_MAX_AGE,
  });
}

export function clearSessionCookie(headers: Headers, config: Config) {
  clearCookie(headers, SESSION_COOKIE, config.origin.startsWith("https:"));
}
