/**
 * Small builders for tests: users with API tokens made directly in the database (no OAuth
 * dance), so any test can act as several people at once.
 */
import type { TestInstance } from "./app.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import { insertToken } from "../../lib/db/oauth.ts";
import { hashToken, randomToken } from "../../lib/domain/secrets.ts";
import type { AccountRow, UserRow } from "../../lib/db/accounts.ts";

export interface TestUser {
  account: AccountRow;
  user: UserRow;
  /** A bearer token with `read write follow push`. */
  token: string;
}

export async function createUser(
  instance: Pick<TestInstance, "deps">,
  options: { username: string; scopes?: string; email?: string },
): Promise<TestUser> {
  const { user, account } = await signUp(instance.deps.sql, {
    username: options.username,
    email: options.email ?? `${options.username}@example.com`,
    password: "correct horse battery staple",
  }, { registrations: "open" });
  const token = randomToken();
  await insertToken(instance.deps.sql, {
    application_id: null,
    user_id: user.id,
    token_hash: await hashToken(token),
    scopes: options.scopes ?? "read write follow push",
  });
  return { user, account, token };
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

/** `fetch` with the user's bearer token and a JSON body. */
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
