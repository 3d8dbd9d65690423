/**
 * Two-factor sign-in with a TOTP app (RFC 6238: SHA-1, 6 digits, 30 s, one step of clock drift
 * allowed, through the `otpauth` library), as Mastodon offers: enrolment shows a QR code and
 * the secret, and takes effect once a code from the app and the password are given; ten
 * single-use recovery codes are shown once and stored hashed. A code's time step is accepted
 * once (no replay). Turning it off, or new recovery codes, need the password.
 */
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import type { Sql } from "../db/client.ts";
import * as db from "../db/two-factor.ts";
import { deleteAllSecurityKeys } from "../db/security-keys.ts";
import { findUserById } from "../db/accounts.ts";
import { DomainError, invalid } from "./errors.ts";
import { verifyPassword } from "./passwords.ts";
import { hashToken } from "./secrets.ts";

const RECOVERY_CODES = 10;

function totp(secret: string, label = "", issuer = "Starling"): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export async function isTwoFactorEnabled(
  sql: Sql,
  userId: string,
): Promise<boolean> {
  return !!(await db.findTwoFactor(sql, userId))?.otp_enabled_at;
}

export interface Enrolment {
  secret: string;
  uri: string;
  /** The `otpauth://` URI as an SVG QR code, for the enrolment page. */
  qrSvg: string;
}

/** Starts (or resumes) enrolment: the secret the app is to be given. */
export async function beginEnrolment(
  sql: Sql,
  userId: string,
  accountName: string,
  issuer: string,
): Promise<Enrolment> {
  const row = await db.findTwoFactor(sql, userId);
  if (row?.otp_enabled_at) {
    throw invalid("Two-factor authentication is already on", "otp");
  }
  let secret = row?.otp_secret;
  if (!secret) {
    secret = new OTPAuth.Secret({ size: 20 }).base32;
    await db.setPendingSecret(sql, userId, secret);
  }
  const uri = totp(secret, accountName, issuer).toString();
  return {
    secret,
    uri,
    qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1 }),
  };
}

/** The time step `code` matches for `secret` (±1 step), or null. */
function matchingStep(secret: string, code: string): number | null {
  const now = Date.now();
  const delta = totp(secret).validate({
    token: code.replace(/\s+/g, ""),
    timestamp: now,
    window: 1,
  });
  return delta === null ? null : Math.floor(now / 30_000) + delta;
}

async function requirePassword(sql: Sql, userId: string, password: string) {
  const user = await findUserById(sql, userId);
  if (!user || !await verifyPassword(password, user.password_hash)) {
    throw invalid("The password is wrong", "password");
  }
}

async function newRecoveryCodes(): Promise<
  { codes: string[]; hashes: string[] }
> {
  // Ten hex digits each (40 bits), as Mastodon's recovery codes.
  const codes = Array.from(
    { length: RECOVERY_CODES },
    () =>
      Array.from(
        crypto.getRandomValues(new Uint8Array(5)),
        (b) => b.toString(16).padStart(2, "0"),
      ).join(""),
  );
  return { codes, hashes: await Promise.all(codes.map((c) => hashToken(c))) };
}

/** Turns two-factor on once the app's code and the password check; returns recovery codes. */
export async function confirmEnrolment(
  sql: Sql,
  userId: string,
  input: { code: string; password: string },
): Promise<string[]> {
  await requirePassword(sql, userId, input.password);
  const row = await db.findTwoFactor(sql, userId);
  if (!row?.otp_secret || row.otp_enabled_at) {
    throw invalid("Start the set-up first", "otp");
  }
  const step = matchingStep(row.otp_secret, input.code);
  if (step === null) {
    throw invalid("That code is not the one your app shows now", "code");
  }
  const { codes, hashes } = await newRecoveryCodes();
  await sql.begin((tx) => db.enableTwoFactor(tx, userId, step, hashes));
  return codes;
}

export async function disableTwoFactor(
  sql: Sql,
  userId: string,
  password: string,
): Promise<void> {
  await requirePassword(sql, userId, password);
  // Security keys are a second factor beside the app, never the only one.
  await sql.begin(async (tx) => {
    await db.disableTwoFactor(tx, userId);
    await deleteAllSecurityKeys(tx, userId);
  });
}

export async function regenerateRecoveryCodes(
  sql: Sql,
  userId: string,
  password: string,
): Promise<string[]> {
  await requirePassword(sql, userId, password);
  if (!await isTwoFactorEnabled(sql, userId)) {
    throw invalid("Two-factor authentication is off", "otp");
  }
  const { codes, hashes } = await newRecoveryCodes();
  await sql.begin((tx) => db.replaceRecoveryCodes(tx, userId, hashes));
  return codes;
}

export async function unusedRecoveryCodes(
  sql: Sql,
  userId: string,
): Promise<number> {
  return await db.countUnusedRecoveryCodes(sql, userId);
}

/**
 * The second step of signing in: a current TOTP code (each time step once) or an unused
 * recovery code. Throws `unauthorized` when it is neither.
 */
export async function verifySecondFactor(
  sql: Sql,
  userId: string,
  code: string,
): Promise<void> {
  const row = await db.findTwoFactor(sql, userId);
  if (!row?.otp_enabled_at || !row.otp_secret) return;
  const clean = code.trim().toLowerCase();
  if (/^\d{6}$/.test(clean.replace(/\s+/g, ""))) {
    const step = matchingStep(row.otp_secret, clean);
    if (step !== null && await db.claimStep(sql, userId, step)) return;
  } else if (
    clean && await db.useRecoveryCode(sql, userId, await hashToken(clean))
  ) return;
  throw new DomainError("unauthorized", "Invalid two-factor code");
}
