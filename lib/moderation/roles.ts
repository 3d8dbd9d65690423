/**
 * Roles held by users: loading who is acting (their role and what it can do), naming a role
 * (the admin CLI's `--role`), and giving a user one.
 */
import type { Queryable } from "../db/client.ts";
import { invalid } from "../domain/errors.ts";
import * as db from "./roles-db.ts";
import {
  type Actor,
  BUILT_IN_ROLE_IDS,
  effectivePermissions,
  EVERYONE_ROLE_ID,
  type Role,
} from "./permissions.ts";

/** What a user with no role holds; its row may be missing in a damaged database. */
const FALLBACK_EVERYONE: Role = {
  id: EVERYONE_ROLE_ID,
  name: "",
  color: "",
  position: -1,
  permissions: 0,
  highlighted: false,
};

export async function everyoneRole(sql: Queryable): Promise<Role> {
  return await db.findRoleById(sql, EVERYONE_ROLE_ID) ?? FALLBACK_EVERYONE;
}

/** The role a user holds: theirs, or "everyone". */
export async function roleOf(
  sql: Queryable,
  user: { role_id: string | null },
): Promise<Role> {
  const role = user.role_id ? await db.findRoleById(sql, user.role_id) : null;
  return role ?? await everyoneRole(sql);
}

/** The local account acting, with its role and effective permissions. */
export async function loadActor(
  sql: Queryable,
  user: { account_id: string; role_id: string | null },
): Promise<Actor> {
  const [role, everyone] = await Promise.all([
    roleOf(sql, user),
    everyoneRole(sql),
  ]);
  return {
    accountId: user.account_id,
    role,
    permissions: effectivePermissions(role, everyone.permissions),
  };
}

/** The roles of these accounts' users, "everyone" for those without one. */
export async function rolesOfAccounts(
  sql: Queryable,
  accountIds: string[],
): Promise<Map<string, Role>> {
  return await db.rolesOfAccounts(sql, accountIds);
}

/** The role of one account's user; null for remote accounts and users without one. */
export async function roleOfAccount(
  sql: Queryable,
  accountId: string,
): Promise<Role | null> {
  return (await db.rolesOfAccounts(sql, [accountId])).get(accountId) ?? null;
}

/**
 * A role by the name an operator types: a role's name in any case, or `user` (none). The old
 * names `admin` and `moderator` are the built-ins of those names.
 */
export async function roleByName(
  sql: Queryable,
  name: string,
): Promise<Role | null> {
  if (name.toLowerCase() === "user") return null;
  const role = await db.findRoleByName(sql, name);
  if (!role) throw invalid(`there is no role named "${name}"`, "role");
  return role;
}

/**
 * The role the admin CLI gives a new account: the first account on the instance is the Owner
 * (Mastodon's setup makes the operator's own account Owner), whatever was asked for.
 */
export async function roleForOperatorCreatedAccount(
  sql: Queryable,
  requested: Role | null,
): Promise<Role | null> {
  if (await db.countUsers(sql) === 0) {
    return await db.findRoleById(sql, BUILT_IN_ROLE_IDS.owner);
  }
  return requested;
}

export async function setRole(
  sql: Queryable,
  userId: string,
  role: Role | null,
): Promise<void> {
  await db.setUserRole(sql, userId, role?.id ?? null);
}

export { accountIdsWithPermission } from "./roles-db.ts";
