/**
 * Blocklist subscriptions, the rules:
 * - a subscribed list (Mastodon's CSV, a JSON array, plain text) is fetched at once through the
 *   SSRF guard; its changes wait as drafts unless the subscription applies them automatically;
 * - approving applies the ticked drafts (blocks made, audit-logged); rejecting keeps a change
 *   out until the list proposes something else;
 * - a domain the list drops is unblocked (a draft, or at once when automatic);
 * - a domain blocked by hand is never changed by a list;
 * - a list that fails (HTTP error, empty) changes nothing and says why;
 * - only `manage_federation` may manage subscriptions.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createStaff } from "./helpers.ts";
import {
  approveDrafts,
  createDomainBlock,
  getSubscription,
  loadActor,
  refreshSubscription,
  rejectDrafts,
  subscribe,
} from "../../lib/moderation/mod.ts";
import { DomainError } from "../../lib/domain/errors.ts";

/** A list server on loopback whose answer the test changes between fetches. */
function startListServer() {
  const state = { body: "", status: 200, type: "text/csv" };
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    () =>
      new Response(state.body, {
        status: state.status,
        headers: { "content-type": state.type },
      }),
  );
  return {
    state,
    url: (path: string) => `http://127.0.0.1:${server.addr.port}${path}`,
    close: () => server.shutdown(),
  };
}

Deno.test("blocklist subscriptions: drafts, approval, rejection, removal, hand-made blocks win", async () => {
  const instance = await startTestInstance();
  const lists = startListServer();
  try {
    const { deps } = instance;
    const admin = await createStaff(instance, "olga", "admin");
    const actor = await loadActor(deps.sql, admin.user);
    const blocks = async () =>
      (await deps.sql<{ d: string }[]>`
        SELECT domain || ' ' || severity ||
               CASE WHEN subscription_id IS NULL THEN ' (by hand)' ELSE '' END AS d
        FROM domain_blocks ORDER BY domain`).map((r) => r.d);

    await createDomainBlock(deps, actor, "mine.example", {
      severity: "silence",
    });
    lists.state.body = [
      "#domain,#severity,#reject_media,#public_comment",
      "spam.example,suspend,true,spam",
      "rude.example,silence,false,",
      "mine.example,suspend,false,",
      "not a domain,suspend,false,",
    ].join("\n");
    const sub = await subscribe(deps, actor, {
      url: lists.url("/list.csv"),
      autoApply: false,
    });
    assert.match(sub.fetch_error ?? "", /1 line\(s\) skipped: line 5/);
    let { drafts } = await getSubscription(deps.sql, actor, sub.id);
    assert.deepEqual(
      drafts.map((d) => `${d.domain} ${d.action} ${d.severity}`),
      ["rude.example create silence", "spam.example create suspend"],
      "the hand-made block of mine.example is not proposed",
    );
    assert.deepEqual(await blocks(), ["mine.example silence (by hand)"]);

    assert.equal(
      await approveDrafts(deps, actor, sub.id, ["spam.example"]),
      1,
    );
    await rejectDrafts(deps.sql, actor, sub.id, ["rude.example"]);
    assert.deepEqual(await blocks(), [
      "mine.example silence (by hand)",
      "spam.example suspend",
    ]);
    const [logged] = await deps.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM admin_action_logs
      WHERE target_type = 'DomainBlock' AND human_identifier LIKE 'spam.example (%'`;
    assert.equal(logged.n, 1, "the applied draft is in the audit log");

    // Fetched again unchanged: the rejected draft stays rejected, nothing new is pending.
    await refreshSubscription(deps, sub.id);
    ({ drafts } = await getSubscription(deps.sql, actor, sub.id));
    assert.deepEqual(
      drafts.map((d) => `${d.domain} ${d.rejected ? "rejected" : "pending"}`),
      ["rude.example rejected"],
    );

    // The list drops spam.example and changes rude.example: an unblock and a new proposal.
    lists.state.body = "#domain,#severity\nrude.example,suspend\n";
    await refreshSubscription(deps, sub.id);
    ({ drafts } = await getSubscription(deps.sql, actor, sub.id));
    assert.deepEqual(
      drafts.map((d) => `${d.domain} ${d.action} ${d.rejected}`),
      ["rude.example create false", "spam.example delete false"],
    );
    await approveDrafts(deps, actor, sub.id);
    assert.deepEqual(await blocks(), [
      "mine.example silence (by hand)",
      "rude.example suspend",
    ]);

    // A failing list changes nothing and says why.
    lists.state.status = 503;
    assert.match(
      (await refreshSubscription(deps, sub.id)) ?? "",
      /HTTP 503/,
    );
    lists.state.status = 200;
    lists.state.body = "# nothing here\n";
    assert.match(
      (await refreshSubscription(deps, sub.id)) ?? "",
      /no domain/,
    );
    ({ drafts } = await getSubscription(deps.sql, actor, sub.id));
    assert.deepEqual(drafts, []);
    assert.deepEqual(await blocks(), [
      "mine.example silence (by hand)",
      "rude.example suspend",
    ]);

    // A Moderator (no manage_federation) may not subscribe.
    const moderator = await createStaff(instance, "milo", "moderator");
    await assert.rejects(
      subscribe(deps, await loadActor(deps.sql, moderator.user), {
        url: lists.url("/other"),
        autoApply: true,
      }),
      (e: unknown) => e instanceof DomainError && e.kind === "forbidden",
    );
  } finally {
    await lists.close();
    await instance.close();
  }
});

Deno.test("blocklist subscriptions: JSON and plain-text lists applied automatically", async () => {
  const instance = await startTestInstance();
  const lists = startListServer();
  try {
    const { deps } = instance;
    const admin = await createStaff(instance, "olga", "admin");
    const actor = await loadActor(deps.sql, admin.user);
    const blocks = async () =>
      (await deps.sql<{ d: string }[]>`
        SELECT domain || ' ' || severity || ' ' || coalesce(public_comment, '-') AS d
        FROM domain_blocks ORDER BY domain`).map((r) => r.d);

    // Mastodon's public /api/v1/instance/domain_blocks shape (an obfuscated entry is skipped).
    lists.state.type = "application/json";
    lists.state.body = JSON.stringify([
      { domain: "a.example", digest: "x", severity: "silence", comment: "ads" },
      { domain: "b.exa*le", digest: "y", severity: "suspend", comment: null },
    ]);
    const json = await subscribe(deps, actor, {
      url: lists.url("/blocks.json"),
      autoApply: true,
    });
    assert.match(json.fetch_error ?? "", /obfuscated/);
    assert.deepEqual(await blocks(), ["a.example silence ads"]);

    lists.state.type = "text/plain";
    lists.state.body = "# my list\nc.example\nd.example # trolls\n";
    await subscribe(deps, actor, {
      url: lists.url("/plain.txt"),
      autoApply: true,
    });
    assert.deepEqual(await blocks(), [
      "a.example silence ads",
      "c.example suspend -",
      "d.example suspend -",
    ]);

    // The JSON list drops a.example: automatic subscriptions unblock it at once.
    lists.state.type = "application/json";
    lists.state.body = JSON.stringify([{ domain: "e.example" }]);
    await refreshSubscription(deps, json.id);
    assert.deepEqual(await blocks(), [
      "c.example suspend -",
      "d.example suspend -",
      "e.example suspend -",
    ]);
  } finally {
    await lists.close();
    await instance.close();
  }
});
