/**
 * Severed relationships (Mastodon 4.3) when a domain is suspended:
 * - the block answers at once; a `moderation.sever_domain` job cuts the follows both ways in
 *   batches, and keeps who was cut per local user;
 * - each local user who lost some is notified once, the notification links to
 *   `/severed_relationships`, which lists the event with its counts and links to
 *   `following.csv` (Mastodon's follows export: address, show boosts, notify, languages) and
 *   `followers.csv` (addresses) — only the user's own (someone else's event is a 404);
 * - severing goes batch by batch, each committed on its own with its counts, and running it
 *   again (a retried job) repeats nothing.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { signedInClient } from "../helpers/forms.ts";
import { eventually } from "../federation/helpers.ts";
import { createStaff } from "./helpers.ts";
import { severDomain, severDomainJob } from "../../lib/moderation/mod.ts";

async function remoteAccounts(
  instance: TestInstance,
  domain: string,
  names: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const [{ id }] = await instance.deps.sql<{ id: string }[]>`
      INSERT INTO accounts (username, domain, display_name, uri, url, inbox_url)
      VALUES (${name}, ${domain}, ${name}, ${`https://${domain}/users/${name}`},
              ${`https://${domain}/@${name}`}, ${`https://${domain}/inbox`})
      RETURNING id::text`;
    ids.push(id);
  }
  return ids;
}

async function follows(
  instance: TestInstance,
  pairs: [string, string][],
  options: { notify?: boolean; languages?: string[] } = {},
) {
  for (const [from, to] of pairs) {
    await instance.deps.sql`
      INSERT INTO follows (account_id, target_account_id, notify, languages)
      VALUES (${from}, ${to}, ${options.notify ?? false}, ${
      options.languages ?? null
    })`;
  }
}

async function countOf(instance: TestInstance, sql: string) {
  const [{ n }] = await instance.deps.sql.unsafe<{ n: number }[]>(sql);
  return n;
}

Deno.test({
  name:
    "suspending a domain: follows cut by a job, each user told once, their lists as CSV downloads",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const admin = await createStaff(instance, "ada", "admin");
      const alice = await createUserWithToken(instance, "alice");
      const bob = await createUserWithToken(instance, "bob");
      const [x, y, z] = await remoteAccounts(instance, "far.example", [
        "xena",
        "yuri",
        "zed",
      ]);
      const [sub] = await remoteAccounts(instance, "sub.far.example", ["sam"]);
      const [kept] = await remoteAccounts(instance, "near.example", ["kim"]);
      await follows(instance, [[alice.account.id, x]], {
        notify: true,
        languages: ["en", "de"],
      });
      await follows(instance, [
        [alice.account.id, sub],
        [alice.account.id, kept],
        [y, alice.account.id],
        [z, alice.account.id],
        [y, bob.account.id],
      ]);

      const res = await api(
        instance,
        admin.token,
        "POST",
        "/api/v1/admin/domain_blocks",
        { domain: "far.example", severity: "suspend" },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      await eventually("the severance job done", async () =>
        await countOf(
            instance,
            "SELECT count(*)::int AS n FROM jobs WHERE kind = 'moderation.sever_domain'",
          ) === 0 &&
        await countOf(
            instance,
            "SELECT count(*)::int AS n FROM notifications WHERE type = 'severed_relationships'",
          ) === 2);
      assert.equal(
        await countOf(
          instance,
          `SELECT count(*)::int AS n FROM follows f JOIN accounts a
           ON a.id IN (f.account_id, f.target_account_id) AND a.domain LIKE '%far.example'`,
        ),
        0,
      );
      const [counts] = await instance.deps.sql<
        { followers_count: number; following_count: number }[]
      >`SELECT followers_count, following_count FROM accounts WHERE id = ${alice.account.id}`;
      assert.deepEqual({ ...counts }, {
        followers_count: 0,
        following_count: 1,
      });

      const notes = await api(
        instance,
        alice.token,
        "GET",
        "/api/v1/notifications?types[]=severed_relationships",
      );
      assert.equal(notes.body.length, 1);
      const event = notes.body[0].event;
      assert.equal(event.target_name, "far.example");
      assert.equal(event.following_count, 2);
      assert.equal(event.followers_count, 2);

      const web = await signedInClient(instance.origin, "alice");
      const notifications = await web.page("/notifications");
      assert.match(notifications.html, /href="\/severed_relationships"/);
      const listing = await web.page("/severed_relationships");
      assert.equal(listing.status, 200);
      assert.match(listing.html, /far\.example/);
      assert.match(listing.html, /Follows lost: 2/);
      assert.match(listing.html, /Followers lost: 2/);
      const following = await web.request(
        `/severed_relationships/${event.id}/following.csv`,
      );
      assert.equal(following.status, 200);
      assert.match(following.headers.get("content-type") ?? "", /text\/csv/);
      assert.equal(
        await following.text(),
        "Account address,Show boosts,Notify on new posts,Languages\n" +
          "sam@sub.far.example,true,false,\n" +
          'xena@far.example,true,true,"en, de"\n',
      );
      const followers = await web.request(
        `/severed_relationships/${event.id}/followers.csv`,
      );
      assert.equal(
        await followers.text(),
        "Account address\nyuri@far.example\nzed@far.example\n",
      );
      // Bob can't read alice's lists.
      const asBob = await signedInClient(instance.origin, "bob");
      const refused = await asBob.request(
        `/severed_relationships/${event.id}/followers.csv`,
      );
      await refused.body?.cancel();
      assert.equal(refused.status, 404);

      // The job again (a retry after a crash): nothing more is cut, told or listed.
      const [{ id: eventId }] = await instance.deps.sql<{ id: string }[]>`
        SELECT id::text FROM relationship_severance_events WHERE target_name = 'far.example'`;
      await severDomainJob.handler(instance.deps, {
        eventId,
        domain: "far.example",
      });
      assert.equal(
        await countOf(
          instance,
          "SELECT count(*)::int AS n FROM notifications WHERE type = 'severed_relationships'",
        ),
        2,
      );
      const again = await web.request(
        `/severed_relationships/${event.id}/followers.csv`,
      );
      assert.equal(
        await again.text(),
        "Account address\nyuri@far.example\nzed@far.example\n",
      );
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name: "severing a large follow set goes batch by batch; a rerun adds nothing",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const carol = await createUserWithToken(instance, "carol");
      const fans = await remoteAccounts(
        instance,
        "many.example",
        Array.from({ length: 12 }, (_, i) => `fan${i}`),
      );
      await follows(instance, fans.map((f) => [f, carol.account.id]));
      const [{ id: eventId }] = await instance.deps.sql<{ id: string }[]>`
        INSERT INTO relationship_severance_events (type, target_name)
        VALUES ('domain_block', 'many.example') RETURNING id::text`;
      await severDomain(instance.deps.sql, eventId, "many.example", 5);
      const [row] = await instance.deps.sql<{ followers_count: number }[]>`
        SELECT followers_count FROM account_relationship_severance_events
        WHERE relationship_severance_event_id = ${eventId}`;
      assert.equal(row.followers_count, 12, "every batch counted once");
      assert.equal(
        await countOf(
          instance,
          `SELECT count(*)::int AS n FROM severed_relationships`,
        ),
        12,
      );
      await severDomain(instance.deps.sql, eventId, "many.example", 5);
      const [after] = await instance.deps.sql<{ followers_count: number }[]>`
        SELECT followers_count FROM account_relationship_severance_events
        WHERE relationship_severance_event_id = ${eventId}`;
      assert.equal(after.followers_count, 12, "a rerun adds nothing");
    } finally {
      await instance.close();
    }
  },
});
