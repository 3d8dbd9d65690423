/**
 * Admin::Account (docs.joinmastodon.org/entities/Admin_Account), as Mastodon's
 * REST::Admin::AccountSerializer renders it. `confirmed`: the user confirmed their e-mail
 * address (lib/mail); Starling has no invite requests yet, so `invite_request` is the
 * registration reason. Remote accounts have no user: no e-mail, role, addresses or locale.
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
  return {
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
}
