/**
 * Every operation of the Mastodon OpenAPI document that applies to a user of one server, called
 * as a signed-in app would with minimal valid parameters (ids from a fixture seeded here): none
 * answers 404/405/501, each 2xx body validates against the documented response schema. The
 * operations left out are listed in `EXCLUDED`, each with why; an operation the document gains
 * is walked (or fails) without this file knowing it.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
  DOCUMENT_PATH,
  groupIdsAsDocumented,
} from "../helpers/openapi.ts";
import { appToken } from "../helpers/oauth.ts";
import { startPushReceiver } from "../helpers/push-receiver.ts";
import {
  api,
  createUserWithToken,
  follow,
  type TestUser,
} from "../helpers/users.ts";
import { smallPng, upload } from "../media/helpers.ts";
import { MASTODON_API_VERSION } from "../../lib/mastodon/entities/instance.ts";

/** Operations that don't apply to a user of one Starling server, with why. */
const EXCLUDED: Record<string, string> = {
  "GET /api/v1/accounts/{account_id}/collections":
    "collections are API level 10 (Mastodon 4.6); Starling advertises a lower level",
  "GET /api/v1/accounts/{account_id}/in_collections": "collections (level 10)",
  "POST /api/v1/collections": "collections (level 10)",
  "POST /api/v1/collections/{collection_id}/items": "collections (level 10)",
  "DELETE /api/v1/collections/{collection_id}/items/{id}":
    "collections (level 10)",
  "POST /api/v1/collections/{collection_id}/items/{id}/revoke":
    "collections (level 10)",
  "GET /api/v1/collections/{id}": "collections (level 10)",
  "PATCH /api/v1/collections/{id}": "collections (level 10)",
  "DELETE /api/v1/collections/{id}": "collections (level 10)",
  "GET /api/v1/statuses/{id}/quotes":
    "quote posts are API level 7 (Mastodon 4.5); Starling advertises a lower level",
  "POST /api/v1/statuses/{id}/quotes/{quoting_status_id}/revoke":
    "quote posts (level 7)",
  "PUT /api/v1/statuses/{id}/interaction_policy":
    "quote approval policies (level 7)",
  "GET /api/v1_alpha/async_refreshes/{id}":
    "ids come only from a Mastodon-Async-Refresh header, which Starling never sends",
  "GET /api/v1/annual_reports/{year}":
    "Mastodon answers 404 for a year without a generated report; Starling generates none",
  "POST /api/v1/annual_reports/{year}/read": "as above: no report to mark read",
  "POST /api/v1/annual_reports/{year}/generate":
    "generating annual reports is API level 8 (Mastodon 4.6)",
  "GET /api/v1/annual_reports/{year}/state": "annual reports (level 8)",
  "POST /api/v1/statuses/{id}/translate":
    "needs a translator; without one Mastodon answers 404, as Starling does",
  "GET /api/v1/timelines/direct":
    "removed in Mastodon 3.0 (it answers 404); the conversations API replaced it",
};

/**
 * Where the document's schema is wrong about what Mastodon sends, the body is checked against
 * what Mastodon's code renders instead.
 */
const DOCUMENT_SLIPS: Record<string, (body: unknown) => Promise<void>> = {
  // Mastodon renders a list of V1::Filter (the document's own description says so).
  "GET /api/v1/filters": (body) =>
    assertMatchesSchema(body, "V1Filter", { array: true }),
  // Mastodon's controller destroys the entry and renders an empty object.
  "DELETE /api/v2/filters/statuses/{id}": (body) => {
    assert.deepEqual(body, {});
    return Promise.resolve();
  },
};

interface Call {
  /** The concrete path with query, e.g. `/api/v1/accounts/123/follow`. */
  path: string;
  body?: unknown;
  /** Another bearer token than the walking user's (`null`: none). */
  token?: string | null;
  /** A multipart body instead of JSON. */
  form?: FormData;
  /** The status Mastodon answers here when not 2xx (e.g. a confirmed user asking for mail). */
  expect?: number;
}

interface Fixture {
  instance: TestInstance;
  me: TestUser;
  bob: TestUser;
  /** A fresh user each call, for relationships that must start from nothing. */
  stranger(): Promise<TestUser>;
  ids: SeededIds;
  post(text?: string, by?: TestUser, visibility?: string): Promise<string>;
  json(
    method: string,
    path: string,
    body?: unknown,
    by?: TestUser,
  ): Promise<Record<string, unknown>>;
}

type Spec = (f: Fixture) => Promise<Call> | Call;

const fresh = {
  list: async (f: Fixture) =>
    String((await f.json("POST", "/api/v1/lists", { title: "Birds" })).id),
  filterV1: async (f: Fixture) =>
    String(
      (await f.json("POST", "/api/v1/filters", {
        phrase: "heron",
        context: ["home"],
      })).id,
    ),
  filterV2: async (f: Fixture) =>
    String(
      (await f.json("POST", "/api/v2/filters", {
        title: "Herons",
        context: ["home"],
        keywords_attributes: [{ keyword: "heron" }],
      })).id,
    ),
  media: async (f: Fixture) => {
    const res = await upload(f.instance, f.me.token, {
      bytes: await smallPng(),
      type: "image/png",
    });
    return String((await res.json()).id);
  },
  /** A notification for the walking user: bob favourites one of their posts. */
  notification: async (f: Fixture) => {
    const id = await f.post("Favourite me");
    await f.json("POST", `/api/v1/statuses/${id}/favourite`, {}, f.bob);
    const list = await api(
      f.instance,
      f.me.token,
      "GET",
      "/api/v1/notifications?limit=1",
    );
    return list.body[0] as { id: string; group_key: string };
  },
  /** A filtered notification request: a stranger mentions the walking user. */
  request: async (f: Fixture) => {
    const stranger = await f.stranger();
    await f.post(`@${f.me.account.username} hello`, stranger);
    const list = await api(
      f.instance,
      f.me.token,
      "GET",
      "/api/v1/notifications/requests",
    );
    const found = (list.body as { id: string; account: { id: string } }[])
      .find((r) => r.account.id === stranger.account.id);
    assert.ok(found, "the stranger's mention is a notification request");
    return found.id;
  },
  /** A pending follow request to the (locked) walking user. */
  followRequest: async (f: Fixture) => {
    const stranger = await f.stranger();
    await f.json(
      "POST",
      `/api/v1/accounts/${f.me.account.id}/follow`,
      {},
      stranger,
    );
    return stranger.account.id;
  },
};

const SPECS: Record<string, Spec> = {
  "POST /api/v1/accounts": async (f) => ({
    path: "/api/v1/accounts",
    token: await appToken(f.instance),
    body: {
      username: "newcomer",
      email: "newcomer@example.com",
      password: "a good password",
      agreement: true,
      locale: "en",
    },
  }),
  "GET /api/v1/accounts": (f) => ({
    path: `/api/v1/accounts?id[]=${f.bob.account.id}`,
  }),
  "POST /api/v1/accounts/{id}/block": async (f) => ({
    path: `/api/v1/accounts/${(await f.stranger()).account.id}/block`,
  }),
  "POST /api/v1/accounts/{id}/endorse": async (f) => {
    const friend = await f.stranger();
    await follow(f.instance, f.me, friend);
    return { path: `/api/v1/accounts/${friend.account.id}/endorse` };
  },
  "POST /api/v1/accounts/{id}/pin": async (f) => {
    const friend = await f.stranger();
    await follow(f.instance, f.me, friend);
    return { path: `/api/v1/accounts/${friend.account.id}/pin` };
  },
  "POST /api/v1/accounts/{id}/follow": async (f) => ({
    path: `/api/v1/accounts/${(await f.stranger()).account.id}/follow`,
  }),
  "POST /api/v1/accounts/{id}/mute": async (f) => ({
    path: `/api/v1/accounts/${(await f.stranger()).account.id}/mute`,
  }),
  "POST /api/v1/accounts/{id}/note": (f) => ({
    path: `/api/v1/accounts/${f.bob.account.id}/note`,
    body: { comment: "Met at the lake" },
  }),
  "GET /api/v1/accounts/familiar_followers": (f) => ({
    path: `/api/v1/accounts/familiar_followers?id[]=${f.bob.account.id}`,
  }),
  "GET /api/v1/accounts/lookup": (f) => ({
    path: `/api/v1/accounts/lookup?acct=${f.bob.account.username}`,
  }),
  "GET /api/v1/accounts/relationships": (f) => ({
    path: `/api/v1/accounts/relationships?id[]=${f.bob.account.id}`,
  }),
  "GET /api/v1/accounts/search": () => ({
    path: "/api/v1/accounts/search?q=bob",
  }),
  "PATCH /api/v1/accounts/update_credentials": () => ({
    path: "/api/v1/accounts/update_credentials",
    body: { display_name: "Walker" },
  }),
  "POST /api/v1/apps": () => ({
    path: "/api/v1/apps",
    token: null,
    body: {
      client_name: "Walker",
      redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
    },
  }),
  "PUT /api/v1/announcements/{id}/reactions/{name}": (f) => ({
    path: `/api/v1/announcements/${f.ids.announcement}/reactions/%F0%9F%90%A6`,
  }),
  "DELETE /api/v1/announcements/{id}/reactions/{name}": (f) => ({
    path: `/api/v1/announcements/${f.ids.announcement}/reactions/%F0%9F%90%A6`,
  }),
  "DELETE /api/v1/conversations/{id}": async (f) => ({
    path: `/api/v1/conversations/${await conversation(f)}`,
  }),
  "POST /api/v1/conversations/{id}/read": async (f) => ({
    path: `/api/v1/conversations/${await conversation(f)}/read`,
  }),
  "POST /api/v1/domain_blocks": () => ({
    path: "/api/v1/domain_blocks",
    body: { domain: "noisy.example" },
  }),
  "DELETE /api/v1/domain_blocks": () => ({
    path: "/api/v1/domain_blocks",
    body: { domain: "noisy.example" },
  }),
  // Mastodon: only while the address awaits confirmation; the walker's is confirmed.
  "POST /api/v1/emails/confirmations": () => ({
    path: "/api/v1/emails/confirmations",
    expect: 403,
  }),
  "POST /api/v1/featured_tags": () => ({
    path: "/api/v1/featured_tags",
    body: { name: "herons" },
  }),
  "DELETE /api/v1/featured_tags/{id}": async (f) => ({
    path: `/api/v1/featured_tags/${
      (await f.json("POST", "/api/v1/featured_tags", { name: "egrets" })).id
    }`,
  }),
  "POST /api/v1/filters": () => ({
    path: "/api/v1/filters",
    body: { phrase: "heron", context: ["home"] },
  }),
  "PUT /api/v1/filters/{id}": async (f) => ({
    path: `/api/v1/filters/${await fresh.filterV1(f)}`,
    body: { phrase: "egret", context: ["home"] },
  }),
  "POST /api/v2/filters": () => ({
    path: "/api/v2/filters",
    body: { title: "Herons", context: ["home"] },
  }),
  "POST /api/v2/filters/{filter_id}/keywords": async (f) => ({
    path: `/api/v2/filters/${await fresh.filterV2(f)}/keywords`,
    body: { keyword: "egret" },
  }),
  "POST /api/v2/filters/{filter_id}/statuses": async (f) => ({
    path: `/api/v2/filters/${await fresh.filterV2(f)}/statuses`,
    body: { status_id: await f.post("Hide me", f.bob) },
  }),
  "PUT /api/v2/filters/{id}": async (f) => ({
    path: `/api/v2/filters/${await fresh.filterV2(f)}`,
    body: { title: "Egrets" },
  }),
  "GET /api/v2/filters/keywords/{id}": async (f) => ({
    path: `/api/v2/filters/keywords/${await keyword(f)}`,
  }),
  "PUT /api/v2/filters/keywords/{id}": async (f) => ({
    path: `/api/v2/filters/keywords/${await keyword(f)}`,
    body: { keyword: "egret" },
  }),
  "DELETE /api/v2/filters/keywords/{id}": async (f) => ({
    path: `/api/v2/filters/keywords/${await keyword(f)}`,
  }),
  "GET /api/v2/filters/statuses/{id}": async (f) => ({
    path: `/api/v2/filters/statuses/${await filterStatus(f)}`,
  }),
  "DELETE /api/v2/filters/statuses/{id}": async (f) => ({
    path: `/api/v2/filters/statuses/${await filterStatus(f)}`,
  }),
  "POST /api/v1/follow_requests/{account_id}/authorize": async (f) => ({
    path: `/api/v1/follow_requests/${await fresh.followRequest(
      f,
    )}/authorize`,
  }),
  "POST /api/v1/follow_requests/{account_id}/reject": async (f) => ({
    path: `/api/v1/follow_requests/${await fresh.followRequest(f)}/reject`,
  }),
  "GET /api/v1/instance/terms_of_service/{date}": () => ({
    path: "/api/v1/instance/terms_of_service/2024-01-01",
  }),
  "POST /api/v1/lists": () => ({
    path: "/api/v1/lists",
    body: { title: "Waders" },
  }),
  "PUT /api/v1/lists/{id}": async (f) => ({
    path: `/api/v1/lists/${await fresh.list(f)}`,
    body: { title: "Waders" },
  }),
  "POST /api/v1/lists/{id}/accounts": async (f) => {
    const friend = await f.stranger();
    await follow(f.instance, f.me, friend);
    return {
      path: `/api/v1/lists/${await fresh.list(f)}/accounts`,
      body: { account_ids: [friend.account.id] },
    };
  },
  "DELETE /api/v1/lists/{id}/accounts": async (f) => ({
    path: `/api/v1/lists/${await fresh.list(f)}/accounts`,
    body: { account_ids: [f.bob.account.id] },
  }),
  "GET /api/v1/markers": () => ({
    path: "/api/v1/markers?timeline[]=home&timeline[]=notifications",
  }),
  "POST /api/v1/markers": (f) => ({
    path: "/api/v1/markers",
    body: { home: { last_read_id: f.ids.myStatus } },
  }),
  "POST /api/v1/media": async () => ({
    path: "/api/v1/media",
    form: await imageForm(),
  }),
  "POST /api/v2/media": async () => ({
    path: "/api/v2/media",
    form: await imageForm(),
  }),
  "PUT /api/v1/media/{id}": async (f) => ({
    path: `/api/v1/media/${await fresh.media(f)}`,
    body: { description: "A heron" },
  }),
  "GET /api/v1/notifications/{id}": async (f) => ({
    path: `/api/v1/notifications/${(await fresh.notification(f)).id}`,
  }),
  "POST /api/v1/notifications/{id}/dismiss": async (f) => ({
    path: `/api/v1/notifications/${(await fresh.notification(f)).id}/dismiss`,
  }),
  "GET /api/v1/notifications/requests/{id}": async (f) => ({
    path: `/api/v1/notifications/requests/${await fresh.request(f)}`,
  }),
  "POST /api/v1/notifications/requests/{id}/accept": async (f) => ({
    path: `/api/v1/notifications/requests/${await fresh.request(f)}/accept`,
  }),
  "POST /api/v1/notifications/requests/{id}/dismiss": async (f) => ({
    path: `/api/v1/notifications/requests/${await fresh.request(f)}/dismiss`,
  }),
  "POST /api/v1/notifications/requests/accept": async (f) => ({
    path: "/api/v1/notifications/requests/accept",
    body: { id: [await fresh.request(f)] },
  }),
  "POST /api/v1/notifications/requests/dismiss": async (f) => ({
    path: "/api/v1/notifications/requests/dismiss",
    body: { id: [await fresh.request(f)] },
  }),
  "GET /api/v2/notifications/{group_key}": async (f) => ({
    path: `/api/v2/notifications/${(await fresh.notification(f)).group_key}`,
  }),
  "GET /api/v2/notifications/{group_key}/accounts": async (f) => ({
    path: `/api/v2/notifications/${
      (await fresh.notification(f)).group_key
    }/accounts`,
  }),
  "POST /api/v2/notifications/{group_key}/dismiss": async (f) => ({
    path: `/api/v2/notifications/${
      (await fresh.notification(f)).group_key
    }/dismiss`,
  }),
  "PATCH /api/v2/notifications/policy": () => ({
    path: "/api/v2/notifications/policy",
    body: { for_not_following: "filter" },
  }),
  "GET /oauth/authorize": (f) => ({
    path: `/oauth/authorize?response_type=code&client_id=${f.ids.clientId}` +
      "&redirect_uri=urn:ietf:wg:oauth:2.0:oob&scope=read",
  }),
  "POST /oauth/token": (f) => ({
    path: "/oauth/token",
    token: null,
    body: {
      grant_type: "client_credentials",
      client_id: f.ids.clientId,
      client_secret: f.ids.clientSecret,
    },
  }),
  "POST /oauth/revoke": async (f) => ({
    path: "/oauth/revoke",
    token: null,
    body: {
      client_id: f.ids.clientId,
      client_secret: f.ids.clientSecret,
      token: await appToken(f.instance),
    },
  }),
  "GET /api/oembed": (f) => ({
    path: `/api/oembed?url=${
      encodeURIComponent(
        `${f.instance.origin}/@${f.me.account.username}/${f.ids.myStatus}`,
      )
    }`,
  }),
  "GET /api/v1/polls/{id}": (f) => ({ path: `/api/v1/polls/${f.ids.poll}` }),
  "POST /api/v1/polls/{id}/votes": (f) => ({
    path: `/api/v1/polls/${f.ids.poll}/votes`,
    body: { choices: [0] },
  }),
  "PATCH /api/v1/profile": () => ({
    path: "/api/v1/profile",
    body: { display_name: "Walker" },
  }),
  "POST /api/v1/push/subscription": (f) => ({
    path: "/api/v1/push/subscription",
    body: f.ids.pushSubscription,
  }),
  "PUT /api/v1/push/subscription": () => ({
    path: "/api/v1/push/subscription",
    body: { data: { alerts: { mention: true } } },
  }),
  "POST /api/v1/reports": (f) => ({
    path: "/api/v1/reports",
    body: { account_id: f.bob.account.id, comment: "Walk test" },
  }),
  "PUT /api/v1/scheduled_statuses/{id}": async (f) => ({
    path: `/api/v1/scheduled_statuses/${await scheduled(f)}`,
    body: { scheduled_at: inHours(3) },
  }),
  "GET /api/v1/scheduled_statuses/{id}": async (f) => ({
    path: `/api/v1/scheduled_statuses/${await scheduled(f)}`,
  }),
  "DELETE /api/v1/scheduled_statuses/{id}": async (f) => ({
    path: `/api/v1/scheduled_statuses/${await scheduled(f)}`,
  }),
  "GET /api/v2/search": () => ({ path: "/api/v2/search?q=herons" }),
  "POST /api/v1/statuses": () => ({
    path: "/api/v1/statuses",
    body: { status: "Walking by the lake" },
  }),
  "GET /api/v1/statuses": (f) => ({
    path: `/api/v1/statuses?id[]=${f.ids.myStatus}`,
  }),
  "PUT /api/v1/statuses/{id}": async (f) => ({
    path: `/api/v1/statuses/${await f.post()}`,
    body: { status: "Edited by the lake" },
  }),
  // Without a translator configured, Mastodon answers 503.
  "POST /api/v1/statuses/{id}/translate": async (f) => ({
    path: `/api/v1/statuses/${await f.post("Bonjour", f.bob)}/translate`,
    expect: 503,
  }),
  "DELETE /api/v1/suggestions/{account_id}": (f) => ({
    path: `/api/v1/suggestions/${f.bob.account.id}`,
  }),
  "POST /api/v1/tags/{id}/feature": (f) => ({
    path: `/api/v1/tags/${f.ids.tag}/feature`,
  }),
  "POST /api/v1/tags/{id}/unfeature": (f) => ({
    path: `/api/v1/tags/${f.ids.tag}/unfeature`,
  }),
  "GET /api/v1/timelines/link": () => ({
    path: `/api/v1/timelines/link?url=${
      encodeURIComponent("https://birds.example/herons")
    }`,
  }),
  "GET /api/v1/streaming/hashtag": () => ({
    path: "/api/v1/streaming/hashtag?tag=herons",
  }),
  "GET /api/v1/streaming/hashtag/local": () => ({
    path: "/api/v1/streaming/hashtag/local?tag=herons",
  }),
  "GET /api/v1/streaming/list": async (f) => ({
    path: `/api/v1/streaming/list?list=${await fresh.list(f)}`,
  }),
};

/** Fills path parameters that need no set-up of their own. */
async function defaultPath(
  f: Fixture,
  method: string,
  template: string,
): Promise<string> {
  let path = template;
  if (path.startsWith("/api/v1/accounts/{id}")) {
    // What changes a relationship starts from a stranger, so bob stays a mutual follower.
    const who = method === "GET" ? f.bob : await f.stranger();
    path = path.replace("{id}", who.account.id);
  }
  if (path.startsWith("/api/v1/statuses/{id}")) {
    path = path.replace("{id}", await f.post());
  }
  if (path.startsWith("/api/v1/announcements/{id}")) {
    path = path.replace("{id}", f.ids.announcement);
  }
  if (path.startsWith("/api/v1/lists/{id}")) {
    path = path.replace("{id}", await fresh.list(f));
  }
  if (path.startsWith("/api/v1/filters/{id}")) {
    path = path.replace("{id}", await fresh.filterV1(f));
  }
  if (path.startsWith("/api/v2/filters/{")) {
    path = path.replace(/\{(id|filter_id)\}/, await fresh.filterV2(f));
  }
  if (path.startsWith("/api/v1/media/{id}")) {
    path = path.replace("{id}", await fresh.media(f));
  }
  if (path.startsWith("/api/v1/featured_tags/{id}")) {
    path = path.replace("{id}", f.ids.tag);
  }
  return path
    .replace("{list_id}", f.ids.list)
    .replace("{hashtag}", "herons")
    .replace("{name}", "herons");
}

async function conversation(f: Fixture): Promise<string> {
  await f.post(`@${f.me.account.username} psst`, f.bob, "direct");
  const list = await api(
    f.instance,
    f.me.token,
    "GET",
    "/api/v1/conversations?limit=1",
  );
  return list.body[0].id;
}

async function keyword(f: Fixture): Promise<string> {
  const filter = await fresh.filterV2(f);
  const list = await api(
    f.instance,
    f.me.token,
    "GET",
    `/api/v2/filters/${filter}/keywords`,
  );
  return list.body[0].id;
}

async function filterStatus(f: Fixture): Promise<string> {
  const filter = await fresh.filterV2(f);
  return String(
    (await f.json("POST", `/api/v2/filters/${filter}/statuses`, {
      status_id: await f.post("Hide me", f.bob),
    })).id,
  );
}

async function scheduled(f: Fixture): Promise<string> {
  return String(
    (await f.json("POST", "/api/v1/statuses", {
      status: "Later",
      scheduled_at: inHours(2),
    })).id,
  );
}

function inHours(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}

async function imageForm(): Promise<FormData> {
  const form = new FormData();
  form.append(
    "file",
    new Blob([(await smallPng()).slice()], { type: "image/png" }),
    "heron.png",
  );
  return form;
}

interface Operation {
  key: string;
  method: string;
  template: string;
  /** Documented statuses with a JSON body schema. */
  jsonStatuses: Set<number>;
}

async function operations(): Promise<Operation[]> {
  const document = JSON.parse(await Deno.readTextFile(DOCUMENT_PATH)) as {
    paths: Record<
      string,
      Record<
        string,
        {
          responses?: Record<
            string,
            { content?: Record<string, { schema?: unknown }> }
          >;
        }
      >
    >;
  };
  const found: Operation[] = [];
  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const jsonStatuses = new Set(
        Object.entries(operation.responses ?? {})
          .filter(([, r]) => r.content?.["application/json"]?.schema)
          .map(([status]) => Number(status)),
      );
      found.push({
        key: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        jsonStatuses,
      });
    }
  }
  return found;
}

Deno.test("every documented Mastodon API operation answers as Mastodon and matches its schema", async () => {
  const instance = await startTestInstance();
  try {
    const f = await seed(instance);
    const failures: string[] = [];
    let walked = 0;
    for (const op of await operations()) {
      if (op.key in EXCLUDED) continue;
      walked++;
      try {
        await walk(f, op);
      } catch (error) {
        failures.push(
          `${op.key}: ${
            (error as Error).message.split("\n").slice(0, 6).join("\n  ")
          }`,
        );
      }
    }
    assert.ok(walked > 150, `walked ${walked} operations`);
    assert.deepEqual(failures, [], failures.join("\n"));
  } finally {
    await instance.close();
  }
});

async function walk(f: Fixture, op: Operation): Promise<void> {
  const spec = SPECS[op.key];
  const call: Call = spec
    ? await spec(f)
    : { path: await defaultPath(f, op.method, op.template) };
  assert.doesNotMatch(call.path, /\{/, `a path parameter is left unfilled`);
  const headers: Record<string, string> = {};
  const token = call.token === undefined ? f.me.token : call.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (call.form) body = call.form;
  else if (call.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(call.body);
  }
  const response = await f.instance.fetch(call.path, {
    method: op.method,
    headers,
    body,
    redirect: "manual",
  });
  const type = response.headers.get("content-type") ?? "";
  if (type.startsWith("text/event-stream")) {
    await response.body?.cancel();
    assert.equal(response.status, 200);
    return;
  }
  const text = await response.text();
  assert.ok(
    ![404, 405, 501].includes(response.status),
    `${response.status} ${text.slice(0, 200)}`,
  );
  if (call.expect !== undefined) {
    assert.equal(response.status, call.expect, text.slice(0, 200));
    return;
  }
  assert.ok(
    response.status < 400,
    `${response.status} ${text.slice(0, 300)}`,
  );
  const slip = DOCUMENT_SLIPS[op.key];
  if (slip) {
    await slip(JSON.parse(text));
  } else if (
    response.status >= 200 && response.status < 300 &&
    op.jsonStatuses.has(response.status) && type.includes("json")
  ) {
    await assertResponseMatches(
      op.method,
      op.template,
      response.status,
      groupIdsAsDocumented(JSON.parse(text)),
    );
  }
}

interface SeededIds {
  myStatus: string;
  poll: string;
  announcement: string;
  tag: string;
  list: string;
  clientId: string;
  clientSecret: string;
  pushSubscription: unknown;
}

async function seed(instance: TestInstance): Promise<Fixture> {
  const me = await createUserWithToken(instance, "walker", { locked: true });
  const bob = await createUserWithToken(instance, "bob");
  await follow(instance, me, bob);
  await follow(instance, bob, me);
  let strangers = 0;
  const json = async (
    method: string,
    path: string,
    body?: unknown,
    by: TestUser = me,
  ) => {
    const res = await api(instance, by.token, method, path, body);
    assert.ok(
      res.status < 300,
      `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`,
    );
    return res.body as Record<string, unknown>;
  };
  const post = async (
    text = "By the lake #herons https://birds.example/herons",
    by: TestUser = me,
    visibility = "public",
  ) =>
    String(
      (await json("POST", "/api/v1/statuses", { status: text, visibility }, by))
        .id,
    );
  const sql = instance.deps.sql;
  await sql`INSERT INTO terms_of_service (text, effective_date)
            VALUES ('Be kind.', '2024-01-01')`;
  await sql`INSERT INTO instance_settings (key, value)
            VALUES ('show_domain_blocks', ${sql.json("users" as never)})`;
  const [announcement] = await sql<{ id: string }[]>`
    INSERT INTO announcements (text, published_at) VALUES ('Welcome!', now())
    RETURNING id`;
  const myStatus = await post();
  const poll = await json("POST", "/api/v1/statuses", {
    status: "Herons or egrets?",
    poll: { options: ["Herons", "Egrets"], expires_in: 3600 },
  }, bob);
  const tag = await json("GET", "/api/v1/tags/herons");
  const app = await json("POST", "/api/v1/apps", {
    client_name: "Walker",
    redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
    scopes: "read write",
  });
  const receiver = startPushReceiver(instance.deps.vapid.publicKey);
  await receiver.close();
  // Not strictly a follow-request fixture: makes a filtered request possible.
  await json("PATCH", "/api/v2/notifications/policy", {
    for_not_following: "filter",
  });
  const ids: SeededIds = {
    myStatus,
    poll: String((poll.poll as { id: string }).id),
    announcement: String(announcement.id),
    tag: String(tag.id),
    list: "",
    clientId: String(app.client_id),
    clientSecret: String(app.client_secret),
    pushSubscription: {
      subscription: { endpoint: receiver.endpoint, keys: receiver.keys },
      data: { alerts: { mention: true } },
    },
  };
  const fixture = {
    instance,
    me,
    bob,
    ids,
    json,
    post,
    stranger: () => createUserWithToken(instance, `stranger${++strangers}`),
  };
  ids.list = await fresh.list(fixture);
  assert.ok(
    MASTODON_API_VERSION < 7,
    "quote posts would no longer be excluded",
  );
  return fixture;
}
