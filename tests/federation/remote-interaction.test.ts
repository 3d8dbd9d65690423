/**
 * Interacting from another server (Mastodon's remote interaction, FEP-3b86), between two real
 * instances over HTTP: a signed-out visitor of A's post gives their handle on B, A reads B's
 * WebFinger and sends them to B's `/authorize_interaction`, where (signed in on B) the post is
 * fetched from A and shown with its actions; the same for following A's user. Each instance
 * advertises its templates in WebFinger; a handle whose server names none gets a message.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { FormClient } from "../helpers/forms.ts";
import { createStatus } from "../../lib/domain/statuses.ts";

Deno.test({
  name:
    "remote interaction: from a post on A to the same post on B, through B's WebFinger",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      const alice = await createUserWithToken(a, "alice");
      await createUserWithToken(b, "bob");
      const post = await createStatus(a.deps, alice, {
        status: "Tomatoes are ripe",
      });
      const bHost = new URL(b.origin).host;

      // B's WebFinger says where its users act on things seen elsewhere.
      const jrd = await (await b.fetch(
        `/.well-known/webfinger?resource=acct:bob@${bHost}`,
      )).json();
      const templates = Object.fromEntries(
        jrd.links.filter((l: { template?: string }) => l.template)
          .map((l: { rel: string; template: string }) => [l.rel, l.template]),
      );
      assert.equal(
        templates["http://ostatus.org/schema/1.0/subscribe"],
        `${b.origin}/authorize_interaction?uri={uri}`,
      );
      assert.equal(
        templates["https://w3id.org/fep/3b86/Like"],
        `${b.origin}/authorize_interaction?uri={object}`,
      );

      // A signed-out visitor of alice's post on A: the favourite count leads to the handle form.
      const visitor = new FormClient(a.origin);
      const postPage = await visitor.page(`/@alice/${post.id}`);
      const favourite = /href="(\/interact\?intent=favourite&amp;uri=[^"]+)"/
        .exec(postPage.html)?.[1]?.replaceAll("&amp;", "&");
      assert.ok(favourite, "the post offers to favourite it from elsewhere");
      const form = await visitor.page(favourite);
      assert.equal(form.status, 200);
      assert.match(form.html, /Favourite this post/);
      const sent = await visitor.post("/interact", {
        _csrf: form.csrf,
        intent: "favourite",
        uri: post.uri,
        handle: `@bob@${bHost}`,
      });
      assert.equal(sent.status, 303);
      const target = new URL(sent.headers.get("location")!);
      assert.equal(target.origin, b.origin);
      assert.equal(target.pathname, "/authorize_interaction");
      assert.equal(target.searchParams.get("uri"), post.uri);

      // Bob, signed in on B, opens it: B fetches the post from A and shows it with its actions.
      const bob = new FormClient(b.origin);
      const first = await bob.request(target.pathname + target.search);
      assert.equal(first.status, 302);
      assert.match(
        first.headers.get("location")!,
        /^\/auth\/sign_in\?return_to=/,
      );
      await first.body?.cancel();
      const signInPage = await bob.page("/auth/sign_in");
      const signedIn = await bob.post("/auth/sign_in", {
        _csrf: signInPage.csrf,
        login: "bob",
        password: "a good password",
        return_to: target.pathname + target.search,
      });
      assert.equal(signedIn.status, 303);
      await signedIn.body?.cancel();
      const opened = await bob.request(target.pathname + target.search);
      assert.equal(opened.status, 303);
      const local = opened.headers.get("location")!;
      await opened.body?.cancel();
      assert.match(local, new RegExp(`^/@alice@localhost(:\\d+)?/\\d+$`));
      const shown = await bob.page(local);
      assert.equal(shown.status, 200);
      assert.match(shown.html, /Tomatoes are ripe/);
      assert.match(shown.html, /aria-label="Favourite"|>Favourite</);

      // Following alice from her profile on A goes the same way, to her profile on B.
      const profile = await visitor.page("/@alice");
      const followLink = /href="(\/interact\?intent=follow&amp;uri=[^"]+)"/
        .exec(profile.html)?.[1]?.replaceAll("&amp;", "&");
      assert.ok(followLink, "the profile offers to follow from elsewhere");
      const followForm = await visitor.page(followLink);
      const followSent = await visitor.post("/interact", {
        _csrf: followForm.csrf,
        intent: "follow",
        uri: `${a.origin}/@alice`,
        handle: `bob@${bHost}`,
      });
      assert.equal(followSent.status, 303);
      const followTarget = new URL(followSent.headers.get("location")!);
      const toProfile = await bob.request(
        followTarget.pathname + followTarget.search,
      );
      assert.equal(toProfile.status, 303);
      assert.match(
        toProfile.headers.get("location")!,
        /^\/@alice@localhost(:\d+)?$/,
      );
      await toProfile.body?.cancel();

      // A handle nobody answers for: a message, and the form again.
      const refused = await visitor.post("/interact", {
        _csrf: form.csrf,
        intent: "favourite",
        uri: post.uri,
        handle: `nobody@${bHost}`,
      });
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /didn(&#39;|')t tell us where/);
    } finally {
      await b.close();
      await a.close();
    }
  },
});
