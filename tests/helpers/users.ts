/**
 * Test users with API tokens, made through the domain (fast; no HTTP): `createUserWithToken`
 * signs a user up and issues a token of a test app with the given scopes, so any test can act
 * as several people at once. `apiFetch` / `api` call the API as one of them; `follow` makes a
 * follow directly in the database when a test is not about following itself.
 */
import type { TestInstance } from "./app.ts";
import { createRestAPIClient } from "masto";
import { signUp } from "../../lib/domain/accounts.ts";
import { issueUserToken, registerApplication } from "../../lib/domain/oauth.ts";
import type { AccountRow, UserRow } from "../../lib/db/accounts.ts";

export interface TestUser {
  user: UserRow;
  account: AccountRow;
  /** A bearer token with `read write follow push` unless other scopes were asked for. */
  token: string;
}

export async function createUserWithToken(
  instance: Pick<TestInstance, "deps">,
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

/** Makes `follower` follow `target` directly (no request/accept), counters included. */
export async function follow(
  instance: Pick<TestInstance, "deps">,
  follower: { account: { id: string } },
  target: { account: { id: string } },
  options: { notify?: boolean } = {},
): Promise<void> {
  const sql = instance.deps.sql;
  await sql.begin(async (tx) => {
    await tx`INSERT INTO follows (account_id, target_account_id, notify)
             VALUES (${follower.account.id}, ${target.account.id}, ${
      options.notify ?? false
    })
             ON CONFLICT DO NOTHING`;
    await tx`UPDATE accounts SET following_count = following_count + 1
             WHERE id = ${follower.account.id}`;
    await tx`UPDATE accounts SET followers_count = followers_count + 1
             WHERE id = ${target.account.id}`;
  });
}

/** A masto.js client for the instance, with or without a token. */
export function client(instance: TestInstance, accessToken?: string) {
  return createRestAPIClient({ url: instance.origin, accessToken });
}

/** `fetch` with the user's bearer token and a JSON body; the method defaults to POST with a body. */
export function apiFetch(
  instance: Pick<TestInstance, "fetch">,
  token: string | null,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } =
    {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return instance.fetch(path, {
    method: init.method ?? (init.body !== undefined ? "POST" : "GET"),
    headers,
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}

/** A raw JSON API call: status, headers and the parsed body (null when empty). */
export async function api(
  instance: Pick<TestInstance, "fetch">,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await apiFetch(instance, token, path, { method, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}
