/**
 * The one visibility rule, through every read path: viewer relation (anonymous, author,
 * follower, mentioned, stranger, blocked) × visibility × path. An invisible status must look
 * exactly like a missing one.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken, follow } from "../helpers/users.ts";
import { canSee } from "../../lib/domain/visibility.ts";

const VISIBILITIES = ["public", "unlisted", "private", "direct"] as const;
type Viewer =
  | "anonymous"
  | "author"
  | "follower"
  | "mentioned"
  | "stranger"
  | "blocked";
const VIEWERS: Viewer[] = [
  "anonymous",
  "author",
  "follower",
  "mentioned",
  "stranger",
  "blocked",
];

/** Who may see what: the rule, spelled out as a table. */
const SEES: Record<Viewer, Record<string, boolean>> = {
  anonymous: { public: true, unlisted: true, private: false, direct: false },
  author: { public: true, unlisted: true, private: true, direct: true },
  follower: { public: true, unlisted: true, private: true, direct: false },
  mentioned: { public: true, unlisted: true, private: true, direct: true },
  stranger: { public: true, unlisted: true, private: false, direct: false },
  blocked: { public: false, unlisted: false, private: false, direct: false },
};
/** Home feeds: followers get all but direct, mentioned accounts get direct, author everything. */
const IN_HOME: Record<Viewer, Record<string, boolean>> = {
  anonymous: { public: false, unlisted: false, private: false, direct: false },
  author: { public: true, unlisted: true, private: true, direct: true },
  follower: { public: true, unlisted: true, private: true, direct: false },
  mentioned: { public: false, unlisted: false, private: false, direct: true },
  stranger: { public: false, unlisted: false, private: false, direct: false },
  blocked: { public: false, unlisted: false, private: false, direct: false },
};

Deno.test("canSee agrees with the table", () => {
  const relations = {
    follower: { following: true, mentioned: false, blockedByAuthor: false },
    mentioned: { following: false, mentioned: true, blockedByAuthor: false },
    stranger: { following: false, mentioned: false, blockedByAuthor: false },
    blocked: { following: true, mentioned: true, blockedByAuthor: true },
  } as const;
  for (const visibility of VISIBILITIES) {
    const status = { id: "1", account_id: "10", visibility };
    assert.equal(canSee(null, status, null), SEES.anonymous[visibility]);
    assert.equal(
      canSee({ accountId: "10" }, status, null),
      SEES.author[visibility],
    );
    for (const [viewer, rel] of Object.entries(relations)) {
      assert.equal(
        canSee({ accountId: "20" }, status, rel),
        SEES[viewer as Viewer][visibility],
        `${viewer} × ${visibility}`,
      );
    }
  }
});

Deno.test("every read path applies the rule", async () => {
  const instance = await startTestInstance();
  try {
    const author = await createUserWithToken(instance, "author");
    const follower = await createUserWithToken(instance, "follower");
    const mentioned = await createUserWithToken(instance, "mentioned");
    const stranger = await createUserWithToken(instance, "stranger");
    const blocked = await createUserWithToken(instance, "blocked");
    await follow(instance, follower, author);
    await follow(instance, blocked, author); // a block beats a follow (and a mention)
    await instance.deps.sql`INSERT INTO blocks (account_id, target_account_id)
                            VALUES (${author.account.id}, ${blocked.account.id})`;
    const tokens: Record<Viewer, string | null> = {
      anonymous: null,
      author: author.token,
      follower: follower.token,
      mentioned: mentioned.token,
      stranger: stranger.token,
      blocked: blocked.token,
    };
    const ids: Record<string, string> = {};
    const replies: Record<string, string> = {};
    for (const visibility of VISIBILITIES) {
      const res = await apiFetch(instance, author.token, "/api/v1/statuses", {
        body: { status: `@mentioned @blocked #vis ${visibility}`, visibility },
      });
      assert.equal(res.status, 200);
      ids[visibility] = (await res.json()).id;
      const reply = await apiFetch(instance, author.token, "/api/v1/statuses", {
        body: {
          status: "a public reply",
          in_reply_to_id: ids[visibility],
          visibility: "public",
        },
      });
      replies[visibility] = (await reply.json()).id;
    }
    const get = async (viewer: Viewer, path: string) => {
      const res = await apiFetch(instance, tokens[viewer], path);
      return { status: res.status, body: await res.json() };
    };
    const idsOf = (body: { id: string }[]) => new Set(body.map((s) => s.id));
    const missing = await get("stranger", "/api/v1/statuses/1234567890");
    assert.equal(missing.status, 404);

    for (const viewer of VIEWERS) {
      const pub = idsOf(
        (await get(viewer, "/api/v1/timelines/public?limit=40")).body,
      );
      const tag = idsOf(
        (await get(viewer, "/api/v1/timelines/tag/vis?limit=40")).body,
      );
      const account = idsOf(
        (await get(
          viewer,
          `/api/v1/accounts/${author.account.id}/statuses?limit=40`,
        )).body,
      );
      const home = viewer === "anonymous"
        ? new Set<string>()
        : idsOf((await get(viewer, "/api/v1/timelines/home?limit=40")).body);
      for (const visibility of VISIBILITIES) {
        const id = ids[visibility];
        const sees = SEES[viewer][visibility];
        const where = `${viewer} × ${visibility}`;
        const single = await get(viewer, `/api/v1/statuses/${id}`);
        assert.equal(single.status, sees ? 200 : 404, `GET status: ${where}`);
        if (!sees) {
          assert.deepEqual(
            single,
            missing,
            `invisible looks missing: ${where}`,
          );
        }
        const context = await get(viewer, `/api/v1/statuses/${id}/context`);
        assert.equal(context.status, sees ? 200 : 404, `context: ${where}`);
        if (viewer !== "blocked") {
          const replyContext = await get(
            viewer,
            `/api/v1/statuses/${replies[visibility]}/context`,
          );
          assert.equal(
            replyContext.body.ancestors.some((s: { id: string }) =>
              s.id === id
            ),
            sees,
            `ancestors: ${where}`,
          );
        }
        assert.equal(account.has(id), sees, `account statuses: ${where}`);
        const inPublic = sees && visibility === "public";
        assert.equal(pub.has(id), inPublic, `public timeline: ${where}`);
        assert.equal(tag.has(id), inPublic, `tag timeline: ${where}`);
        assert.equal(
          home.has(id),
          IN_HOME[viewer][visibility],
          `home: ${where}`,
        );
        if (!sees && viewer !== "anonymous") {
          for (const action of ["favourite", "reblog", "bookmark"]) {
            const res = await apiFetch(
              instance,
              tokens[viewer],
              `/api/v1/statuses/${id}/${action}`,
              {
                method: "POST",
              },
            );
            assert.equal(res.status, 404, `${action}: ${where}`);
            assert.deepEqual(
              await res.json(),
              missing.body,
              `${action} looks missing: ${where}`,
            );
          }
        }
      }
    }
  } finally {
    await instance.close();
  }
});
