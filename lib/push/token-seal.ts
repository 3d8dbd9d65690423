/**
 * Mastodon puts the subscription's access token in every push payload (`access_token`: apps use
 * it to tell which account a push is for). Tokens are stored only as hashes, so the subscription
 * keeps its token sealed: AES-GCM under a key derived from the server secret (HMAC of a fixed
 * label), so a copy of the database alone doesn't hold working tokens.
 */
import { Buffer } from "node:buffer";
import type { SecretKey } from "../domain/secrets.ts";

const LABEL = "web-push-token-seal:v1";

async function sealKey(secret: SecretKey): Promise<CryptoKey> {
  const raw = Buffer.from(await secret.sign(LABEL), "base64url");
  return await crypto.subtle.importKey("raw", raw, "AES-GCM", false, [
    "encrypt",
    "decrypt",
  ]);
}

export async function sealToken(
  secret: SecretKey,
  token: string,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv },
    await sealKey(secret),
    new TextEncoder().encode(token),
  );
  return `${Buffer.from(iv).toString("base64url")}.${
    Buffer.from(sealed).toString("base64url")
  }`;
}

export async function unsealToken(
  secret: SecretKey,
  sealed: string,
): Promise<string> {
  const [iv, data] = sealed.split(".");
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: Buffer.from(iv, "base64url") },
    await sealKey(secret),
    Buffer.from(data, "base64url"),
  );
  return new TextDecoder().decode(plain);
}
