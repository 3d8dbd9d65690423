/**
 * Admin::Account (docs.joinmastodon.org/entities/Admin_Account), as Mastodon's
 * REST::Admin::AccountSerializer renders it. `confirmed`: the user confirmed their e-mail
 * address (lib/mail); `invite_request` is the reason given at sign-up ("why do you want to
 * join?"); `invited_by_account_id` appears when the user signed up with an invite. Remote
 * accounts have no user: no e-mail, role, addresses or locale.
 */
import type { ModeratedAccount } from "../../moderation/mod.ts";
import { accountJson } from "./account.ts";
import { roleJson } from "./role.ts";
import type { Role as RoleJson } from "./types.ts";

export interface AdminAccountJson {
  id: string;
  username: string;
  domain: string | null;
  created_at: string;
  email: string | null;
  ip: string | null;
  role: RoleJson | null;
  confirmed: boolean;
  suspended: boolean;
  silenced: boolean;
  sensitized: boolean;
  disabled: boolean;
  approved: boolean;
  locale: string | null;
  invite_request: string | null;
  ips: { ip: string; used_at: string }[];
  account: ReturnType<typeof accountJson>;
  /** Only when the user signed up with an invite (as Mastodon's serializer). */
  invited_by_account_id?: string;
}

export function adminAccountJson(
  view: ModeratedAccount,
  origin: string,
): AdminAccountJson {
  const { account, user, role } = view;
  const ips = view.addresses.map((a) => ({
    ip: a.ip,
    used_at: a.used_at.toISOString(),
  }));
  const json: AdminAccountJson = {
    id: account.id,
    username: account.username,
    domain: account.domain,
    created_at: account.created_at.toISOString(),
    email: user?.email ?? null,
    ip: ips[0]?.ip ?? null,
    role: role ? roleJson(role) : null,
    confirmed: user?.confirmed_at != null,
    suspended: account.suspended_at !== null,
    silenced: account.silenced_at !== null,
    sensitized: account.sensitized_at !== null,
    disabled: user?.disabled ?? false,
    approved: user?.approved ?? false,
    locale: user?.locale ?? null,
    invite_request: user?.registration_reason ?? null,
    ips,
    account: accountJson(account, origin, role),
  };
  if (view.invitedBy) json.invited_by_account_id = view.invitedBy.accountId;
  return json;
}
