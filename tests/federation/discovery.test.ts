/**
 * What peers and apps read from us before anything federates: WebFinger, NodeInfo (2.1 and
 * 2.0), host-meta, actors and notes as AS JSON (and HTML redirects for browsers).
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { createStatus } from "../../lib/domain/statuses.ts";

const AS = { accept: "application/activity+json" };

Deno.test({
  name: "discovery: webfinger, nodeinfo, host-meta, actor and note documents",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    try {
      const alice = await createUserWithToken(a, "alice");
      const host = new URL(a.origin).host;
      const actorId = `${a.origin}/users/alice`;

      const wf = await a.fetch(
        `/.well-known/webfinger?resource=acct:alice@${host}`,
      );
      assert.equal(wf.status, 200);
      const jrd = await wf.json();
      assert.equal(jrd.subject, `acct:alice@${host}`);
      const self = jrd.links.find((l: { rel: string }) => l.rel === "self");
      assert.equal(self.href, actorId);
      assert.equal(self.type, "application/activity+json");
      assert.ok(
        jrd.links.some((l: { rel: string; href: string }) =>
          l.rel === "http://webfinger.net/rel/profile-page" &&
          l.href === `${a.origin}/@alice`
        ),
      );
      assert.ok(jrd.aliases.includes(actorId));
      const byUrl = await a.fetch(
        `/.well-known/webfinger?resource=${encodeURIComponent(actorId)}`,
      );
      const byUrlJrd = await byUrl.json();
      assert.ok(
        byUrlJrd.links.some((l: { rel: string; href: string }) =>
          l.rel === "self" && l.href === actorId
        ),
      );
      const missing = await a.fetch(
        `/.well-known/webfinger?resource=acct:nobody@${host}`,
      );
      assert.equal(missing.status, 404);
      await missing.body?.cancel();

      const wellKnown = await (await a.fetch("/.well-known/nodeinfo")).json();
      assert.ok(
        wellKnown.links.some((l: { href: string }) =>
          l.href.endsWith("/nodeinfo/2.1")
        ),
      );
      const ni = await (await a.fetch("/nodeinfo/2.1")).json();
      assert.equal(ni.software.name, "starling");
      assert.equal(ni.usage.users.total, 1);
      assert.equal(ni.openRegistrations, true);
      const ni20 = await a.fetch("/nodeinfo/2.0");
      assert.equal(ni20.status, 200);
      const ni20Body = await ni20.json();
      assert.equal(ni20Body.version, "2.0");
      assert.equal(ni20Body.software.name, "starling");

      const hostMeta = await a.fetch("/.well-known/host-meta");
      assert.equal(hostMeta.status, 200);
      assert.match(
        await hostMeta.text(),
        /template="[^"]*\/\.well-known\/webfinger\?resource=\{uri\}"/,
      );

      const actorRes = await a.fetch("/users/alice", { headers: AS });
      assert.equal(actorRes.status, 200);
      assert.match(
        actorRes.headers.get("content-type") ?? "",
        /activity\+json|ld\+json/,
      );
      const actor = await actorRes.json();
      assert.equal(actor.id, actorId);
      assert.equal(actor.type, "Person");
      assert.equal(actor.preferredUsername, "alice");
      assert.equal(actor.inbox, `${actorId}/inbox`);
      assert.equal(actor.endpoints.sharedInbox, `${a.origin}/inbox`);
      assert.equal(actor.followers, `${actorId}/followers`);
      assert.equal(actor.publicKey.owner, actorId);
      assert.match(actor.publicKey.publicKeyPem, /BEGIN PUBLIC KEY/);
      assert.equal(actor.manuallyApprovesFollowers, false);

      const browser = await a.fetch("/users/alice", {
        headers: { accept: "text/html" },
        redirect: "manual",
      });
      assert.equal(browser.status, 302);
      assert.equal(browser.headers.get("location"), `${a.origin}/@alice`);
      assert.match(browser.headers.get("vary") ?? "", /accept/i);
      await browser.body?.cancel();

      const instanceActor = await (await a.fetch("/actor", { headers: AS }))
        .json();
      assert.equal(instanceActor.type, "Application");
      assert.equal(instanceActor.id, `${a.origin}/actor`);
      assert.ok(instanceActor.publicKey.publicKeyPem);

      const post = await createStatus(a.deps, alice, {
        status: "Public #hello",
        visibility: "public",
      });
      const noteRes = await a.fetch(`/users/alice/statuses/${post.id}`, {
        headers: AS,
      });
      assert.equal(noteRes.status, 200);
      const note = await noteRes.json();
      assert.equal(note.id, post.uri);
      assert.equal(note.attributedTo, actorId);
      // Fedify compacts Public to `as:Public`, which Mastodon and others accept.
      const to = [note.to].flat();
      assert.equal(to.length, 1);
      assert.match(
        to[0],
        /^(as:Public|https:\/\/www\.w3\.org\/ns\/activitystreams#Public)$/,
      );
      assert.equal(note.url, `${a.origin}/@alice/${post.id}`);

      const secret = await createStatus(a.deps, alice, {
        status: "secret",
        visibility: "private",
      });
      const hidden = await a.fetch(`/users/alice/statuses/${secret.id}`, {
        headers: AS,
      });
      assert.equal(
        hidden.status,
        404,
        "followers-only notes are not served unsigned",
      );
      await hidden.body?.cancel();

      const outbox =
        await (await a.fetch("/users/alice/outbox", { headers: AS })).json();
      assert.equal(
        outbox.totalItems,
        1,
        "the outbox counts public and unlisted posts only",
      );
      const page = await (await a.fetch(
        new URL(outbox.first).pathname + new URL(outbox.first).search,
        {
          headers: AS,
        },
      )).json();
      assert.equal(page.orderedItems.length, 1);
      assert.equal(page.orderedItems[0].type, "Create");
    } finally {
      await a.close();
    }
  },
});
