import assert from "node:assert/strict";
import { App } from "./mod.ts";
import manifest from "./testdata/fresh.gen.ts";
import type { State } from "./testdata/utils.ts";

function makeApp() {
  const app = new App<State>();
  app.fsRoutes(manifest);
  return { app, handle: app.handler() };
}

async function get(path: string, init?: RequestInit) {
  const { handle } = makeApp();
  const response = await handle(new Request("http://localhost" + path, init));
  return { response, text: await response.text() };
}

Deno.test("renders a page as HTML inside layouts and _app", async () => {
  const { response, text } = await get("/");
  assert.equal(response.status, 200);
  assert.equal(
    response.headers.get("content-type"),
    "text/html; charset=utf-8",
  );
  assert.ok(text.startsWith("<!DOCTYPE html><html>"), text);
  assert.match(
    text,
    /<main data-app="true"><div class="root-layout"><h1>Home<\/h1><\/div><\/main>/,
  );
});

Deno.test("static segments match before dynamic ones, rest last", async () => {
  assert.match((await get("/posts/new")).text, /class="static"/);
  assert.match((await get("/posts/42")).text, /post=42/);
  assert.match((await get("/docs/intro")).text, /slug=intro/);
  assert.match((await get("/docs/a/b/c")).text, /path=a\/b\/c/);
  assert.match((await get("/docs")).text, /class="rest">path=</);
  // `/about` is not a file: it falls to the root `[id]` route.
  const { text } = await get("/about");
  assert.match(text, /id=about/);
  assert.match(text, /data-route="\/:id"/);
});

Deno.test("params are URI-decoded; malformed encoding is a 400", async () => {
  assert.match((await get("/posts/caf%C3%A9%20x")).text, /post=café x/);
  assert.equal((await get("/posts/%E0%A4%A")).response.status, 400);
});

Deno.test("mixed segments: @[username] and @[username]/[id]", async () => {
  assert.match((await get("/@alice")).text, /user=alice/);
  assert.match((await get("/@alice/123")).text, /user=alice status=123/);
  assert.match((await get("/%40bob")).text, /user=bob|id=@bob/);
});

Deno.test("a suffix after a param: /@[username].rss before /@[username], in any file order", async () => {
  for (const order of ["sorted", "reversed"]) {
    const app = new App<State>();
    const entries = Object.entries(manifest.routes);
    app.fsRoutes({
      ...manifest,
      routes: Object.fromEntries(
        order === "sorted" ? entries : entries.reverse(),
      ),
    });
    const handle = app.handler();
    const feed = await handle(new Request("http://localhost/@alice.rss"));
    assert.equal(await feed.text(), "feed=alice", order);
    const profile = await handle(new Request("http://localhost/@alice"));
    assert.match(await profile.text(), /user=alice</, order);
  }
});

Deno.test("a trailing slash matches the same route (no redirect)", async () => {
  const { response, text } = await get("/posts/new/");
  assert.equal(response.status, 200);
  assert.match(text, /class="static"/);
});

Deno.test("(group) folders are not part of the URL but scope layouts", async () => {
  const { text } = await get("/pricing");
  assert.match(
    text,
    /<div class="root-layout"><section class="marketing-layout"><p class="pricing">/,
  );
});

Deno.test("skipInheritedLayouts and skipAppWrapper", async () => {
  const bare = (await get("/bare")).text;
  assert.match(
    bare,
    /<main data-app="true"><div class="bare-layout"><p class="bare">/,
  );
  assert.doesNotMatch(bare, /root-layout/);
  const raw = (await get("/raw")).text;
  assert.equal(raw, '<!DOCTYPE html><p class="raw">raw</p>');
});

Deno.test("middlewares run outer → inner and share ctx.state", async () => {
  const { response, text } = await get("/admin");
  assert.match(text, /root>admin1>admin2/);
  assert.equal(response.headers.get("x-root-middleware"), "root,admin1,admin2");
  // The admin middlewares don't run outside admin/.
  const other = await get("/posts/new");
  assert.equal(other.response.headers.get("x-root-middleware"), "root");
});

Deno.test("app.use() middlewares run before file middlewares", async () => {
  const app = new App<State>();
  const seen: string[] = [];
  app.use(async (ctx) => {
    seen.push("app");
    const response = await ctx.next();
    seen.push(`after:${ctx.state.trail.join(",")}`);
    return response;
  });
  app.fsRoutes(manifest);
  await app.handler()(new Request("http://localhost/admin"));
  assert.deepEqual(seen, ["app", "after:root,admin1,admin2"]);
});

Deno.test("handler page(data, init) renders an async page with status and headers", async () => {
  const { response, text } = await get("/greet?name=Ann");
  assert.equal(response.status, 203);
  assert.equal(response.headers.get("x-greet"), "yes");
  assert.match(text, /hello Ann/);
  assert.match(text, /<title>Greeting<\/title>/);
});

Deno.test("HttpError renders the nearest _error page with its status", async () => {
  const { response, text } = await get("/admin/secret");
  assert.equal(response.status, 404);
  assert.match(text, /admin error 404/);
  assert.match(text, /<main data-app="true">/); // still inside _app
});

Deno.test("an unmatched URL renders the root _error with 404", async () => {
  const { response, text } = await get("/posts/1/2/3");
  assert.equal(response.status, 404);
  assert.match(text, /class="root-error">404 Not Found/);
});

Deno.test("other errors are 500 and logged", async () => {
  const original = console.error;
  const logged: unknown[] = [];
  console.error = (...args: unknown[]) => logged.push(args);
  try {
    const { response, text } = await get("/admin/boom");
    assert.equal(response.status, 500);
    assert.match(text, /admin error 500/);
    assert.equal(logged.length, 1);
  } finally {
    console.error = original;
  }
});

Deno.test("405 with Allow for a missing method; API routes", async () => {
  const ok = await get("/api/items");
  assert.deepEqual(JSON.parse(ok.text), { items: [1, 2], route: "/api/items" });
  assert.equal(
    (await get("/api/items", { method: "POST" })).response.status,
    201,
  );
  const { response } = await get("/api/items", { method: "DELETE" });
  assert.equal(response.status, 405);
  assert.equal(response.headers.get("allow"), "GET, HEAD, POST");
  const page = await get("/posts/new", { method: "POST" });
  assert.equal(page.response.status, 405);
  assert.equal(page.response.headers.get("allow"), "GET, HEAD");
});

Deno.test("HEAD falls back to GET without a body", async () => {
  const api = await get("/api/items", { method: "HEAD" });
  assert.equal(api.response.status, 200);
  assert.equal(api.text, "");
  assert.equal(api.response.headers.get("content-type"), "application/json");
  const html = await get("/", { method: "HEAD" });
  assert.equal(html.response.status, 200);
  assert.equal(html.text, "");
  const missing = await get("/nope/at/all", { method: "HEAD" });
  assert.equal(missing.response.status, 404);
  assert.equal(missing.text, "");
});

Deno.test("redirect refuses to leave the site", async () => {
  const cases: [string, string][] = [
    ["/home", "/home"],
    ["//evil.com", "/evil.com"],
    ["/\\evil.com", "/evil.com"],
    ["/\t/evil.com", "/evil.com"],
    ["https://evil.com/x?y=1", "/x?y=1"],
    ["http://localhost/ok#top", "/ok#top"],
    ["javascript:alert(1)", "/"],
  ];
  for (const [to, expected] of cases) {
    const { response } = await get("/go?to=" + encodeURIComponent(to));
    assert.equal(response.status, 302);
    assert.equal(response.headers.get("location"), expected, to);
  }
});

Deno.test("code routes: app.get() with params", async () => {
  const app = new App();
  app.get(
    "/hello/:name",
    (ctx) => new Response(`hi ${ctx.params.name} ${ctx.route}`),
  );
  const response = await app.handler()(
    new Request("http://localhost/hello/J%C3%BC"),
  );
  assert.equal(await response.text(), "hi Jü /hello/:name");
  const missing = await app.handler()(new Request("http://localhost/other"));
  assert.equal(missing.status, 404);
  await missing.body?.cancel();
});

Deno.test("a page without islands ships no script", async () => {
  const { text } = await get("/");
  assert.doesNotMatch(text, /<script/);
});

Deno.test("a page is imported at its first request, once, and again after a failed import", async () => {
  let imports = 0;
  let failNext = true;
  const app = new App<State>();
  app.fsRoutes({
    ...manifest,
    routes: {
      ...manifest.routes,
      "./routes/lazy.ts": () => {
        imports++;
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error("module failed to load"));
        }
        return Promise.resolve({
          handler: () => new Response("lazy page"),
        });
      },
    },
  });
  const handle = app.handler();
  assert.equal(imports, 0, "nothing imported before a request");
  const failed = await handle(new Request("http://localhost/lazy"));
  await failed.body?.cancel();
  assert.equal(failed.status, 500);
  const [a, b] = await Promise.all([
    handle(new Request("http://localhost/lazy")),
    handle(new Request("http://localhost/lazy")),
  ]);
  assert.equal(await a.text(), "lazy page");
  assert.equal(await b.text(), "lazy page");
  assert.equal(imports, 2, "one failed import, then one for both requests");
});
