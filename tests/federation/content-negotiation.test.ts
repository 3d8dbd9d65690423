/**
 * Actor and status URLs answer by `Accept` in both forms: `/users/alice[/statuses/id]` (the ids)
 * and `/@alice[/id]` (the `url`s Mastodon peers also fetch). AS JSON for ActivityPub clients,
 * HTML for browsers, each by a redirect where needed, always with `Vary: Accept`.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { resolveRemote } from "../../lib/federation/search.ts";

const AP = [
  "application/activity+json",
  'application/ld+json; profile="https://www.w3.org/ns/activitystreams"',
];

Deno.test({
  name:
    "content negotiation on /users/:u, /@u, /users/:u/statuses/:id and /@u/:id, with Vary: Accept",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      const alice = await createUserWithToken(a, "alice");
      const post = await createStatus(a.deps, alice, {
        status: "Negotiated",
        visibility: "public",
      });
      const actorId = `${a.origin}/users/alice`;
      const statusId = `${actorId}/statuses/${post.id}`;
      const cases = [
        { id: actorId, page: `${a.origin}/@alice` },
        { id: statusId, page: `${a.origin}/@alice/${post.id}` },
      ];
      for (const { id, page } of cases) {
        for (const accept of AP) {
          const direct = await fetch(id, { headers: { accept } });
          assert.equal(direct.status, 200, `${id} as AP`);
          assert.match(direct.headers.get("content-type")!, /activity\+json/);
          assert.match(direct.headers.get("vary") ?? "", /accept/i);
          assert.equal((await direct.json()).id, id);

          const viaPage = await fetch(page, {
            headers: { accept },
            redirect: "manual",
          });
          assert.equal(viaPage.status, 302, `${page} as AP`);
          assert.equal(viaPage.headers.get("location"), id);
          assert.match(viaPage.headers.get("vary") ?? "", /accept/i);
          await viaPage.body?.cancel();
        }
        const browser = await fetch(id, {
          headers: { accept: "text/html" },
          redirect: "manual",
        });
        assert.equal(browser.status, 302, `${id} as HTML`);
        assert.equal(browser.headers.get("location"), page);
        assert.match(browser.headers.get("vary") ?? "", /accept/i);
        await browser.body?.cancel();
        const html = await fetch(page, { headers: { accept: "text/html" } });
        assert.equal(html.status, 200);
        assert.match(html.headers.get("content-type")!, /text\/html/);
        assert.match(html.headers.get("vary") ?? "", /accept/i);
        await html.body?.cancel();
      }

      // Another server given the post's `url` ends at the post itself.
      const resolved = await resolveRemote(
        b.deps,
        `${a.origin}/@alice/${post.id}`,
      );
      assert.equal(resolved.status?.uri, statusId);
    } finally {
      await a.close();
      await b.close();
    }
  },
});
