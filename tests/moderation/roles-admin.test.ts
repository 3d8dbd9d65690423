/**
 * Managing roles, Mastodon's rules:
 * - a role is created or moved only below the editor's own position, with permissions the
 *   editor holds;
 * - nobody edits, deletes or hands out a role at or above their own, nor changes the role of
 *   someone at or above them; their own role they may rename, but not re-rank or re-permit;
 * - "everyone" may hold only `invite_users`;
 * - deleting a role leaves its users with none; every change is in the audit log;
 * - without `manage_roles`: 403.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { createStaff } from "./helpers.ts";
import {
  assignRole,
  BUILT_IN_ROLE_IDS,
  createRole,
  deleteRole,
  EVERYONE_ROLE_ID,
  loadActor,
  PERMISSION_FLAGS,
  updateRole,
} from "../../lib/moderation/mod.ts";
import { DomainError } from "../../lib/domain/errors.ts";

const refusedAs = (kind: string, message?: RegExp) => (e: unknown) =>
  e instanceof DomainError && e.kind === kind &&
  (!message || message.test(e.message));

Deno.test("roles: created, edited, handed out and deleted within the editor's rank", async () => {
  const instance = await startTestInstance();
  try {
    const { sql } = instance.deps;
    const ada = await createStaff(instance, "ada", "admin");
    const other = await createStaff(instance, "otto", "admin");
    const milo = await createStaff(instance, "milo", "moderator");
    const bob = await createUserWithToken(instance, "bob");
    const admin = await loadActor(sql, ada.user);

    const helper = await createRole(sql, admin, {
      name: "Helper",
      position: 50,
      permissions: PERMISSION_FLAGS.manage_reports,
      color: "#2b90d9",
    });
    await assert.rejects(
      createRole(sql, admin, { name: "Peer", position: 100 }),
      refusedAs("validation", /lower than your own/),
    );
    await assert.rejects(
      createRole(sql, admin, {
        name: "Root",
        position: 1,
        permissions: PERMISSION_FLAGS.administrator,
      }),
      refusedAs("validation", /permissions you do not have/),
    );
    await assert.rejects(
      createRole(sql, admin, { name: "helper", position: 1 }),
      refusedAs("validation", /already been taken/),
    );

    // Editing: below, yes; the Owner, no; one's own role, only its name and colour.
    await updateRole(sql, admin, BUILT_IN_ROLE_IDS.moderator, {
      color: "#aa0000",
    });
    await assert.rejects(
      updateRole(sql, admin, BUILT_IN_ROLE_IDS.owner, { name: "Boss" }),
      refusedAs("forbidden"),
    );
    const renamed = await updateRole(sql, admin, BUILT_IN_ROLE_IDS.admin, {
      name: "Administrator",
    });
    assert.equal(renamed.name, "Administrator");
    await assert.rejects(
      updateRole(sql, admin, BUILT_IN_ROLE_IDS.admin, { position: 999 }),
      refusedAs("validation", /your own role/),
    );

    // Everyone: invite_users only.
    await assert.rejects(
      updateRole(sql, admin, EVERYONE_ROLE_ID, {
        permissions: PERMISSION_FLAGS.manage_reports,
      }),
      refusedAs("validation"),
    );
    await updateRole(sql, admin, EVERYONE_ROLE_ID, { permissions: 0 });

    // Handing out: a role below, to a user below.
    await assignRole(sql, admin, bob.account.id, helper.id);
    const bobActor = await loadActor(sql, {
      ...bob.user,
      role_id: helper.id,
    });
    assert.equal(bobActor.role.name, "Helper");
    await assert.rejects(
      assignRole(sql, admin, bob.account.id, BUILT_IN_ROLE_IDS.admin),
      refusedAs("forbidden"),
    );
    await assert.rejects(
      assignRole(sql, admin, other.account.id, null),
      refusedAs("forbidden"),
      "another Admin is not below Ada",
    );

    // Deleting: bob holds no role after; the Owner's can't go.
    await deleteRole(sql, admin, helper.id);
    const [bobRow] = await sql<{ role_id: string | null }[]>`
      SELECT role_id FROM users WHERE id = ${bob.user.id}`;
    assert.equal(bobRow.role_id, null);
    await assert.rejects(
      deleteRole(sql, admin, BUILT_IN_ROLE_IDS.owner),
      refusedAs("forbidden"),
    );

    // A Moderator lacks manage_roles.
    await assert.rejects(
      createRole(sql, await loadActor(sql, milo.user), {
        name: "X",
        position: 1,
      }),
      refusedAs("forbidden"),
    );

    const log = await sql<{ entry: string }[]>`
      SELECT action || ' ' || target_type || ' ' || human_identifier AS entry
      FROM admin_action_logs ORDER BY id`;
    assert.deepEqual(log.map((r) => r.entry), [
      "create UserRole Helper",
      "update UserRole Moderator",
      "update UserRole Admin",
      "update UserRole everyone",
      "change_role Account bob → Helper",
      "destroy UserRole Helper",
    ]);
  } finally {
    await instance.close();
  }
});
