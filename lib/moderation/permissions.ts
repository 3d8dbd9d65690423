/**
 * The one place that decides what a moderator may do. Mastodon's model (app/models/user_role.rb):
 * a role holds a permission bitmask and a position; `administrator` implies every permission;
 * every role also has what the "everyone" role (-99) grants; and nobody acts on a role at or
 * above their own. Routes, the API and the web UI ask `can` and `canActOn`, never a role's name.
 */
import { forbidden } from "../domain/errors.ts";

/** Mastodon's permission bits, exactly as user_role.rb numbers them (clients read them). */
export const PERMISSION_FLAGS = {
  administrator: 1 << 0,
  view_devops: 1 << 1,
  view_audit_log: 1 << 2,
  view_dashboard: 1 << 3,
  manage_reports: 1 << 4,
  manage_federation: 1 << 5,
  manage_settings: 1 << 6,
  manage_blocks: 1 << 7,
  manage_taxonomies: 1 << 8,
  manage_appeals: 1 << 9,
  manage_users: 1 << 10,
  manage_invites: 1 << 11,
  manage_rules: 1 << 12,
  manage_announcements: 1 << 13,
  manage_custom_emojis: 1 << 14,
  manage_webhooks: 1 << 15,
  invite_users: 1 << 16,
  manage_roles: 1 << 17,
  manage_user_access: 1 << 18,
  delete_user_data: 1 << 19,
} as const;

export type Permission = keyof typeof PERMISSION_FLAGS;

export const ALL_PERMISSIONS: number = Object.values(PERMISSION_FLAGS).reduce(
  (all, bit) => all | bit,
  0,
);

/** The id of the role every user has without one (Mastodon's `UserRole::EVERYONE_ROLE_ID`). */
export const EVERYONE_ROLE_ID = "-99";

/** The built-in roles' ids (migration 0011). */
export const BUILT_IN_ROLE_IDS = {
  moderator: "1",
  admin: "2",
  owner: "3",
} as const;

export interface Role {
  id: string;
  name: string;
  color: string;
  position: number;
  /** The bits stored on the role itself (what the API shows as `permissions`). */
  permissions: number;
  highlighted: boolean;
}

/** Whoever is acting: a local account, the role its user holds and what that role can do. */
export interface Actor {
  accountId: string;
  role: Role;
  /** `effectivePermissions` of the role, computed when the actor is loaded. */
  permissions: number;
}

/**
 * What a role can do: its own bits, those of "everyone", and all of them with `administrator`.
 * `everyonePermissions` is passed in (it is a row that operators may change).
 */
export function effectivePermissions(
  role: Role,
  everyonePermissions: number,
): number {
  const bits = role.id === EVERYONE_ROLE_ID
    ? role.permissions
    : role.permissions | everyonePermissions;
  return bits & PERMISSION_FLAGS.administrator ? ALL_PERMISSIONS : bits;
}

/** True when `actor` holds `permission`. */
export function can(actor: Actor | null, permission: Permission): boolean {
  return !!actor && (actor.permissions & PERMISSION_FLAGS[permission]) !== 0;
}

/** Refuses an actor without `permission` (Mastodon: 403 "This action is not allowed"). */
export function requirePermission(
  actor: Actor | null,
  permission: Permission,
): Actor {
  if (!actor || !can(actor, permission)) throw forbidden();
  return actor;
}

/**
 * True when `actor` holds some moderation or administration permission: who enters /admin.
 * Inviting is not one (every user may hold it).
 */
export function canEnterAdmin(actor: Actor | null): boolean {
  return !!actor &&
    (actor.permissions & ~PERMISSION_FLAGS.invite_users) !== 0;
}

/**
 * True when `actor` may act on someone holding `targetRole` (null: no role, "everyone"):
 * only on roles strictly below their own position, so an Admin can't touch another Admin or
 * the Owner, and nobody can touch their own rank.
 */
export function canActOn(
  actor: Actor | null,
  targetRole: Role | null,
): boolean {
  if (!actor) return false;
  const targetPosition = targetRole?.position ?? -1;
  return actor.role.position > targetPosition;
}

/** The names of the permissions a bitmask holds, in Mastodon's order. */
export function permissionNames(bits: number): Permission[] {
  return (Object.keys(PERMISSION_FLAGS) as Permission[]).filter((name) =>
    (bits & PERMISSION_FLAGS[name]) !== 0
  );
}
