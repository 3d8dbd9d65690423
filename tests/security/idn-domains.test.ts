/**
 * Rule: domains are compared in punycode, lowercase. `bob@Bücher.example`,
 * `bob@bücher.example` and `bob@xn--bcher-kva.example` are one account wherever an address is
 * typed (lookup, search, the web profile URL, mentions) — never a second account or a miss that
 * a look-alike could exploit.
 */
import assert from "node:assert/strict";
import { Person } from "@fedify/vocab";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import { persistActor } from "../../lib/federation/remote-accounts.ts";

Deno.test({
  name:
    "IDN addresses find the punycode account in lookup, search, web and mentions",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const ctx = (await instance.deps.federation()).createContext(
        new URL(instance.origin),
        instance.deps,
      );
      const bob = await persistActor(
        ctx,
        new Person({
          id: new URL("https://bücher.example/users/bob"),
          preferredUsername: "bob",
          inbox: new URL("https://bücher.example/users/bob/inbox"),
        }),
      );
      assert.ok(bob);
      assert.equal(bob.domain, "xn--bcher-kva.example", "stored in punycode");
      const spellings = [
        "bob@bücher.example",
        "bob@BÜCHER.Example",
        "bob@xn--bcher-kva.example",
        "@bob@bücher.example",
      ];
      for (const acct of spellings) {
        const res = await apiFetch(
          instance,
          alice.token,
          `/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`,
        );
        assert.equal(res.status, 200, `lookup ${acct}`);
        assert.equal((await res.json()).id, bob.id, `lookup ${acct}`);
        const search = await apiFetch(
          instance,
          alice.token,
          `/api/v2/search?type=accounts&q=${encodeURIComponent(acct)}`,
        );
        const ids = (await search.json()).accounts.map((a: { id: string }) =>
          a.id
        );
        assert.ok(ids.includes(bob.id), `search ${acct}`);
        const page = await instance.fetch(
          `/@${encodeURIComponent(acct.replace(/^@/, ""))}`,
        );
        await page.body?.cancel();
        assert.equal(page.status, 200, `web profile ${acct}`);
      }
      const post = await apiFetch(instance, alice.token, "/api/v1/statuses", {
        body: { status: "hello @bob@bücher.example", visibility: "direct" },
      });
      assert.equal(post.status, 200);
      const mentions = (await post.json()).mentions.map((m: { id: string }) =>
        m.id
      );
      assert.deepEqual(mentions, [bob.id], "the mention is bob");
      const [{ n }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM accounts WHERE username = 'bob'`;
      assert.equal(n, 1, "no second bob");
    } finally {
      await instance.close();
    }
  },
});
