/**
 * Moving an account between two real instances (Mastodon's account migration). alice on A
 * moves to newalice on B from the settings pages: B's newalice lists her as an alias first,
 * A checks that alias on B's actor before anything moves, marks alice moved (`moved` in the
 * API, `movedTo` on the actor, a banner, no more posting) and sends Move to her followers.
 * B takes the Move (a remote account moving into a local one): bob on B now follows newalice,
 * told by a `move` notification; carol, alice's follower on A, follows newalice on B.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import {
  api,
  createUserWithToken,
  follow as followDirectly,
} from "../helpers/users.ts";
import { signInBrowser } from "../helpers/oauth.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import * as relationships from "../../lib/domain/relationships.ts";
import { acceptRemoteMove } from "../../lib/domain/account-moves.ts";
import { type AccountRow, findAccountById } from "../../lib/db/accounts.ts";
import { findAccountByUri } from "../../lib/db/federation.ts";
import { eventually } from "./helpers.ts";

async function follows(
  instance: TestInstance,
  followerId: string,
  targetId: string,
) {
  const [row] = await instance.deps.sql`
    SELECT 1 FROM follows WHERE account_id = ${followerId} AND target_account_id = ${targetId}`;
  return Boolean(row);
}

/** A remote account `old` (its server gone) and a local `new` that lists it as an alias. */
async function remoteMovingToLocal(instance: TestInstance) {
  const { sql } = instance.deps;
  const [origin] = await sql<AccountRow[]>`
    INSERT INTO accounts (username, domain, uri, url, inbox_url)
    VALUES ('old', 'gone.invalid', 'https://gone.invalid/users/old',
      'https://gone.invalid/@old', 'https://gone.invalid/users/old/inbox')
    RETURNING *`;
  const target = await createUserWithToken(instance, "new");
  await sql`UPDATE accounts SET also_known_as = ${[origin.uri!]}::text[]
    WHERE id = ${target.account.id}`;
  return { origin, target };
}

async function actorJson(instance: TestInstance, username: string) {
  const response = await instance.fetch(`/users/${username}`, {
    headers: { accept: "application/activity+json" },
  });
  assert.equal(response.status, 200);
  return await response.json();
}

Deno.test({
  name:
    "moving an account from A to B: alias, Move, followers on both sides follow the new account",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      const aHost = new URL(a.origin).host;
      const bHost = new URL(b.origin).host;
      const alice = await createUserWithToken(a, "alice");
      const carol = await createUserWithToken(a, "carol");
      await createUserWithToken(a, "dave");
      const newalice = await createUserWithToken(b, "newalice");
      const bob = await createUserWithToken(b, "bob");
      await followDirectly(a, carol, alice);

      const aliceOnB = (await resolveRemote(b.deps, `@alice@${aHost}`))
        .account as AccountRow;
      await relationships.follow(b.deps, bob.account, aliceOnB);
      await eventually(
        "bob follows alice",
        () => follows(b, bob.account.id, aliceOnB.id),
      );

      // Without the alias on the new account, A refuses to move.
      const aliceBrowser = await signInBrowser(a, "alice");
      const migration = await aliceBrowser.page("/settings/migration");
      assert.equal(migration.status, 200);
      const early = await aliceBrowser.post("/settings/migration", {
        _csrf: migration.csrf,
        acct: `@newalice@${bHost}`,
        current_password: "a good password",
      });
      assert.equal(early.status, 422);
      assert.match(await early.text(), /does not list this account/);

      // newalice adds alice as an alias from B's settings page; B's actor shows it.
      const newaliceBrowser = await signInBrowser(b, "newalice");
      const aliases = await newaliceBrowser.page("/settings/aliases");
      const added = await newaliceBrowser.post("/settings/aliases", {
        _csrf: aliases.csrf,
        acct: `@alice@${aHost}`,
      });
      assert.equal(added.status, 303);
      await added.body?.cancel();
      assert.match(
        (await newaliceBrowser.page("/settings/aliases")).html,
        new RegExp(`${a.origin}/users/alice`),
      );
      const newaliceActor = await actorJson(b, "newalice");
      assert.deepEqual(
        [newaliceActor.alsoKnownAs].flat(),
        [`${a.origin}/users/alice`],
      );

      const wrongPassword = await aliceBrowser.post("/settings/migration", {
        _csrf: migration.csrf,
        acct: `@newalice@${bHost}`,
        current_password: "not it",
      });
      assert.equal(wrongPassword.status, 422);
      await wrongPassword.body?.cancel();
      const moved = await aliceBrowser.post("/settings/migration", {
        _csrf: migration.csrf,
        acct: `@newalice@${bHost}`,
        current_password: "a good password",
      });
      assert.equal(moved.status, 303);
      await moved.body?.cancel();

      // On A: alice is marked moved, everywhere a client or a peer looks.
      const account = await api(
        a,
        null,
        "GET",
        `/api/v1/accounts/${alice.account.id}`,
      );
      assert.equal(account.body.moved?.acct, `newalice@${bHost}`);
      const aliceActor = await actorJson(a, "alice");
      assert.equal(aliceActor.movedTo, `${b.origin}/users/newalice`);
      const profile = await (await a.fetch("/@alice")).text();
      assert.match(profile, /has moved to/);
      const post = await api(a, alice.token, "POST", "/api/v1/statuses", {
        status: "Still here?",
      });
      assert.equal(post.status, 403);
      assert.match(post.body.error, /has moved/);

      // On B: bob follows newalice instead, and is told why.
      await eventually(
        "bob follows newalice",
        () => follows(b, bob.account.id, newalice.account.id),
      );
      await eventually(
        "bob no longer follows alice",
        async () => !await follows(b, bob.account.id, aliceOnB.id),
      );
      const notifications = await eventually(
        "bob's move notification",
        async () => {
          const found = await api(
            b,
            bob.token,
            "GET",
            "/api/v1/notifications?types[]=move",
          );
          return found.body.length ? found : null;
        },
      );
      assert.equal(notifications.body.length, 1);
      assert.equal(notifications.body[0].type, "move");
      assert.equal(notifications.body[0].account.acct, `alice@${aHost}`);
      assert.equal(notifications.body[0].target.acct, "newalice");
      assert.equal(notifications.body[0].account.moved.acct, "newalice");

      // B shows alice's profile as moved, also once her Update (with `movedTo`) is in.
      await eventually("alice's movedTo Update processed on B", async () => {
        const row = await findAccountById(b.deps.sql, aliceOnB.id);
        return row?.fetched_at && row.fetched_at > aliceOnB.fetched_at! &&
          row.moved_to_account_id === newalice.account.id;
      });
      const bobBrowser = await signInBrowser(b, "bob");
      assert.match(
        (await bobBrowser.page("/notifications")).html,
        /moved to\s*(<!--[^>]*-->)?\s*<a href="\/@newalice"/,
      );
      const aliceOnBProfile = await bobBrowser.page(`/@alice@${aHost}`);
      assert.match(aliceOnBProfile.html, /has moved to/);
      assert.match(aliceOnBProfile.html, /@newalice/);

      // On A: carol, alice's local follower, follows newalice on B (accepted there).
      const newaliceOnA = await eventually(
        "newalice known on A",
        () => findAccountByUri(a.deps.sql, `${b.origin}/users/newalice`),
      );
      await eventually(
        "carol follows newalice",
        () => follows(a, carol.account.id, newaliceOnA.id),
      );
      await eventually(
        "carol no longer follows alice",
        async () => !await follows(a, carol.account.id, alice.account.id),
      );

      // A redelivered Move changes nothing; a Move to an account that does not list the
      // origin is refused.
      const aliceNow = await findAccountById(b.deps.sql, aliceOnB.id);
      const newaliceRow = await findAccountById(
        b.deps.sql,
        newalice.account.id,
      );
      assert.equal(
        await acceptRemoteMove(b.deps, aliceNow!, newaliceRow!),
        false,
      );
      const daveOnB = (await resolveRemote(b.deps, `@dave@${aHost}`))
        .account as AccountRow;
      await assert.rejects(
        acceptRemoteMove(b.deps, daveOnB, newaliceRow!),
        /does not list/,
      );
      assert.equal(
        (await findAccountById(b.deps.sql, daveOnB.id))?.moved_to_account_id,
        null,
      );

      // The redirect can be taken back, but another move waits 30 days.
      const page = await aliceBrowser.page("/settings/migration");
      assert.match(page.html, /has moved to/);
      const cancelled = await aliceBrowser.post("/settings/migration", {
        _csrf: page.csrf,
        cancel: "1",
      });
      assert.equal(cancelled.status, 303);
      await cancelled.body?.cancel();
      const after = await api(
        a,
        null,
        "GET",
        `/api/v1/accounts/${alice.account.id}`,
      );
      assert.equal(after.body.moved, undefined);
      const again = await aliceBrowser.post("/settings/migration", {
        _csrf: page.csrf,
        acct: `@newalice@${bHost}`,
        current_password: "a good password",
      });
      assert.equal(again.status, 422);
      assert.match(await again.text(), /You can move again after/);
    } finally {
      await a.close();
      await b.close();
    }
  },
});

Deno.test({
  name:
    "a remote account's move carries all its local followers over, batch after batch, once",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const { sql } = instance.deps;
      const { origin, target } = await remoteMovingToLocal(instance);
      // 120 local followers: more than two batches.
      await sql`
        WITH f AS (
          INSERT INTO accounts (username)
          SELECT 'follower' || g FROM generate_series(1, 120) g RETURNING id
        )
        INSERT INTO follows (account_id, target_account_id)
        SELECT id, ${origin.id} FROM f`;
      const targetRow = await findAccountById(sql, target.account.id);
      assert.equal(
        await acceptRemoteMove(instance.deps, origin, targetRow!),
        true,
      );
      assert.equal(
        await acceptRemoteMove(instance.deps, origin, targetRow!),
        false,
        "a redelivery is no second move",
      );
      await eventually("every follower moved", async () => {
        const [{ moved, left }] = await sql<{ moved: number; left: number }[]>`
          SELECT
            (SELECT count(*)::int FROM follows WHERE target_account_id = ${target.account.id}) AS moved,
            (SELECT count(*)::int FROM follows WHERE target_account_id = ${origin.id}) AS left`;
        return moved === 120 && left === 0;
      }, 60_000);
      const [{ notified }] = await sql<{ notified: number }[]>`
        SELECT count(*)::int AS notified FROM notifications
        WHERE type = 'move' AND from_account_id = ${origin.id}`;
      assert.equal(notified, 120);
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a move carries over what local users had with the old account: follow options, list memberships, blocks, mutes",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const { sql } = instance.deps;
      const { origin, target } = await remoteMovingToLocal(instance);
      const lena = await createUserWithToken(instance, "lena");
      const mia = await createUserWithToken(instance, "mia");
      const nora = await createUserWithToken(instance, "nora");
      // lena follows the old account without boosts, with notifications, in German only, and
      // keeps it in a list; mia blocks it; nora mutes it for a day, notifications shown.
      await sql`
        INSERT INTO follows (account_id, target_account_id, show_reblogs, notify, languages)
        VALUES (${lena.account.id}, ${origin.id}, false, true, ${[
        "de",
      ]}::text[])`;
      const list = await api(instance, lena.token, "POST", "/api/v1/lists", {
        title: "Friends",
      });
      await sql`INSERT INTO list_accounts (list_id, account_id)
        VALUES (${list.body.id}, ${origin.id})`;
      await sql`INSERT INTO blocks (account_id, target_account_id)
        VALUES (${mia.account.id}, ${origin.id})`;
      const muteEnds = new Date(Date.now() + 86_400_000);
      await sql`
        INSERT INTO mutes (account_id, target_account_id, hide_notifications, expires_at)
        VALUES (${nora.account.id}, ${origin.id}, false, ${muteEnds})`;

      const targetRow = await findAccountById(sql, target.account.id);
      assert.equal(
        await acceptRemoteMove(instance.deps, origin, targetRow!),
        true,
      );
      // Her move is done when the old follow is gone (the last step for each follower).
      await eventually(
        "lena's follow moved",
        async () => !await follows(instance, lena.account.id, origin.id),
      );

      const rel = async (user: { token: string }) =>
        (await api(
          instance,
          user.token,
          "GET",
          `/api/v1/accounts/relationships?id[]=${target.account.id}`,
        )).body[0];
      const lenaRel = await rel(lena);
      assert.equal(lenaRel.following, true);
      assert.equal(lenaRel.showing_reblogs, false, "boosts still hidden");
      assert.equal(lenaRel.notifying, true, "still told of new posts");
      assert.deepEqual(lenaRel.languages, ["de"]);
      const members = await api(
        instance,
        lena.token,
        "GET",
        `/api/v1/lists/${list.body.id}/accounts`,
      );
      assert.deepEqual(
        members.body.map((a: { id: string }) => a.id),
        [target.account.id],
        "the list holds the new account (the old one left with the unfollow)",
      );
      await eventually(
        "mia blocks and nora mutes the new account",
        async () =>
          (await rel(mia)).blocking === true &&
          (await rel(nora)).muting === true,
      );
      const noraRel = await rel(nora);
      assert.equal(noraRel.muting_notifications, false);
      const [mute] = await sql<{ expires_at: Date }[]>`
        SELECT expires_at FROM mutes
        WHERE account_id = ${nora.account.id} AND target_account_id = ${target.account.id}`;
      assert.ok(
        Math.abs(mute.expires_at.getTime() - muteEnds.getTime()) < 60_000,
        "the mute ends when the old one would have",
      );
    } finally {
      await instance.close();
    }
  },
});
