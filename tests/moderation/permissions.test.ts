/**
 * The permission policy (lib/moderation/permissions.ts), as rules: Mastodon's bits and
 * built-in roles, what each built-in can do, and that nobody acts on a role at or above their
 * own. Read against the roles migration 0011 stores, so the rules and the data agree.
 */
import assert from "node:assert/strict";
import { createTestDatabase } from "../helpers/db.ts";
import { openDatabase } from "../../lib/db/client.ts";
import { migrate, readMigrations } from "../../lib/db/migrate.ts";
import {
  type Actor,
  can,
  canActOn,
  canEnterAdmin,
  loadActor,
  PERMISSION_FLAGS,
  type Role,
} from "../../lib/moderation/mod.ts";

async function withBuiltIns(
  fn: (
    roles: Record<string, Role>,
    actor: (role: string) => Actor,
  ) => void,
) {
  const database = await createTestDatabase();
  const db = await openDatabase({ url: database.url });
  try {
    await migrate(
      db.sql,
      await readMigrations(new URL("../../migrations/", import.meta.url)),
    );
    const roles: Record<string, Role> = {};
    const actors: Record<string, Actor> = {};
    for (
      const [name, id] of Object.entries({
        user: null,
        moderator: "1",
        admin: "2",
        owner: "3",
      })
    ) {
      const actor = await loadActor(db.sql, { account_id: "1", role_id: id });
      roles[name] = actor.role;
      actors[name] = actor;
    }
    fn(roles, (name) => actors[name]);
  } finally {
    await db.close();
    await database.drop();
  }
}

Deno.test("permission bits are Mastodon's (user_role.rb)", () => {
  assert.equal(PERMISSION_FLAGS.administrator, 1);
  assert.equal(PERMISSION_FLAGS.manage_reports, 16);
  assert.equal(PERMISSION_FLAGS.manage_users, 1024);
  assert.equal(PERMISSION_FLAGS.invite_users, 65536);
  assert.equal(PERMISSION_FLAGS.manage_roles, 131072);
  assert.equal(PERMISSION_FLAGS.delete_user_data, 524288);
  assert.equal(Object.keys(PERMISSION_FLAGS).length, 20);
});

Deno.test("the built-in roles: names, positions and what each may do", async () => {
  await withBuiltIns((roles, actor) => {
    assert.deepEqual(
      ["user", "moderator", "admin", "owner"].map((r) => [
        roles[r].name,
        roles[r].position,
        roles[r].highlighted,
      ]),
      [["", -1, false], ["Moderator", 10, true], ["Admin", 100, true], [
        "Owner",
        1000,
        true,
      ]],
    );
    // A moderator manages reports and users but not roles, settings or federation.
    assert.ok(can(actor("moderator"), "manage_reports"));
    assert.ok(can(actor("moderator"), "manage_users"));
    assert.ok(!can(actor("moderator"), "manage_roles"));
    assert.ok(!can(actor("moderator"), "manage_settings"));
    assert.ok(!can(actor("moderator"), "manage_federation"));
    // An admin manages roles, but isn't an administrator and has no devops view.
    assert.ok(can(actor("admin"), "manage_roles"));
    assert.ok(!can(actor("admin"), "administrator"));
    assert.ok(!can(actor("admin"), "view_devops"));
    // The owner's `administrator` implies every permission.
    for (const permission of Object.keys(PERMISSION_FLAGS)) {
      assert.ok(
        can(actor("owner"), permission as keyof typeof PERMISSION_FLAGS),
        permission,
      );
    }
    // Everyone may invite (the everyone role's bit), and nothing more.
    assert.ok(can(actor("user"), "invite_users"));
    assert.ok(!can(actor("user"), "manage_reports"));
    assert.ok(!canEnterAdmin(actor("user")));
    assert.ok(canEnterAdmin(actor("moderator")));
    assert.ok(!can(null, "manage_reports"));
  });
});

Deno.test("nobody acts on a role at or above their own", async () => {
  await withBuiltIns((roles, actor) => {
    assert.ok(canActOn(actor("moderator"), null), "moderator → user");
    assert.ok(!canActOn(actor("moderator"), roles.moderator));
    assert.ok(!canActOn(actor("moderator"), roles.admin));
    assert.ok(canActOn(actor("admin"), roles.moderator));
    assert.ok(!canActOn(actor("admin"), roles.admin), "admin → admin");
    assert.ok(!canActOn(actor("admin"), roles.owner));
    assert.ok(canActOn(actor("owner"), roles.admin));
    assert.ok(!canActOn(actor("owner"), roles.owner), "owner → owner");
    assert.ok(!canActOn(actor("user"), null), "user → user");
    // A custom role sits where its position puts it, whatever its permissions.
    const helper: Role = {
      id: "900",
      name: "Helper",
      color: "",
      position: 50,
      permissions: PERMISSION_FLAGS.administrator,
      highlighted: false,
    };
    assert.ok(canActOn(actor("admin"), helper));
    assert.ok(!canActOn(actor("moderator"), helper));
  });
});
