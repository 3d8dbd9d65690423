/** SQL for two-factor sign-in (migration 0025). */
import type { Queryable } from "./client.ts";

export interface TwoFactorRow {
  otp_secret: string | null;
  otp_enabled_at: Date | null;
  otp_last_step: string | null;
}

export async function findTwoFactor(
  db: Queryable,
  userId: string,
): Promise<TwoFactorRow | null> {
  const [row] = await db<TwoFactorRow[]>`
    SELECT otp_secret, otp_enabled_at, otp_last_step FROM users WHERE id = ${userId}`;
  return row ?? null;
}

export async function setPendingSecret(
  db: Queryable,
  userId: string,
  secret: string,
): Promise<void> {
  await db`UPDATE users SET otp_secret = ${secret}
           WHERE id = ${userId} AND otp_enabled_at IS NULL`;
}

/** Turns two-factor on with `codeHashes` as the recovery codes (replacing any). */
export async function enableTwoFactor(
  db: Queryable,
  userId: string,
  step: number,
  codeHashes: string[],
): Promise<void> {
  await db`UPDATE users SET otp_enabled_at = now(), otp_last_step = ${step}
           WHERE id = ${userId}`;
  await replaceRecoveryCodes(db, userId, codeHashes);
}

export async function replaceRecoveryCodes(
  db: Queryable,
  userId: string,
  codeHashes: string[],
): Promise<void> {
  await db`DELETE FROM otp_recovery_codes WHERE user_id = ${userId}`;
  await db`INSERT INTO otp_recovery_codes ${
    db(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
  }`;
}

export async function disableTwoFactor(
  db: Queryable,
  userId: string,
): Promise<void> {
  await db`UPDATE users SET otp_secret = NULL, otp_enabled_at = NULL, otp_last_step = NULL
           WHERE id = ${userId}`;
  await db`DELETE FROM otp_recovery_codes WHERE user_id = ${userId}`;
}

/** Accepts time step `step` unless it (or a later one) was already used; true if accepted. */
export async function claimStep(
  db: Queryable,
  userId: string,
  step: number,
): Promise<boolean> {
  const result = await db`
    UPDATE users SET otp_last_step = ${step}
    WHERE id = ${userId} AND (otp_last_step IS NULL OR otp_last_step < ${step})`;
  return result.count > 0;
}

/** Uses up a recovery code; true if it was an unused one of this user's. */
export async function useRecoveryCode(
  db: Queryable,
  userId: string,
  codeHash: string,
): Promise<boolean> {
  const result = await db`
    UPDATE otp_recovery_codes SET used_at = now()
    WHERE user_id = ${userId} AND code_hash = ${codeHash} AND used_at IS NULL`;
  return result.count > 0;
}

export async function countUnusedRecoveryCodes(
  db: Queryable,
  userId: string,
): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    SELECT count(*)::int AS n FROM otp_recovery_codes
    WHERE user_id = ${userId} AND used_at IS NULL`;
  return row.n;
}
