/**
 * The Role entity (docs.joinmastodon.org/entities/Role): `permissions` is the bitmask as a
 * string. An account's public `roles` carry only highlighted roles, as id, name and colour.
 */
import type { Role } from "../../moderation/mod.ts";

export interface RoleJson {
  id: string;
  name: string;
  permissions: string;
  color: string;
  highlighted: boolean;
}

export interface AccountRoleJson {
  id: string;
  name: string;
  color: string;
}

export function roleJson(role: Role): RoleJson {
  return {
    id: role.id,
    name: role.name,
    permissions: String(role.permissions),
    color: role.color,
    highlighted: role.highlighted,
  };
}

/** The badges an account shows: its role when the role is highlighted. */
export function accountRolesJson(
  role: Role | null | undefined,
): AccountRoleJson[] {
  return role?.highlighted
    ? [{ id: role.id, name: role.name, color: role.color }]
    : [];
}
