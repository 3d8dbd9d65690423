/** SQL for roles (`user_roles`, migration 0011) and the role a user holds (`users.role_id`). */
import type { Queryable } from "../db/client.ts";
import type { Role } from "./permissions.ts";

interface RoleRecord {
  id: string;
  name: string;
  color: string;
  position: number;
  permissions: string; // bigint
  highlighted: boolean;
}

function toRole(row: RoleRecord): Role {
  return {
    id: String(row.id),
    name: row.name,
    color: row.color,
    position: row.position,
    permissions: Number(row.permissions),
    highlighted: row.highlighted,
  };
}

export async function findRoleById(
  db: Queryable,
  id: string,
): Promise<Role | null> {
  const [row] = await db<
    RoleRecord[]
  >`SELECT * FROM user_roles WHERE id = ${id}`;
  return row ? toRole(row) : null;
}

export async function findRoleByName(
  db: Queryable,
  name: string,
): Promise<Role | null> {
  const [row] = await db<RoleRecord[]>`
    SELECT * FROM user_roles WHERE lower(name) = lower(${name}) AND id <> -99`;
  return row ? toRole(row) : null;
}

/** The roles of these users (no entry: the user has none, i.e. "everyone"). */
export async function rolesOfAccounts(
  db: Queryable,
  accountIds: string[],
): Promise<Map<string, Role>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db<(RoleRecord & { account_id: string })[]>`
    SELECT r.*, u.account_id FROM users u JOIN user_roles r ON r.id = u.role_id
    WHERE u.account_id = ANY(${accountIds}::bigint[])`;
  return new Map(rows.map((r) => [String(r.account_id), toRole(r)]));
}

export async function setUserRole(
  db: Queryable,
  userId: string,
  roleId: string | null,
): Promise<void> {
  await db`UPDATE users SET role_id = ${roleId}, updated_at = now() WHERE id = ${userId}`;
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db<{ n: string }[]>`SELECT count(*) AS n FROM users`;
  return Number(row.n);
}

/**
 * The local accounts whose role has any of `bits` (administrator included), not disabled:
 * who gets an admin notification.
 */
export async function accountIdsWithPermission(
  db: Queryable,
  bits: number,
): Promise<string[]> {
  const rows = await db<{ account_id: string }[]>`
    SELECT u.account_id FROM users u JOIN user_roles r ON r.id = u.role_id
    WHERE NOT u.disabled AND (r.permissions & ${bits | 1}::bigint) <> 0
    ORDER BY u.id`;
  return rows.map((r) => String(r.account_id));
}

/** Every role but "everyone", highest first, with how many users hold each. */
export async function allRoles(
  db: Queryable,
): Promise<(Role & { users: number })[]> {
  const rows = await db<(RoleRecord & { users: number })[]>`
    SELECT r.*, (SELECT count(*) FROM users u WHERE u.role_id = r.id)::int AS users
    FROM user_roles r WHERE r.id <> -99 ORDER BY r.position DESC, r.id`;
  return rows.map((r) => ({ ...toRole(r), users: r.users }));
}

export type RoleFields = Omit<Role, "id">;

export async function insertRole(
  db: Queryable,
  fields: RoleFields,
): Promise<Role> {
  const [row] = await db<RoleRecord[]>`
    INSERT INTO user_roles (name, color, position, permissions, highlighted)
    VALUES (${fields.name}, ${fields.color}, ${fields.position}, ${fields.permissions},
            ${fields.highlighted})
    RETURNING *`;
  return toRole(row);
}

export async function updateRoleRow(
  db: Queryable,
  id: string,
  fields: RoleFields,
): Promise<Role> {
  const [row] = await db<RoleRecord[]>`
    UPDATE user_roles SET name = ${fields.name}, color = ${fields.color},
      position = ${fields.position}, permissions = ${fields.permissions},
      highlighted = ${fields.highlighted}, updated_at = now()
    WHERE id = ${id} RETURNING *`;
  return toRole(row);
}

/** Deletes a role; its users hold none after (the foreign key sets it to NULL). */
export async function deleteRoleRow(db: Queryable, id: string): Promise<void> {
  await db`DELETE FROM user_roles WHERE id = ${id}`;
}

export async function isRoleNameTaken(
  db: Queryable,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  const [row] = await db<{ taken: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM user_roles
                   WHERE lower(name) = lower(${name}) AND id <> -99
                     AND id IS DISTINCT FROM ${exceptId}::bigint) AS taken`;
  return row.taken;
}
