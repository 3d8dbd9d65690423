/**
 * A user deletes their own account from the settings page: the password confirms it, their
 * tokens stop at once, signing in meanwhile offers only to cancel (which restores the account),
 * and once the grace period is over the daily job deletes it: Delete(Person) reaches the other
 * instance, which removes her, and her username stays taken. The grace period's end is played
 * by handing the job a later "now".
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import { signInBrowser } from "../helpers/oauth.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import * as relationships from "../../lib/domain/relationships.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import {
  ACCOUNT_DELETION_GRACE_DAYS,
  deleteDueAccounts,
} from "../../lib/domain/account-deletion.ts";
import { findAccountByUri } from "../../lib/db/federation.ts";
import type { AccountRow } from "../../lib/db/accounts.ts";
import { eventually } from "./helpers.ts";

const AFTER_GRACE = () =>
  new Date(Date.now() + (ACCOUNT_DELETION_GRACE_DAYS + 1) * 24 * 3600 * 1000);

Deno.test({
  name:
    "self-service deletion: password, tokens end, cancel restores, then the job deletes and B hears it",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      const alice = await createUserWithToken(a, "alice");
      const bob = await createUserWithToken(b, "bob");
      const aliceOnB = (await resolveRemote(b.deps, `${a.origin}/users/alice`))
        .account as AccountRow;
      await relationships.follow(b.deps, bob.account, aliceOnB);
      await eventually("bob follows alice", async () => {
        const [row] = await b.deps.sql`SELECT 1 FROM follows
          WHERE account_id = ${bob.account.id} AND target_account_id = ${aliceOnB.id}`;
        return Boolean(row);
      });
      const post = await createStatus(a.deps, alice, {
        status: "Soon gone",
        visibility: "public",
      });
      await eventually("alice's post on B", async () => {
        const [row] = await b.deps
          .sql`SELECT 1 FROM statuses WHERE uri = ${post.uri}`;
        return Boolean(row);
      });

      const requestDeletion = async () => {
        const browser = await signInBrowser(a, "alice");
        const form = await browser.page("/settings/delete");
        assert.equal(form.status, 200);
        const wrong = await browser.post("/settings/delete", {
          _csrf: form.csrf,
          password: "not my password",
        });
        assert.equal(wrong.status, 422);
        assert.match(await wrong.text(), /Current password is wrong/);
        const done = await browser.post("/settings/delete", {
          _csrf: form.csrf,
          password: "a good password",
        });
        assert.equal(done.status, 303);
        assert.match(done.headers.get("location")!, /deletion_requested/);
        await done.body?.cancel();
        // Signed out here, and the app's token is refused at once.
        const home = await browser.request("/home");
        assert.notEqual(home.status, 200);
        await home.body?.cancel();
      };

      await requestDeletion();
      const refused = await apiFetch(
        a,
        alice.token,
        "/api/v1/accounts/verify_credentials",
      );
      assert.equal(refused.status, 401);
      await refused.body?.cancel();

      // Signing in again within the grace period leads to the cancel page only.
      const again = await signInBrowser(a, "alice");
      const redirected = await again.request("/home");
      assert.equal(redirected.status, 303);
      assert.equal(redirected.headers.get("location"), "/settings/delete");
      await redirected.body?.cancel();
      const cancelPage = await again.page("/settings/delete");
      assert.match(cancelPage.html, /Your account will be deleted on/);
      const posting = await again.post("/compose", { _csrf: cancelPage.csrf });
      assert.equal(posting.status, 403);
      await posting.body?.cancel();
      const cancelled = await again.post("/settings/delete", {
        _csrf: cancelPage.csrf,
      });
      assert.equal(cancelled.status, 303);
      await cancelled.body?.cancel();
      const home = await again.request("/home");
      assert.equal(home.status, 200, "the account is usable again");
      await home.body?.cancel();
      assert.equal(await deleteDueAccounts(a.deps, AFTER_GRACE()), 0);

      // Asked again, and this time left to the job.
      await requestDeletion();
      assert.equal(await deleteDueAccounts(a.deps, new Date()), 0, "not yet");
      assert.equal(await deleteDueAccounts(a.deps, AFTER_GRACE()), 1);
      const [gone] = await a.deps
        .sql`SELECT 1 FROM accounts WHERE id = ${alice.account.id}`;
      assert.equal(gone, undefined, "alice is deleted on A");
      const [postGone] = await a.deps
        .sql`SELECT 1 FROM statuses WHERE uri = ${post.uri}`;
      assert.equal(postGone, undefined, "her posts went with her");
      await assert.rejects(
        signUp(a.deps.sql, {
          username: "alice",
          email: "someone-else@example.com",
          password: "a good password",
        }, { registrations: "open" }),
        /Username has already been taken/,
      );
      const actor = await fetch(`${a.origin}/users/alice`, {
        headers: { accept: "application/activity+json" },
      });
      await actor.body?.cancel();
      assert.equal(actor.status, 410, "her actor is gone, not unknown");

      await eventually(
        "alice gone from B",
        async () => !await findAccountByUri(b.deps.sql, aliceOnB.uri!),
      );
      const [postOnB] = await b.deps
        .sql`SELECT 1 FROM statuses WHERE uri = ${post.uri}`;
      assert.equal(postOnB, undefined, "her post went from B too");
    } finally {
      await a.close();
      await b.close();
    }
  },
});
