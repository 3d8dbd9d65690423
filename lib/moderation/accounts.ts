/**
 * What moderators see of accounts (Mastodon's Admin::Account): the account with its user's
 * e-mail, state, locale, role and the addresses it signed in from. (Acting on accounts is
 * account-actions.ts.)
 */
import type { Queryable } from "../db/client.ts";
import type { AccountRow, UserRow } from "../db/accounts.ts";
import { findAccountById } from "../db/accounts.ts";
import type { StatusRow } from "../db/statuses.ts";
import { type WarningRow, warningsOf } from "./account-actions-db.ts";
import { notFound } from "../domain/errors.ts";
import { type Actor, requirePermission, type Role } from "./permissions.ts";
import * as db from "./accounts-db.ts";
import { rolesOfAccounts } from "./roles-db.ts";
import { everyoneRole } from "./roles.ts";
import { type Inviter, invitersOfAccounts } from "./invites-db.ts";

export interface ModeratedAccount {
  account: AccountRow;
  /** Null for remote accounts. */
  user: UserRow | null;
  /** The user's role ("everyone" without one); null for remote accounts. */
  role: Role | null;
  addresses: db.AddressUse[];
  /** Whose invite the user signed up with (null: none, or a remote account). */
  invitedBy: Inviter | null;
}

/** The moderator's view of these accounts, in the order given (missing ids left out). */
export async function moderatedAccounts(
  sql: Queryable,
  accounts: AccountRow[],
): Promise<ModeratedAccount[]> {
  const ids = accounts.map((a) => a.id);
  const [users, roles, addresses, everyone, inviters] = await Promise.all([
    db.usersOfAccounts(sql, ids),
    rolesOfAccounts(sql, ids),
    db.addressesOfAccounts(sql, ids),
    everyoneRole(sql),
    invitersOfAccounts(sql, ids),
  ]);
  return accounts.map((account) => {
    const user = users.get(account.id) ?? null;
    return {
      account,
      user,
      role: user ? roles.get(account.id) ?? everyone : null,
      addresses: addresses.get(account.id) ?? [],
      invitedBy: inviters.get(account.id) ?? null,
    };
  });
}

export type AccountFilter = Omit<
  db.AccountQuery,
  "limit" | "maxId" | "sinceId" | "minId"
>;

export async function listModeratedAccounts(
  sql: Queryable,
  actor: Actor | null,
  filter: AccountFilter,
  page: { maxId?: string; sinceId?: string; minId?: string; limit: number },
): Promise<ModeratedAccount[]> {
  requirePermission(actor, "manage_users");
  return await moderatedAccounts(
    sql,
    await db.listAccounts(sql, { ...filter, ...page }),
  );
}

export async function getModeratedAccount(
  sql: Queryable,
  actor: Actor | null,
  id: string,
): Promise<ModeratedAccount> {
  requirePermission(actor, "manage_users");
  const account = await findAccountById(sql, id);
  if (!account) throw notFound();
  const [view] = await moderatedAccounts(sql, [account]);
  return view;
}

/** Everything the moderator's account page shows: the account, latest posts and warnings. */
export async function moderatedAccountCase(
  sql: Queryable,
  actor: Actor | null,
  id: string,
): Promise<
  { view: ModeratedAccount; statuses: StatusRow[]; warnings: WarningRow[] }
> {
  const view = await getModeratedAccount(sql, actor, id);
  const [statuses, warnings] = await Promise.all([
    db.recentStatuses(sql, view.account.id),
    warningsOf(sql, view.account.id),
  ]);
  return { view, statuses, warnings };
}

export { countLocalUsers } from "./accounts-db.ts";
