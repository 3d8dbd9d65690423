/**
 * Sign-up through the API (`POST /api/v1/accounts` with an app token): Mastodon's rules, then a
 * token of that app for the new user. With approval required the token is issued but works
 * only once a moderator approves; with registrations closed it is refused.
 */
import type { Sql } from "../db/client.ts";
import type { MailConfig, Registrations } from "../config.ts";
import { emailConfirmationRequired, signUp } from "./accounts.ts";
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
    config: { registrations: Registrations; mail: MailConfig };
  },
  applicationId: string,
  scopes: string,
  input: ApiSignUp,
): Promise<IssuedToken> {
  if (deps.config.registrations !== "closed" && !input.agreement) {
    throw invalid("Agreement must be accepted", "agreement");
  }
  const login = await signUp(deps.sql, {
    username: input.username,
    email: input.email,
    password: input.password,
    locale: input.locale,
    reason: input.reason,
  }, {
    registrations: deps.config.registrations,
    effects: deps.effects,
    emailConfirmation: emailConfirmationRequired(deps.config),
  });
  return await issueUserToken(deps.sql, applicationId, login.user.id, scopes);
}
