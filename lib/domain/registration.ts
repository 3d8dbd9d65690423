/**
 * Sign-up through the API (`POST /api/v1/accounts` with an app token): Mastodon's rules, then a
 * token of that app for the new user. With approval required the token is issued but works
 * only once a moderator approves; with registrations closed it is refused.
 */
import type { Sql } from "../db/client.ts";
import type { Registrations } from "../config.ts";
import { signUp } from "./accounts.ts";
import { registrationPolicy } from "../instance/mod.ts";
import type { Effects } from "./effects.ts";
import { invalid } from "./errors.ts";
import { type IssuedToken, issueUserToken } from "./oauth.ts";

export interface ApiSignUp {
  username: string;
  email: string;
  password: string;
  agreement: boolean;
  locale?: string;
  reason: string | null;
}

export async function registerThroughApp(
  deps: {
    sql: Sql;
    effects: Effects;
    config: { registrations: Registrations };
  },
  applicationId: string,
  scopes: string,
  input: ApiSignUp,
): Promise<IssuedToken> {
  const policy = await registrationPolicy(deps);
  if (policy.mode !== "closed" && !input.agreement) {
    throw invalid("Agreement must be accepted", "agreement");
  }
  const login = await signUp(deps.sql, {
    username: input.username,
    email: input.email,
    password: input.password,
    locale: input.locale,
    reason: input.reason,
  }, {
    registrations: policy.mode,
    reasonRequired: policy.reasonRequired,
    effects: deps.effects,
  });
  return await issueUserToken(deps.sql, applicationId, login.user.id, scopes);
}
