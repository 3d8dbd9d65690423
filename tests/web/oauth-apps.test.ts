/**
 * A third-party app's sign-in, finished in a real browser: the app opens `/oauth/authorize`, the
 * person signs in on the way, authorizes, and the browser takes the code to the app's redirect
 * URI — a web app on another origin (Elk, Phanpy), a custom scheme (Ivory, `elktest://`) or the
 * out-of-band page. Before that, the app's page reads the server's discovery documents across
 * origins, as Phanpy does before sign-in.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { options, watchProblems, withBrowser } from "./harness.ts";
import { PASSWORD } from "./seed.ts";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { postJson, registerApp } from "../helpers/oauth.ts";

const OOB = "urn:ietf:wg:oauth:2.0:oob";
const CUSTOM_SCHEME = "elktest://signed-in";

/** The app's own web origin: a page to run scripts from, and a callback that keeps each URL. */
function startAppOrigin() {
  const callbacks: URL[] = [];
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    (req) => {
      const url = new URL(req.url);
      if (url.pathname === "/callback") callbacks.push(url);
      return new Response("<!doctype html><title>App</title><p>App</p>", {
        headers: { "content-type": "text/html" },
      });
    },
  );
  const origin = `http://127.0.0.1:${server.addr.port}`;
  return { origin, redirectUri: `${origin}/callback`, callbacks, server };
}

function authorizeUrl(clientId: string, redirectUri: string, state: string) {
  return `/oauth/authorize?${new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "read write",
    state,
  })}`;
}

/** Exchanges a code as the app would and checks whose token it is. */
async function assertCodeWorks(
  instance: TestInstance,
  app: { client_id: string; client_secret: string },
  redirectUri: string,
  code: string | null,
) {
  assert.ok(code, "the app got a code");
  const token = await postJson(instance, "/oauth/token", {
    grant_type: "authorization_code",
    code,
    client_id: app.client_id,
    client_secret: app.client_secret,
    redirect_uri: redirectUri,
  });
  assert.equal(token.status, 200, JSON.stringify(token.body));
  const me = await instance.fetch("/api/v1/accounts/verify_credentials", {
    headers: { authorization: `Bearer ${token.body.access_token}` },
  });
  assert.equal((await me.json()).username, "alice");
}

async function clickAuthorize(page: Page) {
  await page.getByRole("heading", { name: "Authorize Test Client?" })
    .waitFor();
  await page.getByRole("button", { name: "Authorize" }).click();
}

Deno.test(
  "OAuth in the browser: the code reaches an app on another origin, a custom scheme and out of band",
  options,
  () =>
    withBrowser(async (browser, instance) => {
      const appSite = startAppOrigin();
      try {
        const context = await browser.newContext({ baseURL: instance.origin });
        // A tab per app, as each sign-in starts from its app; once a tab has set off to a custom
        // scheme, Chromium ignores its next form posts for a while.
        const problems: string[][] = [];
        const newTab = async () => {
          const tab = await context.newPage();
          problems.push(watchProblems(tab));
          return tab;
        };
        let page = await newTab();

        // Before sign-in, the app's page reads what Phanpy reads, from its own origin.
        await page.goto(appSite.origin);
        const discovery = await page.evaluate(async (server) => {
          const read = async (path: string) => {
            try {
              const response = await fetch(server + path);
              return `${response.status} ${(await response.text()).length > 0}`;
            } catch (error) {
              return String(error);
            }
          };
          return {
            hostMeta: await read("/.well-known/host-meta"),
            nodeinfoLinks: await read("/.well-known/nodeinfo"),
            nodeinfo: await read("/nodeinfo/2.1"),
            instance: await read("/api/v2/instance"),
          };
        }, instance.origin);
        assert.deepEqual(discovery, {
          hostMeta: "200 true",
          nodeinfoLinks: "200 true",
          nodeinfo: "200 true",
          instance: "200 true",
        });

        // A web app on another origin: signed out, so through the sign-in form first.
        const web = await registerApp(instance, appSite.redirectUri);
        await page.goto(
          authorizeUrl(web.client_id, appSite.redirectUri, "web 1"),
        );
        await page.getByLabel("Username or email").fill("alice");
        await page.getByLabel("Password").fill(PASSWORD);
        await page.getByRole("button", { name: "Sign in" }).click();
        await clickAuthorize(page);
        await page.waitForURL(`${appSite.redirectUri}?**`);
        assert.equal(appSite.callbacks.length, 1);
        const back = appSite.callbacks[0].searchParams;
        assert.equal(back.get("state"), "web 1");
        await assertCodeWorks(
          instance,
          web,
          appSite.redirectUri,
          back.get("code"),
        );

        // A native app's custom scheme: the browser sets off to it (and has no handler for it).
        const native = await registerApp(instance, CUSTOM_SCHEME);
        page = await newTab();
        await page.goto(
          authorizeUrl(native.client_id, CUSTOM_SCHEME, "native 2"),
        );
        const handedOver = page.waitForEvent(
          "request",
          (request) => request.url().startsWith("elktest:"),
        );
        await clickAuthorize(page);
        const nativeBack = new URL((await handedOver).url());
        assert.equal(nativeBack.searchParams.get("state"), "native 2");
        await assertCodeWorks(
          instance,
          native,
          CUSTOM_SCHEME,
          nativeBack.searchParams.get("code"),
        );

        // Deny goes back to the app too, with the error.
        page = await newTab();
        await page.goto(
          authorizeUrl(native.client_id, CUSTOM_SCHEME, "native 3"),
        );
        const denied = page.waitForEvent(
          "request",
          (request) => request.url().startsWith("elktest:"),
        );
        await page.getByRole("button", { name: "Deny" }).click();
        const deniedBack = new URL((await denied).url());
        assert.equal(deniedBack.searchParams.get("error"), "access_denied");
        assert.equal(deniedBack.searchParams.get("state"), "native 3");

        // Out of band: the code is shown to be copied.
        const oob = await registerApp(instance, OOB);
        page = await newTab();
        await page.goto(authorizeUrl(oob.client_id, OOB, "oob"));
        await clickAuthorize(page);
        const shown = await page.getByRole("textbox", {
          name: "Authorization code",
        })
          .inputValue();
        await assertCodeWorks(instance, oob, OOB, shown);

        assert.deepEqual(problems.flat(), []);
      } finally {
        await appSite.server.shutdown();
      }
    }),
);

Deno.test("pages other than the OAuth ones still post forms to this server only", async () => {
  const instance = await startTestInstance();
  try {
    for (const path of ["/auth/sign_in", "/auth/sign_up", "/public/local"]) {
      const response = await instance.fetch(path);
      await response.body?.cancel();
      assert.match(
        response.headers.get("content-security-policy") ?? "",
        /form-action 'self'/,
        path,
      );
    }
  } finally {
    await instance.close();
  }
});
