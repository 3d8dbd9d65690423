/**
 * Random tokens, their stored hashes, and the server's secret key (from `SECRET_KEY`, or
 * generated once and kept in the database so every process and every restart agree on it).
 */
import { createHash, createHmac } from "node:crypto";
import { encodeBase64Url } from "./base64.ts";
import type { Queryable } from "../db/client.ts";
import { getOrInsertSetting } from "../db/settings.ts";

export function randomToken(bytes = 32): string {
  return encodeBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * Tokens are stored as SHA-256 hex: a database leak does not hand out working tokens. Every API
 * request hashes its token, so this uses node:crypto's synchronous hash (a fraction of
 * WebCrypto's async round trip); async stays in the signature for callers.
 */
export function hashToken(token: string): Promise<string> {
  return Promise.resolve(createHash("sha256").update(token).digest("hex"));
}

export interface SecretKey {
  /** HMAC-SHA256 of `message` under the server secret, base64url. */
  sign(message: string): Promise<string>;
}

export async function loadSecretKey(
  db: Queryable,
  configured?: string,
): Promise<SecretKey> {
  const secret = configured ??
    await getOrInsertSetting(db, "secret_key", randomToken(48));
  // node:crypto's synchronous HMAC: every signed-in page signs twice (session, CSRF), and
  // WebCrypto's async round trip cost more than the hash itself. Same bytes as HMAC-SHA256
  // with the secret's UTF-8 as the raw key.
  return {
    sign(message) {
      return Promise.resolve(
        createHmac("sha256", secret).update(message).digest("base64url"),
      );
    },
  };
}

/** Constant-time comparison of two strings. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
