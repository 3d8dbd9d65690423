/**
 * Rule: no cache keeps a page rendered for a signed-in person. Such a page carries their API
 * token (`<meta name="starling-token">`, for the islands), their timeline, notifications and
 * settings; a shared proxy or the browser's disk must not hand it to anyone later. So every HTML
 * response to a request with a session cookie — error pages too — is
 * `Cache-Control: private, no-store` with `Vary: Cookie`. Files that are the same for everyone
 * (island scripts) keep their long public caching.
 *
 * Rule: the page's token is the session's. It can do what the islands do (read, post, follow)
 * and no more (no `push`), and signing out ends it.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { signedInBrowser } from "../helpers/oauth.ts";
import { FormClient } from "../helpers/forms.ts";
import { apiFetch } from "../helpers/users.ts";

function pageToken(html: string): string | null {
  return /<meta name="starling-token" content="([^"]+)"/.exec(html)?.[1] ??
    null;
}

Deno.test("a page rendered for a signed-in person is private, not stored, and varies by cookie", async () => {
  const instance = await startTestInstance();
  try {
    const browser = await signedInBrowser(instance, "alice");
    const pages = [
      "/home",
      "/@alice",
      "/notifications",
      "/settings/profile",
      "/settings/preferences",
      "/settings/authorized_applications",
      "/public/local",
      "/search?q=alice",
      "/@nobody", // the error page, rendered outside the middleware chain
    ];
    for (const path of pages) {
      const response = await browser.request(path);
      const html = await response.text();
      assert.ok(pageToken(html), `${path} (${response.status}) has the token`);
      assert.equal(
        response.headers.get("cache-control"),
        "private, no-store",
        path,
      );
      assert.match(response.headers.get("vary") ?? "", /\bCookie\b/, path);
    }

    // The same page for an anonymous visitor has no token, and still varies by cookie.
    const anonymous = await new FormClient(instance.origin).request(
      "/public/local",
    );
    assert.equal(pageToken(await anonymous.text()), null);
    assert.match(anonymous.headers.get("vary") ?? "", /\bCookie\b/);

    // An island script, fetched with the session cookie: the same for everyone, cached long.
    const home = await (await browser.request("/home")).text();
    const script = /<script type="module" src="([^"]+)"/.exec(home)?.[1];
    assert.ok(script);
    const scriptResponse = await browser.request(script);
    await scriptResponse.body?.cancel();
    assert.match(scriptResponse.headers.get("cache-control") ?? "", /public/);
  } finally {
    await instance.close();
  }
});

Deno.test("the page's token does what the islands do, no more, and ends at sign-out", async () => {
  const instance = await startTestInstance();
  try {
    const browser = await signedInBrowser(instance, "alice");
    const home = await browser.page("/home");
    const token = pageToken(home.html)!;
    assert.ok(token);

    const me = await apiFetch(
      instance,
      token,
      "/api/v1/accounts/verify_credentials",
    );
    assert.equal(me.status, 200);
    assert.equal((await me.json()).username, "alice");
    const posted = await apiFetch(instance, token, "/api/v1/statuses", {
      body: { status: "from the page" },
    });
    await posted.body?.cancel();
    assert.equal(posted.status, 200);
    const push = await apiFetch(instance, token, "/api/v1/push/subscription");
    assert.equal(push.status, 403, "no push scope");
    assert.ok((await push.json()).error);

    const out = await browser.post("/auth/sign_out", { _csrf: home.csrf });
    await out.body?.cancel();
    assert.equal(out.status, 303);
    const after = await apiFetch(
      instance,
      token,
      "/api/v1/accounts/verify_credentials",
    );
    await after.body?.cancel();
    assert.equal(after.status, 401, "signing out ended the page's token");
  } finally {
    await instance.close();
  }
});
