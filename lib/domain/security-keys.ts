/**
 * Security keys and passkeys as a second factor (WebAuthn, through `@simplewebauthn/server`),
 * as Mastodon offers them: only for a user who already has two-factor on with an authenticator
 * app (the app and its recovery codes stay the way back in when a key is lost), each key with a
 * nickname, any key signing in instead of a code. Turning two-factor off removes the keys
 * (lib/domain/two-factor.ts).
 *
 * Each ceremony is two requests: a page hands the browser options with a fresh challenge
 * (stored, one per user and purpose, for five minutes), and the form post that follows carries
 * the authenticator's answer, which must match that challenge — once.
 */
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransportFuture,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { Sql } from "../db/client.ts";
import * as db from "../db/security-keys.ts";
import { decodeBase64Url, encodeBase64Url } from "./base64.ts";
import { DomainError, invalid, notFound } from "./errors.ts";
import { isTwoFactorEnabled } from "./two-factor.ts";

export type { SecurityKeyRow } from "../db/security-keys.ts";

const CHALLENGE_LIFETIME_S = 5 * 60;
const NICKNAME_MAX = 60;

/** Where keys are bound: the instance's host name (no port) and its origin. */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

export function relyingParty(
  config: { origin: string; host: string },
): RelyingParty {
  return {
    id: new URL(config.origin).hostname,
    name: config.host,
    origin: config.origin,
  };
}

// Loaded when a key is used, not at start-up: most requests never need the CBOR/X.509 code.
const webauthn = () => import("@simplewebauthn/server");

export function listSecurityKeys(sql: Sql, userId: string) {
  return db.listSecurityKeys(sql, userId);
}

/** Options for the browser to create a new key with (`navigator.credentials.create`). */
export async function registrationOptions(
  sql: Sql,
  rp: RelyingParty,
  user: { id: string; name: string },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  if (!await isTwoFactorEnabled(sql, user.id)) {
    throw invalid(
      "Turn on two-factor authentication with an app first",
      "otp",
    );
  }
  const handle = await db.webauthnHandle(
    sql,
    user.id,
    encodeBase64Url(crypto.getRandomValues(new Uint8Array(32))),
  );
  const keys = await db.listSecurityKeys(sql, user.id);
  const options = await (await webauthn()).generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.name,
    userID: decodeBase64Url(handle),
    attestationType: "none",
    excludeCredentials: keys.map((k) => ({
      id: k.credential_id,
      transports: k.transports as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: {
      residentKey: "preferred",
      userVerification: "preferred",
    },
  });
  await db.storeChallenge(
    sql,
    user.id,
    "register",
    options.challenge,
    CHALLENGE_LIFETIME_S,
  );
  return options;
}

/** Keeps the key the browser created, under `nickname`, if it answers this user's challenge. */
export async function addSecurityKey(
  sql: Sql,
  rp: RelyingParty,
  userId: string,
  input: { response: string; nickname: string },
): Promise<void> {
  const nickname = input.nickname.trim();
  if (!nickname) throw invalid("Give the key a name", "nickname");
  if (nickname.length > NICKNAME_MAX) {
    throw invalid(
      `The name is too long (at most ${NICKNAME_MAX} characters)`,
      "nickname",
    );
  }
  if (
    (await db.listSecurityKeys(sql, userId)).some((k) =>
      k.nickname === nickname
    )
  ) {
    throw invalid("You already have a key with that name", "nickname");
  }
  const response = parseResponse<RegistrationResponseJSON>(input.response);
  const challenge = await db.takeChallenge(sql, userId, "register");
  if (!challenge) throw invalid("That took too long. Please try again.");
  const result = await (await webauthn()).verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const }));
  if (!result.verified) {
    throw invalid("The key's answer could not be verified");
  }
  const { credential } = result.registrationInfo;
  await db.insertSecurityKey(sql, userId, {
    credentialId: credential.id,
    publicKey: encodeBase64Url(credential.publicKey),
    signCount: credential.counter,
    transports: credential.transports ?? [],
    nickname,
  });
}

export async function removeSecurityKey(
  sql: Sql,
  userId: string,
  keyId: string,
): Promise<void> {
  if (
    !/^\d{1,19}$/.test(keyId) || !await db.deleteSecurityKey(sql, userId, keyId)
  ) {
    throw notFound("No such security key");
  }
}

/**
 * Options for signing in with one of the user's keys (`navigator.credentials.get`), or null when
 * they have none (the sign-in page then asks only for a code).
 */
export async function signInOptions(
  sql: Sql,
  rp: RelyingParty,
  userId: string,
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const keys = await db.listSecurityKeys(sql, userId);
  if (keys.length === 0) return null;
  const options = await (await webauthn()).generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: keys.map((k) => ({
      id: k.credential_id,
      transports: k.transports as AuthenticatorTransportFuture[],
    })),
    userVerification: "preferred",
  });
  await db.storeChallenge(
    sql,
    userId,
    "sign_in",
    options.challenge,
    CHALLENGE_LIFETIME_S,
  );
  return options;
}

/**
 * The second step of signing in with a key: the assertion must come from one of the user's
 * keys, answer the challenge the sign-in page gave (once), and carry a counter above the
 * stored one (unless the key keeps none). Throws `unauthorized` otherwise.
 */
export async function verifySecurityKey(
  sql: Sql,
  rp: RelyingParty,
  userId: string,
  responseJson: string,
): Promise<void> {
  const refused = new DomainError(
    "unauthorized",
    "The security key was not accepted",
  );
  const response = parseResponse<AuthenticationResponseJSON>(responseJson);
  const challenge = await db.takeChallenge(sql, userId, "sign_in");
  const key = (await db.listSecurityKeys(sql, userId)).find((k) =>
    k.credential_id === response.id
  );
  if (!challenge || !key) throw refused;
  const result = await (await webauthn()).verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: key.credential_id,
      publicKey: decodeBase64Url(key.public_key),
      counter: Number(key.sign_count),
      transports: key.transports as AuthenticatorTransportFuture[],
    },
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const }));
  if (!result.verified) throw refused;
  if (
    !await db.recordSecurityKeyUse(
      sql,
      key.id,
      result.authenticationInfo.newCounter,
    )
  ) {
    throw refused;
  }
}

function parseResponse<T extends { id: string }>(json: string): T {
  try {
    const value = JSON.parse(json);
    if (value && typeof value === "object" && typeof value.id === "string") {
      return value as T;
    }
  } catch {
    // falls through to the refusal below
  }
  throw invalid("The browser sent no security key answer", "response");
}
