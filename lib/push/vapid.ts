/**
 * The server's VAPID key pair (RFC 8292, ECDSA P-256): push services accept a subscription's
 * pushes only when signed by the key the browser subscribed with, so the pair must survive
 * restarts and be the same in every process. Generated once and kept in `settings`, unless
 * `VAPID_PUBLIC_KEY`/`VAPID_PRIVATE_KEY` give it.
 */
import { Buffer } from "node:buffer";
import type { Queryable } from "../db/client.ts";
import { getOrInsertSetting } from "../db/settings.ts";

export interface VapidKeys {
  /** The uncompressed public point, base64url: what clients pass to `PushManager.subscribe`. */
  publicKey: string;
  /** The private scalar, base64url. */
  privateKey: string;
}

const SETTING = "vapid_keys";

export async function loadVapidKeys(
  db: Queryable,
  configured?: VapidKeys,
): Promise<VapidKeys> {
  if (configured) return configured;
  const generated = await generateVapidKeys();
  // Two processes starting together both generate: the first insert wins, and both read it.
  const stored = await getOrInsertSetting(
    db,
    SETTING,
    JSON.stringify({
      publicKey: generated.publicKey,
      privateKey: generated.privateKey,
    }),
  );
  const { publicKey, privateKey } = JSON.parse(stored) as VapidKeys;
  return { publicKey, privateKey };
}

/**
 * A P-256 pair in the form `web-push` and browsers use: the public key as the uncompressed point,
 * the private key as the 32-byte scalar, both base64url. (WebCrypto, so starting doesn't load
 * `web-push`, which only sending needs.)
 */
async function generateVapidKeys(): Promise<VapidKeys> {
  const pair = await crypto.subtle.generateKey(
    { name: "ECDSA", namedCurve: "P-256" },
    true,
    ["sign", "verify"],
  );
  const point = await crypto.subtle.exportKey("raw", pair.publicKey);
  const { d } = await crypto.subtle.exportKey("jwk", pair.privateKey);
  return {
    publicKey: Buffer.from(point).toString("base64url"),
    privateKey: d!,
  };
}
