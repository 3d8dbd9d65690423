/**
 * The Role entity (docs.joinmastodon.org/entities/Role): `permissions` is the bitmask as a
 * string. An account's public `roles` carry only highlighted roles, as id, name and colour.
 */
import type { Role } from "../../moderation/mod.ts";
import type { Account, Role as RoleJson } from "./types.ts";

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
): Account["roles"] {
  return role?.highlighted
    ? [{ id: role.id, name: role.name, color: role.color }]
    : [];
}
