/**
 * A follows file naming an account on another server: the import resolves it by WebFinger,
 * the Follow reaches that server and is accepted; an address that server doesn't know is a
 * failed row with the reason, shown on the import page.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { signedInClient } from "../helpers/forms.ts";
import { findAccountByUri } from "../../lib/db/federation.ts";
import { eventually } from "./helpers.ts";

Deno.test({
  name:
    "imports: following an account on another instance from a CSV file sends the Follow there",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      await createUserWithToken(a, "alice");
      const bob = await createUserWithToken(b, "bob");
      const bHost = new URL(b.origin).host;

      const web = await signedInClient(a.origin, "alice");
      const { csrf } = await web.page("/settings/import");
      const file =
        "Account address,Show boosts,Notify on new posts,Languages\n" +
        `bob@${bHost},false,true,en\n` +
        `nobody@${bHost},true,false,\n`;
      const response = await web.postMultipart("/settings/import", {
        _csrf: csrf,
        type: "following",
        mode: "merge",
        file: new File([file], "following_accounts.csv"),
      });
      assert.equal(response.status, 303);

      // B has alice as bob's follower (bob is not locked: B accepted at once).
      const aliceOnB = await eventually(
        "alice known on B",
        () => findAccountByUri(b.deps.sql, `${a.origin}/users/alice`),
      );
      await eventually("the follow arrived on B", async () => {
        const [row] = await b.deps.sql`
          SELECT 1 FROM follows
          WHERE account_id = ${aliceOnB.id} AND target_account_id = ${bob.account.id}`;
        return row;
      });
      // Back on A, the Accept turned the request into a follow with the file's options.
      const follow = await eventually("A's follow accepted", async () => {
        const [row] = await a.deps.sql<
          { show_reblogs: boolean; notify: boolean; languages: string[] }[]
        >`
          SELECT f.show_reblogs, f.notify, f.languages FROM follows f
          JOIN accounts t ON t.id = f.target_account_id
          WHERE t.uri = ${`${b.origin}/users/bob`}`;
        return row;
      });
      assert.deepEqual(
        { ...follow },
        { show_reblogs: false, notify: true, languages: ["en"] },
      );

      const html = await eventually("the import finished", async () => {
        const { html } = await web.page("/settings/import");
        return html.includes("Finished") && html;
      });
      assert.match(html, /2 of 2\s*rows processed, 1 failed/);
      assert.match(
        html,
        new RegExp(
          `<td>3</td><td>nobody@${bHost}</td><td>nobody@${bHost} was not found</td>`,
        ),
      );
    } finally {
      await a.close();
      await b.close();
    }
  },
});
