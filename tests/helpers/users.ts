/**
 * Test users with API tokens, made through the domain (fast; no HTTP): `createUserWithToken`
 * signs a user up and issues a token of a test app with the given scopes.
 */
import type { TestInstance } from "./app.ts";
import { createRestAPIClient } from "masto";
import { signUp } from "../../lib/domain/accounts.ts";
import { issueUserToken, registerApplication } from "../../lib/domain/oauth.ts";
import type { AccountRow, UserRow } from "../../lib/db/accounts.ts";

export interface TestUser {
  user: UserRow;
  account: AccountRow;
  token: string;
}

export async function createUserWithToken(
  instance: TestInstance,
  username: string,
  options: { scopes?: string; locked?: boolean } = {},
): Promise<TestUser> {
  const { sql } = instance.deps;
  const login = await signUp(sql, {
    username,
    email: `${username}@example.com`,
    password: "a good password",
  }, { registrations: "open", byOperator: true });
  if (options.locked) {
    await sql`UPDATE accounts SET locked = true WHERE id = ${login.account.id}`;
    login.account.locked = true;
  }
  const { app } = await registerApplication(sql, {
    name: "Test app",
    redirectUris: ["urn:ietf:wg:oauth:2.0:oob"],
    scopes: "read write follow push",
  });
  const scopes = options.scopes ?? "read write follow push";
  const { accessToken } = await issueUserToken(
    sql,
    app.id,
    login.user.id,
    scopes,
  );
  return { ...login, token: accessToken };
}

/** A masto.js client for the instance, with or without a token. */
export function client(instance: TestInstance, accessToken?: string) {
  return createRestAPIClient({ url: instance.origin, accessToken });
}

/** A raw JSON API call: status, headers and the parsed body (null when empty). */
export async function api(
  instance: TestInstance,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await instance.fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}
