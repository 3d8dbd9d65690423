/**
 * Sign-up, from the web form and from apps (`POST /api/v1/accounts` with an app token): the
 * registrations mode, an invite, the sign-up gate (IP, e-mail domain and canonical e-mail
 * blocks: lib/moderation/sign-up-gate.ts), then the account (accounts.ts `signUp`). Through the
 * API the answer is a token of that app for the new user; with approval required the token is
 * issued but works only once a moderator approves.
 */
import type { Sql } from "../db/client.ts";
import type { MailConfig, Registrations } from "../config.ts";
import { findAccountById } from "../db/accounts.ts";
import {
  emailConfirmationRequired,
  type LocalLogin,
  signUp,
} from "./accounts.ts";
import type { Effects } from "./effects.ts";
import { registrationMode, registrationPolicy } from "../instance/mod.ts";
import { DomainError, invalid } from "./errors.ts";
import { type IssuedToken, issueUserToken } from "./oauth.ts";
import { follow } from "./relationships.ts";
import {
  checkSignUp,
  findUsableInvite,
  type InviteRow,
  type MxResolver,
  signUpNeedsApproval,
} from "../moderation/mod.ts";

export interface RegistrationDeps {
  sql: Sql;
  effects: Effects;
  config: { registrations: Registrations; mail: MailConfig };
  resolveMx: MxResolver;
}

/**
 * The registrations mode in force is lib/instance's `registrationMode` (what an admin chose at
 * /admin/settings, else `REGISTRATIONS`); re-exported for the readers of this module.
 */
export { registrationMode };

export interface SignUpRequest {
  username: string;
  email: string;
  password: string;
  locale?: string;
  reason: string | null;
  /** From an invite link (`/invite/:code`) or the API's `invite_code`. */
  inviteCode?: string | null;
  /** The client's address (TRUSTED_PROXIES applied). */
  ip: string | null;
  /**
   * `YYYY-MM-DD`, asked only when the admins set a minimum age (Mastodon 4.4's
   * `date_of_birth`); checked, never stored.
   */
  dateOfBirth?: string | null;
}

/** What the sign-up form offers this visitor: whether it is open, needs a reason, the invite. */
export interface SignUpOffer {
  mode: Registrations;
  /** The form may be used (open, approval, or closed with a usable invite). */
  open: boolean;
  approvalRequired: boolean;
  /** Approval needs a reason (the admins' "approval requires a reason"). */
  reasonRequired: boolean;
  invite: InviteRow | null;
  /** The minimum age the admins set: the form asks for a date of birth. */
  minAge: number | null;
}

export async function signUpOffer(
  deps: RegistrationDeps,
  ip: string | null,
  inviteCode?: string | null,
): Promise<SignUpOffer> {
  const { mode, approvalRequiresReason, minAge } = await registrationPolicy(
    deps,
  );
  const invite = inviteCode
    ? await findUsableInvite(deps.sql, inviteCode)
    : null;
  const byAddress = await signUpNeedsApproval(deps.sql, ip);
  const approvalRequired = byAddress || (mode === "approval" && !invite);
  return {
    mode,
    open: mode !== "closed" || invite !== null,
    approvalRequired,
    reasonRequired: approvalRequired && approvalRequiresReason,
    invite,
    minAge,
  };
}

/** Signs a person up: refused with a `DomainError`, or the new login (maybe still pending). */
export async function register(
  deps: RegistrationDeps,
  input: SignUpRequest,
): Promise<LocalLogin> {
  const { mode, approvalRequiresReason, minAge } = await registrationPolicy(
    deps,
  );
  const invite = input.inviteCode
    ? await findUsableInvite(deps.sql, input.inviteCode)
    : null;
  if (input.inviteCode && !invite) {
    throw invalid("This invite is no longer valid", "invite_code");
  }
  if (mode === "closed" && !invite) {
    throw new DomainError(
      "forbidden",
      "Registrations are closed on this server",
    );
  }
  if (minAge !== null) checkAge(input.dateOfBirth, minAge);
  const gate = await checkSignUp(deps, {
    email: input.email.trim(),
    ip: input.ip,
    invited: invite !== null,
  });
  // An invite opens the door and skips approval; an IP block asking for approval still wins.
  let effective: Registrations = invite ? "open" : mode;
  if (gate.approvalRequired) effective = "approval";
  const login = await signUp(deps.sql, {
    username: input.username,
    email: input.email,
    password: input.password,
    locale: input.locale,
    reason: input.reason,
    ip: input.ip,
  }, {
    registrations: effective,
    reasonRequired: approvalRequiresReason,
    effects: deps.effects,
    inviteId: invite?.id,
    emailConfirmation: emailConfirmationRequired(deps.config),
  });
  if (invite?.autofollow && login.user.approved) {
    await followInviter(deps, login, invite);
  }
  return login;
}

/**
 * Mastodon 4.4's age check: with a minimum age, a date of birth is required and must be at
 * least `minAge` years ago (today, UTC).
 */
export function checkAge(
  dateOfBirth: string | null | undefined,
  minAge: number,
  today = new Date(),
): void {
  const text = (dateOfBirth ?? "").trim();
  if (!text) throw invalid("Date of birth can't be blank", "date_of_birth");
  const born = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? new Date(`${text}T00:00:00Z`)
    : null;
  if (
    !born || Number.isNaN(born.getTime()) ||
    born.toISOString().slice(0, 10) !== text
  ) {
    throw invalid("Date of birth is invalid", "date_of_birth");
  }
  const latest = new Date(Date.UTC(
    today.getUTCFullYear() - minAge,
    today.getUTCMonth(),
    today.getUTCDate(),
  ));
  if (born > latest) {
    throw invalid("Date of birth is below the age limit", "date_of_birth");
  }
}

/** "Follow me" invites: the new account follows its inviter (refusals, e.g. a block, skipped). */
async function followInviter(
  deps: RegistrationDeps,
  login: LocalLogin,
  invite: InviteRow,
): Promise<void> {
  const inviter = await findAccountById(deps.sql, invite.inviter_account_id);
  if (!inviter) return;
  try {
    await follow(deps, login.account, inviter);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

export interface ApiSignUp extends SignUpRequest {
  agreement: boolean;
}

export async function registerThroughApp(
  deps: RegistrationDeps,
  applicationId: string,
  scopes: string,
  input: ApiSignUp,
): Promise<IssuedToken> {
  // With registrations closed and no invite the refusal is "closed" (403), not the agreement.
  const closed = (await registrationMode(deps)) === "closed";
  if (!input.agreement && (!closed || input.inviteCode)) {
    throw invalid("Agreement must be accepted", "agreement");
  }
  const login = await register(deps, input);
  return await issueUserToken(deps.sql, applicationId, login.user.id, scopes);
}
