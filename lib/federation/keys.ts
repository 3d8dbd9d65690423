/**
 * Actor key pairs for Fedify: local accounts' keys from `account_keys` (made at sign-up), and the
 * instance actor's, generated once and kept in the `settings` table under
 * `instance_actor_keys` (a JSON array of `{algorithm, publicJwk, privateJwk}`) — the instance
 * actor has no accounts row, so it never shows up among local accounts.
 */
import type { Queryable } from "../db/client.ts";
import { findAccountKeys } from "../db/accounts.ts";
import { getOrInsertSetting, getSetting } from "../db/settings.ts";
import { generateActorKeys, type GeneratedKey } from "../domain/keys.ts";

const INSTANCE_KEYS_SETTING = "instance_actor_keys";

interface StoredKey {
  algorithm: string;
  public_jwk: JsonWebKey;
  private_jwk: JsonWebKey;
}

/** Imports stored JWKs as CryptoKeyPairs, RSA first (Fedify signs HTTP requests with the first). */
export async function importKeyPairs(
  keys: StoredKey[],
): Promise<CryptoKeyPair[]> {
  const ordered = [...keys].sort((a, b) =>
    rank(a.algorithm) - rank(b.algorithm)
  );
  return await Promise.all(ordered.map(async (key) => {
    const algorithm = key.algorithm === "Ed25519"
      ? "Ed25519"
      : { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
    const publicKey = await crypto.subtle.importKey(
      "jwk",
      strip(key.public_jwk),
      algorithm,
      true,
      [
        "verify",
      ],
    );
    const privateKey = await crypto.subtle.importKey(
      "jwk",
      strip(key.private_jwk),
      algorithm,
      true,
      ["sign"],
    );
    return { publicKey, privateKey };
  }));
}

function rank(algorithm: string): number {
  return algorithm === "RSASSA-PKCS1-v1_5" ? 0 : 1;
}

/** `key_ops`/`ext` from the export would conflict with the usages we ask for. */
function strip(jwk: JsonWebKey): JsonWebKey {
  const { key_ops: _ops, ext: _ext, ...rest } = jwk;
  return rest;
}

export async function localAccountKeyPairs(
  db: Queryable,
  accountId: string,
): Promise<CryptoKeyPair[]> {
  return await importKeyPairs(await findAccountKeys(db, accountId));
}

/** The instance actor's keys; the first caller generates them, every later one reads them. */
export async function instanceActorKeyPairs(
  db: Queryable,
): Promise<CryptoKeyPair[]> {
  const existing = await getSetting(db, INSTANCE_KEYS_SETTING);
  if (existing) {
    return await importKeyPairs(JSON.parse(existing) as StoredKey[]);
  }
  const fresh: GeneratedKey[] = await generateActorKeys();
  // Two processes racing here both generate; the insert keeps one and both use it.
  const stored = await getOrInsertSetting(
    db,
    INSTANCE_KEYS_SETTING,
    JSON.stringify(fresh.map((k) => ({
      algorithm: k.algorithm,
      public_jwk: k.publicJwk,
      private_jwk: k.privateJwk,
    }))),
  );
  return await importKeyPairs(JSON.parse(stored) as StoredKey[]);
}
