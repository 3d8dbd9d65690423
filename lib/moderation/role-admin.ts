/**
 * Managing roles (`manage_roles`), with Mastodon's rules (app/models/user_role.rb and
 * UserRolePolicy):
 * - a new or edited role sits below the editor's own position, and holds only permissions the
 *   editor holds (nobody grants more than they have);
 * - nobody edits or deletes a role at or above their own, except that an editor may rename or
 *   recolour their own role (never its position or permissions);
 * - "everyone" (what users without a role hold) takes only permissions, and none that would
 *   let every user into moderation — Mastodon's "dangerous" ones;
 * - giving a user a role needs the user below the editor and the role below the editor.
 * Every change is in the audit log.
 */
import type { Sql } from "../db/client.ts";
import { forbidden, invalid, notFound } from "../domain/errors.ts";
import {
  type Actor,
  canActOn,
  EVERYONE_ROLE_ID,
  PERMISSION_FLAGS,
  requirePermission,
  type Role,
} from "./permissions.ts";
import { recordAction } from "./audit-log.ts";
import * as db from "./roles-db.ts";
import { everyoneRole } from "./roles.ts";
import { lockAccount } from "./account-actions-db.ts";

export interface RoleInput {
  name?: string;
  color?: string;
  position?: number;
  permissions?: number;
  highlighted?: boolean;
}

/** What "everyone" may never hold (Mastodon allows it only `invite_users`). */
const EVERYONE_FORBIDDEN = ~PERMISSION_FLAGS.invite_users;

export async function listRoles(
  sql: Sql,
  actor: Actor | null,
): Promise<{ roles: (Role & { users: number })[]; everyone: Role }> {
  requirePermission(actor, "manage_roles");
  const [roles, everyone] = await Promise.all([
    db.allRoles(sql),
    everyoneRole(sql),
  ]);
  return { roles, everyone };
}

export async function getRole(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<Role> {
  requirePermission(actor, "manage_roles");
  const role = /^-?\d{1,19}$/.test(id) ? await db.findRoleById(sql, id) : null;
  if (!role) throw notFound();
  return role;
}

function checkFields(
  editor: Actor,
  base: db.RoleFields,
  input: RoleInput,
  own: boolean,
): db.RoleFields {
  const fields: db.RoleFields = {
    name: (input.name ?? base.name).trim(),
    color: (input.color ?? base.color).trim(),
    position: input.position ?? base.position,
    permissions: input.permissions ?? base.permissions,
    highlighted: input.highlighted ?? base.highlighted,
  };
  if (!fields.name) throw invalid("Name can't be blank", "name");
  if (fields.name.length > 100) throw invalid("Name is too long", "name");
  if (fields.color && !/^#[0-9a-f]{6}$/i.test(fields.color)) {
    throw invalid("Color must be a hex colour like #2b90d9", "color");
  }
  if (own) {
    if (
      fields.position !== base.position ||
      fields.permissions !== base.permissions
    ) {
      throw invalid(
        "You cannot change the position or permissions of your own role",
        "permissions",
      );
    }
    return fields;
  }
  if (!Number.isInteger(fields.position) || fields.position < 0) {
    throw invalid("Position must be a whole number, 0 or more", "position");
  }
  if (fields.position >= editor.role.position) {
    throw invalid(
      `Position must be lower than your own role's (${editor.role.position})`,
      "position",
    );
  }
  if ((fields.permissions & ~editor.permissions) !== 0) {
    throw invalid(
      "You cannot grant permissions you do not have",
      "permissions",
    );
  }
  return fields;
}

export async function createRole(
  sql: Sql,
  actor: Actor | null,
  input: RoleInput,
): Promise<Role> {
  const editor = requirePermission(actor, "manage_roles");
  const fields = checkFields(
    editor,
    {
      name: "",
      color: "",
      position: 0,
      permissions: 0,
      highlighted: false,
    },
    input,
    false,
  );
  return await sql.begin(async (tx) => {
    if (await db.isRoleNameTaken(tx, fields.name, null)) {
      throw invalid("Name has already been taken", "name");
    }
    const role = await db.insertRole(tx, fields);
    await recordAction(tx, {
      accountId: editor.accountId,
      action: "create",
      targetType: "UserRole",
      targetId: role.id,
      humanIdentifier: role.name,
    });
    return role;
  });
}

export async function updateRole(
  sql: Sql,
  actor: Actor | null,
  id: string,
  input: RoleInput,
): Promise<Role> {
  const editor = requirePermission(actor, "manage_roles");
  const role = await getRole(sql, actor, id);
  let fields: db.RoleFields;
  if (role.id === EVERYONE_ROLE_ID) {
    const permissions = input.permissions ?? role.permissions;
    if ((permissions & EVERYONE_FORBIDDEN) !== 0) {
      throw invalid(
        "Everyone may only be given permissions that don't open moderation",
        "permissions",
      );
    }
    if ((permissions & ~editor.permissions & ~role.permissions) !== 0) {
      throw invalid(
        "You cannot grant permissions you do not have",
        "permissions",
      );
    }
    fields = { ...role, permissions };
  } else {
    const own = role.id === editor.role.id;
    if (!own && !canActOn(editor, role)) throw forbidden();
    fields = checkFields(editor, role, input, own);
    if (await db.isRoleNameTaken(sql, fields.name, role.id)) {
      throw invalid("Name has already been taken", "name");
    }
  }
  return await sql.begin(async (tx) => {
    const updated = await db.updateRoleRow(tx, role.id, fields);
    await recordAction(tx, {
      accountId: editor.accountId,
      action: "update",
      targetType: "UserRole",
      targetId: role.id,
      humanIdentifier: role.name || "everyone",
    });
    return updated;
  });
}

/** Deletes a role below the editor's; its users hold none after. */
export async function deleteRole(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<void> {
  const editor = requirePermission(actor, "manage_roles");
  const role = await getRole(sql, actor, id);
  if (
    role.id === EVERYONE_ROLE_ID || role.id === editor.role.id ||
    !canActOn(editor, role)
  ) {
    throw forbidden();
  }
  await sql.begin(async (tx) => {
    await db.deleteRoleRow(tx, role.id);
    await recordAction(tx, {
      accountId: editor.accountId,
      action: "destroy",
      targetType: "UserRole",
      targetId: role.id,
      humanIdentifier: role.name,
    });
  });
}

/** Gives a local account's user `roleId` (null: no role). */
export async function assignRole(
  sql: Sql,
  actor: Actor | null,
  accountId: string,
  roleId: string | null,
): Promise<void> {
  const editor = requirePermission(actor, "manage_roles");
  const role = roleId ? await getRole(sql, actor, roleId) : null;
  if (role?.id === EVERYONE_ROLE_ID) throw invalid("Not a role", "role_id");
  await sql.begin(async (tx) => {
    const target = await lockAccount(tx, accountId);
    if (!target?.user) throw notFound();
    const current = target.user.role_id
      ? await db.findRoleById(tx, String(target.user.role_id))
      : null;
    // Both the user (as they are now) and the role they get must be below the editor.
    if (!canActOn(editor, current) || (role && !canActOn(editor, role))) {
      throw forbidden();
    }
    await db.setUserRole(tx, target.user.id, role?.id ?? null);
    await recordAction(tx, {
      accountId: editor.accountId,
      action: "change_role",
      targetType: "Account",
      targetId: target.account.id,
      humanIdentifier: `${target.account.username} → ${
        role?.name ?? "no role"
      }`,
    });
  });
}
