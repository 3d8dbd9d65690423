/**
 * Timelines: Mastodon's paging (max_id, since_id, min_id — the page immediately newer than
 * min_id) and `Link` headers followed by masto.js; lists; filters applied as `filtered`.
 */
import assert from "node:assert/strict";
import { createRestAPIClient } from "masto";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken, follow } from "../helpers/users.ts";
import { assertMatchesSchema } from "../helpers/openapi.ts";

Deno.test("home timeline paging and Link headers", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await apiFetch(instance, alice.token, "/api/v1/statuses", {
        body: { status: `post ${i}` },
      });
      ids.push((await res.json()).id);
    }
    const [s1, s2, s3, s4, s5] = ids;
    const page = async (query: string) => {
      const res = await apiFetch(
        instance,
        alice.token,
        `/api/v1/timelines/home?${query}`,
      );
      const body = await res.json();
      return {
        ids: body.map((s: { id: string }) => s.id),
        link: res.headers.get("link"),
        body,
      };
    };
    const first = await page("limit=2");
    assert.deepEqual(first.ids, [s5, s4]);
    await assertMatchesSchema(first.body, "Status", { array: true });
    assert.match(first.link!, new RegExp(`max_id=${s4}>; rel="next"`));
    assert.match(first.link!, new RegExp(`min_id=${s5}>; rel="prev"`));
    assert.deepEqual((await page(`limit=2&max_id=${s4}`)).ids, [s3, s2]);
    assert.deepEqual((await page(`limit=2&min_id=${s1}`)).ids, [s3, s2]);
    assert.deepEqual((await page(`limit=2&since_id=${s1}`)).ids, [s5, s4]);
    assert.deepEqual((await page(`min_id=${s5}`)).ids, []);
    assert.deepEqual((await page(`max_id=${s4}&since_id=${s2}`)).ids, [s3]);

    const masto = createRestAPIClient({
      url: instance.origin,
      accessToken: alice.token,
    });
    const seen: string[] = [];
    for await (const chunk of masto.v1.timelines.home.list({ limit: 2 })) {
      seen.push(...chunk.map((s) => s.id));
      if (seen.length > 10) break;
    }
    assert.deepEqual(seen, [s5, s4, s3, s2, s1]);
  } finally {
    await instance.close();
  }
});

Deno.test("lists, filters, account filters and notification types", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    await follow(instance, alice, bob);
    const list = await (await apiFetch(instance, alice.token, "/api/v1/lists", {
      body: { title: "Friends" },
    })).json();
    await assertMatchesSchema(list, "List");
    const added = await apiFetch(
      instance,
      alice.token,
      `/api/v1/lists/${list.id}/accounts`,
      {
        body: { account_ids: [bob.account.id] },
      },
    );
    assert.equal(added.status, 200);
    await added.body?.cancel();

    const filter =
      await (await apiFetch(instance, alice.token, "/api/v2/filters", {
        body: {
          title: "Spoilers",
          context: ["home"],
          filter_action: "warn",
          keywords_attributes: [{ keyword: "spoiler", whole_word: true }],
        },
      })).json();
    await assertMatchesSchema(filter, "Filter");
    await apiFetch(instance, alice.token, "/api/v2/filters", {
      body: {
        title: "Hidden",
        context: ["home"],
        filter_action: "hide",
        keywords_attributes: [{ keyword: "secret" }],
      },
    }).then((r) => r.body?.cancel());

    const plain =
      await (await apiFetch(instance, bob.token, "/api/v1/statuses", {
        body: { status: "hello @alice" },
      })).json();
    const warned =
      await (await apiFetch(instance, bob.token, "/api/v1/statuses", {
        body: { status: "a spoiler!" },
      })).json();
    const hidden =
      await (await apiFetch(instance, bob.token, "/api/v1/statuses", {
        body: { status: "a secret" },
      })).json();

    const listed = await (await apiFetch(
      instance,
      alice.token,
      `/api/v1/timelines/list/${list.id}`,
    )).json();
    assert.deepEqual(listed.map((s: { id: string }) => s.id), [
      warned.id,
      plain.id,
    ]);

    const home =
      await (await apiFetch(instance, alice.token, "/api/v1/timelines/home"))
        .json();
    assert.deepEqual(home.map((s: { id: string }) => s.id), [
      warned.id,
      plain.id,
    ]);
    assert.equal(home[0].filtered[0].filter.title, "Spoilers");
    assert.deepEqual(home[0].filtered[0].keyword_matches, ["spoiler"]);
    assert.deepEqual(home[1].filtered, []);
    assert.ok(hidden.id);

    const v1 = await (await apiFetch(instance, alice.token, "/api/v1/filters"))
      .json();
    assert.equal(v1.length, 2);

    const mentions = await (await apiFetch(
      instance,
      alice.token,
      "/api/v1/notifications?types[]=mention&types[]=reaction",
    )).json();
    assert.deepEqual(mentions.map((n: { type: string }) => n.type), [
      "mention",
    ]);
    const none = await (await apiFetch(
      instance,
      alice.token,
      "/api/v1/notifications?exclude_types[]=mention",
    )).json();
    assert.deepEqual(none, []);
    const grouped =
      await (await apiFetch(instance, alice.token, "/api/v2/notifications"))
        .json();
    // The OpenAPI document types most_recent_notification_id as an integer; Mastodon sends a
    // string (64-bit ids do not fit a JSON number safely), so check the parts instead.
    await assertMatchesSchema(grouped.accounts, "Account", { array: true });
    await assertMatchesSchema(grouped.statuses, "Status", { array: true });
    assert.equal(
      typeof grouped.notification_groups[0].most_recent_notification_id,
      "string",
    );
    assert.equal(grouped.notification_groups.length, 1);

    const markers =
      await (await apiFetch(instance, alice.token, "/api/v1/markers", {
        body: { home: { last_read_id: plain.id } },
      })).json();
    assert.equal(markers.home.last_read_id, plain.id);
    await assertMatchesSchema(markers.home, "Marker");

    const search =
      await (await apiFetch(instance, alice.token, "/api/v2/search?q=spoiler"))
        .json();
    await assertMatchesSchema(search, "Search");
    assert.deepEqual(search.statuses.map((s: { id: string }) => s.id), [
      warned.id,
    ]);
    const people = await (await apiFetch(
      instance,
      alice.token,
      "/api/v2/search?q=bo&type=accounts",
    ))
      .json();
    assert.deepEqual(people.accounts.map((a: { id: string }) => a.id), [
      bob.account.id,
    ]);
  } finally {
    await instance.close();
  }
});
