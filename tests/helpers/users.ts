/**
 * Test users with API tokens, made through the domain (fast; no HTTP): `createUserWithToken`
 * signs a user up and issues a token of a test app with the given scopes.
 */
import type { TestInstance } from "./app.ts";
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
