/**
 * Rule: a user's own things — lists, filters and their keywords, markers, notifications,
 * conversations, media — are 404 to everyone else, exactly as if they didn't exist (same status,
 * same body), for reads and writes alike, including the list stream and list timeline.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";

Deno.test({
  name:
    "another user's lists, filters, markers, notifications, conversations and media are 404",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const bob = await createUserWithToken(instance, "bob");
      const eve = await createUserWithToken(instance, "eve");
      const json = async (res: Response) => {
        assert.ok(res.ok, `${res.url}: ${res.status}`);
        return await res.json();
      };
      const list = await json(
        await apiFetch(instance, alice.token, "/api/v1/lists", {
          body: { title: "secret list" },
        }),
      );
      const filter = await json(
        await apiFetch(instance, alice.token, "/api/v2/filters", {
          body: {
            title: "secret filter",
            context: ["home"],
            keywords_attributes: [{ keyword: "secretword" }],
          },
        }),
      );
      const keywordId = filter.keywords[0].id;
      await json(
        await apiFetch(instance, alice.token, "/api/v1/markers", {
          body: { home: { last_read_id: "12345" } },
        }),
      );
      // A DM from bob to alice gives alice a notification and a conversation.
      await json(
        await apiFetch(instance, bob.token, "/api/v1/statuses", {
          body: { status: "@alice psst", visibility: "direct" },
        }),
      );
      const [notification] = await instance.deps.sql<{ id: string }[]>`
        SELECT id FROM notifications WHERE account_id = ${alice.account.id}`;
      const conversations = await json(
        await apiFetch(instance, alice.token, "/api/v1/conversations"),
      );
      const conversationId = conversations[0]?.id ?? "1";

      const MISSING = "1234567890";
      const probes: [string, string, unknown?][] = [
        ["GET", `/api/v1/lists/${list.id}`],
        ["PUT", `/api/v1/lists/${list.id}`, { title: "mine now" }],
        ["DELETE", `/api/v1/lists/${list.id}`],
        ["GET", `/api/v1/lists/${list.id}/accounts`],
        ["POST", `/api/v1/lists/${list.id}/accounts`, {
          account_ids: [eve.account.id],
        }],
        ["DELETE", `/api/v1/lists/${list.id}/accounts`, {
          account_ids: [eve.account.id],
        }],
        ["GET", `/api/v1/timelines/list/${list.id}`],
        ["GET", `/api/v2/filters/${filter.id}`],
        ["PUT", `/api/v2/filters/${filter.id}`, { title: "mine now" }],
        ["DELETE", `/api/v2/filters/${filter.id}`],
        ["GET", `/api/v2/filters/${filter.id}/keywords`],
        ["POST", `/api/v2/filters/${filter.id}/keywords`, { keyword: "x" }],
        ["GET", `/api/v2/filters/keywords/${keywordId}`],
        ["PUT", `/api/v2/filters/keywords/${keywordId}`, { keyword: "x" }],
        ["DELETE", `/api/v2/filters/keywords/${keywordId}`],
        ["GET", `/api/v1/notifications/${notification.id}`],
        ["POST", `/api/v1/notifications/${notification.id}/dismiss`],
        ["POST", `/api/v1/conversations/${conversationId}/read`],
        ["DELETE", `/api/v1/conversations/${conversationId}`],
      ];
      for (const [method, path, body] of probes) {
        const res = await apiFetch(instance, eve.token, path, { method, body });
        const text = await res.text();
        assert.equal(
          res.status,
          404,
          `${method} ${path}: ${res.status} ${text}`,
        );
        const id = /\/(\d{6,})(?=\/|$)/.exec(path)![1];
        const missing = await apiFetch(
          instance,
          eve.token,
          path.replace(id, MISSING),
          {
            method,
            body,
          },
        );
        assert.equal(missing.status, 404, `${method} ${path} (missing)`);
        assert.equal(
          text,
          await missing.text(),
          `${method} ${path} looks missing`,
        );
      }
      // Nothing of alice's changed.
      const lists = await json(
        await apiFetch(instance, alice.token, "/api/v1/lists"),
      );
      assert.deepEqual(lists.map((l: { title: string }) => l.title), [
        "secret list",
      ]);
      const filters = await json(
        await apiFetch(instance, alice.token, "/api/v2/filters"),
      );
      assert.equal(filters[0].title, "secret filter");
      assert.equal(filters[0].keywords.length, 1);
      // Markers, filters and lists listings are the caller's own only.
      const eveMarkers = await json(
        await apiFetch(
          instance,
          eve.token,
          "/api/v1/markers?timeline[]=home&timeline[]=notifications",
        ),
      );
      assert.equal(
        eveMarkers.home,
        undefined,
        "eve sees no home marker of alice's",
      );
      assert.deepEqual(
        await json(await apiFetch(instance, eve.token, "/api/v1/lists")),
        [],
      );
      assert.deepEqual(
        await json(await apiFetch(instance, eve.token, "/api/v2/filters")),
        [],
      );
      // The list stream refuses another's list, as if it didn't exist.
      const stream = await instance.fetch(
        `/api/v1/streaming/list?list=${list.id}&access_token=${eve.token}`,
      );
      await stream.body?.cancel();
      assert.equal(stream.status, 404, "list stream");
      // Media: someone else's attachment can't be read, described or attached.
      const [media] = await instance.deps.sql<{ id: string }[]>`
        INSERT INTO media_attachments (account_id, type, remote_url)
        VALUES (${alice.account.id}, 'image', 'https://example.com/a.png') RETURNING id`
        .catch(() => [] as { id: string }[]);
      if (media) {
        for (
          const [method, path] of [["GET", `/api/v1/media/${media.id}`], [
            "PUT",
            `/api/v1/media/${media.id}`,
          ]]
        ) {
          const res = await apiFetch(instance, eve.token, path, {
            method,
            body: method === "PUT" ? { description: "mine" } : undefined,
          });
          await res.body?.cancel();
          assert.equal(res.status, 404, `${method} ${path}`);
        }
        const post = await apiFetch(instance, eve.token, "/api/v1/statuses", {
          body: { status: "stolen picture", media_ids: [media.id] },
        });
        await post.body?.cancel();
        assert.ok(!post.ok, `attaching another's media: ${post.status}`);
        const [row] = await instance.deps.sql<{ status_id: string | null }[]>`
          SELECT status_id FROM media_attachments WHERE id = ${media.id}`;
        assert.equal(row.status_id, null, "still unattached");
      }
    } finally {
      await instance.close();
    }
  },
});
