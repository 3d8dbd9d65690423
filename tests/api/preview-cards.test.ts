/**
 * Link previews: a local post linking a page gets the card its OpenGraph head (and oEmbed)
 * describe, with the image stored on this server, on the status, in a streamed
 * `status.update`, on the link timeline and as the trending link; an image over 2 MB is left
 * out, and a page without a title makes no card. The pages come from a real HTTP server on
 * loopback (the instance allows private addresses, as in development).
 */
import assert from "node:assert/strict";
import { createStreamingAPIClient } from "masto";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";
import { createStaff } from "../moderation/helpers.ts";
import { refreshTrends } from "../../lib/trends/mod.ts";
import { api, createUserWithToken, type TestUser } from "../helpers/users.ts";
import { untilSubscribed, withTimeout } from "../helpers/streams.ts";
import { eventually } from "../federation/helpers.ts";
import { smallPng } from "../media/helpers.ts";

function startSite(png: Uint8Array) {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    (req) => {
      const { pathname } = new URL(req.url);
      const html = (head: string) =>
        new Response(
          `<!doctype html><html><head>${head}</head><body>
          <p>Body text <meta property="og:title" content="Not from the body"></p>
          </body></html>`,
          {
            headers: { "content-type": "text/html; charset=utf-8" },
          },
        );
      switch (pathname) {
        case "/herons":
          return html(`<title>Herons | Birds Weekly</title>
            <meta property="og:title" content="Grey herons &amp; their lakes">
            <meta property="og:description" content="Where they fish at dawn.">
            <meta property="og:image" content="/heron.png">
            <meta property="og:image:alt" content="A heron standing in reeds">
            <meta property="og:site_name" content="Birds Weekly">
            <meta property="article:published_time" content="2026-03-01T08:00:00Z">
            <link rel="alternate" type="application/json+oembed" href="/oembed.json">`);
        case "/oembed.json":
          return Response.json({
            type: "rich",
            version: "1.0",
            author_name: "Ada Lovelace",
            author_url: "https://birds.example/ada",
          });
        case "/heron.png":
          return new Response(png.slice(), {
            headers: { "content-type": "image/png" },
          });
        case "/egrets":
          return html(`<title>Egrets</title>
            <meta name="description" content="White and tall.">
            <meta property="og:image" content="/huge.png">`);
        case "/huge.png":
          // Over Mastodon's 2 MB for a card image: not downloaded.
          return new Response(new Uint8Array(3 * 1048576), {
            headers: { "content-type": "image/png" },
          });
        case "/untitled":
          return html(`<meta name="description" content="No title here">`);
        case "/old-heron":
          return new Response(null, {
            status: 301,
            headers: { location: "/herons" },
          });
        default:
          return new Response("not here", { status: 404 });
      }
    },
  );
  return {
    origin: `http://127.0.0.1:${server.addr.port}`,
    close: () => server.shutdown(),
  };
}

async function postAndWaitForCard(
  instance: TestInstance,
  user: TestUser,
  url: string,
) {
  const posted = await api(instance, user.token, "POST", "/api/v1/statuses", {
    status: `Worth a read: ${url}`,
  });
  assert.equal(posted.status, 200);
  return await eventually("the card on the status", async () => {
    const res = await api(
      instance,
      user.token,
      "GET",
      `/api/v1/statuses/${posted.body.id}`,
    );
    return res.body.card ? res.body : null;
  });
}

/** Every link-card job of the instance ran (none left waiting or failed). */
function cardJobsDone(instance: TestInstance) {
  return eventually(
    "the card jobs ran",
    async () =>
      (await instance.deps.sql`
        SELECT 1 FROM jobs WHERE kind IN ('domain.event', 'status.fetch_card')`)
        .length === 0,
  );
}

Deno.test("preview cards: a local post's link gets its page's card, streamed and shown with the link", async () => {
  const site = startSite(await smallPng(320, 200));
  const instance = await startTestInstance();
  const alice = await createUserWithToken(instance, "alice");
  const streaming = createStreamingAPIClient({
    streamingApiUrl: instance.origin.replace("http", "ws"),
    accessToken: alice.token,
  });
  try {
    const subscription = streaming.user.subscribe();
    const updated = (async () => {
      for await (const event of subscription) {
        if (event.event === "status.update" && event.payload.card) {
          return event.payload;
        }
      }
    })();
    await untilSubscribed(instance);

    const article = `${site.origin}/herons`;
    const status = await postAndWaitForCard(instance, alice, article);
    const card = status.card;
    await assertMatchesSchema(status, "Status");
    assert.equal(card.url, article);
    assert.equal(card.title, "Grey herons & their lakes");
    assert.equal(card.description, "Where they fish at dawn.");
    assert.equal(card.provider_name, "Birds Weekly");
    assert.equal(card.author_name, "Ada Lovelace", "from the oEmbed document");
    assert.equal(card.author_url, "https://birds.example/ada");
    assert.equal(card.image_description, "A heron standing in reeds");
    assert.equal(card.published_at, "2026-03-01T08:00:00.000Z");
    assert.equal(card.width, 320);
    assert.equal(card.height, 200);
    assert.ok(card.blurhash);
    // The image is this server's copy, not a hotlink to the page's site.
    assert.ok(card.image.startsWith(instance.origin), card.image);
    const image = await fetch(card.image);
    assert.equal(image.status, 200);
    assert.match(image.headers.get("content-type") ?? "", /^image\//);
    await image.body?.cancel();

    const streamed = await withTimeout(updated);
    assert.equal(streamed?.id, status.id);
    assert.equal(streamed?.card?.title, "Grey herons & their lakes");

    const linked = await api(
      instance,
      alice.token,
      "GET",
      `/api/v1/timelines/link?url=${encodeURIComponent(article)}`,
    );
    assert.equal(linked.body[0].id, status.id);
    assert.equal(linked.body[0].card.title, "Grey herons & their lakes");

    // A second post linking the page (through a redirect this time) shares the card.
    const again = await postAndWaitForCard(
      instance,
      alice,
      `${site.origin}/old-heron`,
    );
    assert.equal(again.card.title, "Grey herons & their lakes");

    // Two accounts shared it: once a moderator approves it, the trending link shows the card.
    const bob = await createUserWithToken(instance, "bob");
    await postAndWaitForCard(instance, bob, article);
    await refreshTrends(instance.deps.sql);
    const mod = await createStaff(instance, "moira", "moderator");
    const review = await api(
      instance,
      mod.token,
      "GET",
      "/api/v1/admin/trends/links",
    );
    const pending = review.body.find((l: { url: string }) => l.url === article);
    assert.equal(
      pending.title,
      "Grey herons & their lakes",
      "moderators see the card",
    );
    const approved = await api(
      instance,
      mod.token,
      "POST",
      `/api/v1/admin/trends/links/${pending.id}/approve`,
    );
    assert.equal(approved.status, 200);
    const trends = await api(instance, null, "GET", "/api/v1/trends/links");
    await assertResponseMatches(
      "GET",
      "/api/v1/trends/links",
      200,
      trends.body,
    );
    assert.equal(trends.body[0].url, article);
    assert.equal(trends.body[0].title, "Grey herons & their lakes");
    assert.equal(trends.body[0].image, card.image);
  } finally {
    streaming.close();
    await instance.close();
    await site.close();
  }
});

Deno.test("preview cards: an image over 2 MB is left out; an edit without the link drops the card; a page without a title makes no card", async () => {
  const site = startSite(await smallPng());
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const egrets = await postAndWaitForCard(
      instance,
      alice,
      `${site.origin}/egrets`,
    );
    assert.equal(egrets.card.title, "Egrets");
    assert.equal(egrets.card.description, "White and tall.");
    assert.equal(egrets.card.image, null);

    // An edit that drops the link drops the card.
    const edited = await api(
      instance,
      alice.token,
      "PUT",
      `/api/v1/statuses/${egrets.id}`,
      { status: "Never mind the link" },
    );
    assert.equal(edited.status, 200);
    await eventually("the card gone", async () =>
      (await api(
        instance,
        alice.token,
        "GET",
        `/api/v1/statuses/${egrets.id}`,
      )).body.card === null);

    const untitled = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/statuses",
      { status: `See ${site.origin}/untitled and ${site.origin}/missing` },
    );
    await cardJobsDone(instance);
    const read = await api(
      instance,
      alice.token,
      "GET",
      `/api/v1/statuses/${untitled.body.id}`,
    );
    assert.equal(read.body.card, null);
  } finally {
    await instance.close();
    await site.close();
  }
});

Deno.test("preview cards: a link to a private address is not fetched (SSRF guard)", async () => {
  const site = startSite(await smallPng());
  const instance = await startTestInstance({
    env: { ALLOW_PRIVATE_ADDRESS: "false" },
  });
  try {
    const alice = await createUserWithToken(instance, "alice");
    const posted = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/statuses",
      {
        status: `Inside: ${site.origin}/herons`,
      },
    );
    await cardJobsDone(instance);
    const read = await api(
      instance,
      alice.token,
      "GET",
      `/api/v1/statuses/${posted.body.id}`,
    );
    assert.equal(read.body.card, null);
  } finally {
    await instance.close();
    await site.close();
  }
});
