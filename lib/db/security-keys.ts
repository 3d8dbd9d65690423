/** SQL for security keys as a second factor (migration 0035). */
import type { Queryable } from "./client.ts";

export interface SecurityKeyRow {
  id: string;
  credential_id: string;
  public_key: string;
  sign_count: string;
  transports: string[];
  nickname: string;
  created_at: Date;
  last_used_at: Date | null;
}

export type ChallengePurpose = "register" | "sign_in";

export async function listSecurityKeys(
  db: Queryable,
  userId: string,
): Promise<SecurityKeyRow[]> {
  return await db<SecurityKeyRow[]>`
    SELECT id, credential_id, public_key, sign_count, transports, nickname, created_at,
           last_used_at
    FROM webauthn_credentials WHERE user_id = ${userId} ORDER BY created_at, id`;
}

export async function insertSecurityKey(
  db: Queryable,
  userId: string,
  key: {
    credentialId: string;
    publicKey: string;
    signCount: number;
    transports: string[];
    nickname: string;
  },
): Promise<void> {
  await db`
    INSERT INTO webauthn_credentials
      (user_id, credential_id, public_key, sign_count, transports, nickname)
    VALUES (${userId}, ${key.credentialId}, ${key.publicKey}, ${key.signCount},
            ${key.transports}, ${key.nickname})`;
}

export async function deleteSecurityKey(
  db: Queryable,
  userId: string,
  id: string,
): Promise<boolean> {
  const result = await db`
    DELETE FROM webauthn_credentials WHERE user_id = ${userId} AND id = ${id}`;
  return result.count > 0;
}

export async function deleteAllSecurityKeys(
  db: Queryable,
  userId: string,
): Promise<void> {
  await db`DELETE FROM webauthn_credentials WHERE user_id = ${userId}`;
  await db`DELETE FROM webauthn_challenges WHERE user_id = ${userId}`;
}

/** Records a successful use; false if the counter went backwards meanwhile (a clone raced it). */
export async function recordSecurityKeyUse(
  db: Queryable,
  id: string,
  signCount: number,
): Promise<boolean> {
  const result = await db`
    UPDATE webauthn_credentials SET sign_count = ${signCount}, last_used_at = now()
    WHERE id = ${id} AND (sign_count = 0 OR sign_count < ${signCount})`;
  return result.count > 0;
}

/** The user's WebAuthn user handle, made on first use. */
export async function webauthnHandle(
  db: Queryable,
  userId: string,
  fresh: string,
): Promise<string> {
  const [row] = await db<{ webauthn_handle: string }[]>`
    UPDATE users SET webauthn_handle = coalesce(webauthn_handle, ${fresh})
    WHERE id = ${userId} RETURNING webauthn_handle`;
  return row.webauthn_handle;
}

export async function storeChallenge(
  db: Queryable,
  userId: string,
  purpose: ChallengePurpose,
  challenge: string,
  lifetimeSeconds: number,
): Promise<void> {
  await db`
    INSERT INTO webauthn_challenges (user_id, purpose, challenge, expires_at)
    VALUES (${userId}, ${purpose}, ${challenge},
            now() + make_interval(secs => ${lifetimeSeconds}))
    ON CONFLICT (user_id, purpose)
    DO UPDATE SET challenge = excluded.challenge, expires_at = excluded.expires_at`;
}

/** Takes the user's current challenge for `purpose` (it works once), or null if none or expired. */
export async function takeChallenge(
  db: Queryable,
  userId: string,
  purpose: ChallengePurpose,
): Promise<string | null> {
  const [row] = await db<{ challenge: string; live: boolean }[]>`
    DELETE FROM webauthn_challenges WHERE user_id = ${userId} AND purpose = ${purpose}
    RETURNING challenge, expires_at > now() AS live`;
  return row?.live ? row.challenge : null;
}
