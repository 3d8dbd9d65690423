/**
 * Password hashing with scrypt (node:crypto, a real KDF). The stored form names its parameters so
 * they can be raised later without breaking existing hashes:
 * `scrypt$N$r$p$salt_b64$hash_b64`.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const N = 16384, R = 8, P = 1, KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 72 * 4;

function derive(
  password: string,
  salt: Buffer,
  n: number,
  r: number,
  p: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, {
      N: n,
      r,
      p,
      maxmem: 64 * 1024 * 1024,
    }, (
      error,
      key,
    ) => error ? reject(error) : resolve(key))
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${
    key.toString("base64")
  }`;
}

export async function verifyPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await derive(
    password,
    Buffer.from(salt, "base64"),
    +n,
    +r,
    +p,
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Returns a human-readable reason the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Password is too short (minimum is ${MIN_PASSWORD_LENGTH} characters)`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return "Password is too long";
  return null;
}
