/**
 * Starling behind a TLS-terminating proxy that passes `Host` (the README's production set-up):
 * the server itself sees `http://` requests, yet everything a peer fetches through the proxy —
 * actors, a Note, collections, WebFinger, NodeInfo — links to us with the configured `https`
 * origin only, as the API and the pushed copies do: one post, one URL. And a delivery signed
 * with RFC 9421, whose signature covers the https URL the peer posted to, is accepted.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { startTlsProxy } from "../helpers/tls-proxy.ts";
import { photoJpeg } from "../media/helpers.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { storeProfileImage, uploadMedia } from "../../lib/domain/media.ts";
import { updateProfile } from "../../lib/domain/profiles.ts";
import { signRequest } from "@fedify/fedify";
import { AS_CONTEXT, startFakePeer } from "../helpers/fake-peer.ts";
import { eventually } from "./helpers.ts";

const AS = { accept: "application/activity+json" };

/** Every string in a JSON document. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") {
    return Object.values(value).flatMap(strings);
  }
  return [];
}

/** Every URL on one of `hosts` in a JSON document, inside HTML too, whatever its scheme. */
function linksTo(hosts: string[], document: unknown): string[] {
  const escaped = hosts.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const link = new RegExp(`[a-z]+://(${escaped.join("|")})[^\\s"'<>]*`, "g");
  return strings(document).flatMap((s) => s.match(link) ?? []);
}

Deno.test({
  name:
    "behind a TLS proxy: actor, note, collections, WebFinger and NodeInfo link to us over https only",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const proxy = await startTlsProxy();
    const instance = await startTestInstance({
      env: { ORIGIN: proxy.origin },
    });
    proxy.forwardTo(instance.origin);
    try {
      const host = new URL(proxy.origin).host;
      const alice = await createUserWithToken(instance, "alice");
      await createUserWithToken(instance, "bob");
      const picture = await photoJpeg(64, 48, 1);
      await updateProfile(instance.deps, alice, {
        avatarUrl: await storeProfileImage(
          instance.deps,
          "avatar",
          picture,
          "image/jpeg",
        ),
        headerUrl: await storeProfileImage(
          instance.deps,
          "header",
          picture,
          "image/jpeg",
        ),
      });
      const media = await uploadMedia(instance.deps, alice.account.id, {
        bytes: picture,
        claimedType: "image/jpeg",
      });
      const post = await createStatus(instance.deps, alice, {
        status: "Hello @bob, #starling behind a proxy",
        visibility: "public",
        mediaIds: [media.id],
      });

      const documents: Record<string, unknown> = {};
      const get = async (path: string, headers: HeadersInit = AS) => {
        const res = await proxy.fetch(path, { headers });
        assert.equal(res.status, 200, path);
        documents[path] = await res.json();
        return documents[path] as Record<string, unknown>;
      };
      const actor = await get("/users/alice");
      const note = await get(new URL(post.uri).pathname);
      await get("/actor");
      const outbox = await get("/users/alice/outbox");
      await get(
        new URL(outbox.first as string, proxy.origin).pathname + "?cursor=",
      );
      await get("/users/alice/followers");
      await get("/users/alice/collections/featured");
      const jrd = await get(
        `/.well-known/webfinger?resource=acct:alice@${host}`,
        {},
      );
      await get("/.well-known/nodeinfo", {});
      const nodeInfo = await get("/nodeinfo/2.1", {});

      // What a peer shows and follows: the https pages, the same as the API's.
      assert.equal(actor.url, `${proxy.origin}/@alice`);
      assert.equal(note.url, `${proxy.origin}/@alice/${post.id}`);
      assert.equal(note.url, post.url, "the Note's url is the API's");
      assert.ok(
        strings(note.tag).includes(`${proxy.origin}/tags/starling`),
        "hashtag href",
      );
      assert.ok(
        (jrd.links as { rel: string; href: string }[]).some((l) =>
          l.rel === "http://webfinger.net/rel/profile-page" &&
          l.href === `${proxy.origin}/@alice`
        ),
        "WebFinger's profile page",
      );
      assert.equal(
        (nodeInfo.software as { homepage: string }).homepage,
        `${proxy.origin}/`,
      );

      // And nothing anywhere links to us over http (HTML content included).
      const ourHosts = [host, new URL(instance.origin).host];
      for (const [path, document] of Object.entries(documents)) {
        const ours = linksTo(ourHosts, document);
        assert.ok(ours.length > 0, `${path} links to us`);
        assert.deepEqual(
          ours.filter((link) => !link.startsWith("https://")),
          [],
          `${path} links to us over http`,
        );
      }
    } finally {
      await instance.close();
      await proxy.close();
    }
  },
});

Deno.test({
  name:
    "behind a TLS proxy: a delivery signed with RFC 9421 over our https URL is accepted",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const proxy = await startTlsProxy();
    const instance = await startTestInstance({
      env: { ORIGIN: proxy.origin },
    });
    proxy.forwardTo(instance.origin);
    const peer = startFakePeer();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const bob = await peer.actor("bob");
      peer.put(
        "/users/bob/inbox",
        () => new Response(null, { status: 202 }),
      );
      const body = JSON.stringify({
        "@context": AS_CONTEXT,
        id: `${bob.id}#follows/1`,
        type: "Follow",
        actor: bob.id,
        object: `${proxy.origin}/users/alice`,
      });
      // Signed over `@method`, `@target-uri` (https://…), `@authority` and the digest.
      const signed = await signRequest(
        new Request(`${proxy.origin}/users/alice/inbox`, {
          method: "POST",
          headers: { "content-type": "application/activity+json" },
          body,
        }),
        bob.privateKey,
        new URL(bob.keyId),
        { spec: "rfc9421" },
      );
      assert.ok(signed.headers.has("signature-input"));
      const res = await proxy.fetch("/users/alice/inbox", {
        method: "POST",
        headers: signed.headers,
        body,
      });
      await res.body?.cancel();
      assert.equal(res.status, 202);
      await eventually("bob follows alice", async () => {
        const [row] = await instance.deps.sql`
          SELECT 1 FROM follows f JOIN accounts a ON a.id = f.account_id
          WHERE a.uri = ${bob.id} AND f.target_account_id = ${alice.account.id}`;
        return Boolean(row);
      });
      // Alice's Accept is delivered before the instance stops.
      await eventually(
        "the Accept delivered",
        () => Promise.resolve(peer.hits.includes("/users/bob/inbox")),
      );
    } finally {
      await peer.close();
      await instance.close();
      await proxy.close();
    }
  },
});
