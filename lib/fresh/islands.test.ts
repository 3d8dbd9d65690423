import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { App, staticFiles } from "./mod.ts";
import { asset } from "./runtime.ts";
import { decodeIslandProps } from "./serialize.ts";
import manifest from "./testdata/fresh.gen.ts";
import type { State } from "./testdata/utils.ts";

const rootDir = fileURLToPath(new URL("./testdata/", import.meta.url));

function stateOf(html: string) {
  const match =
    /<script type="application\/json" id="__FRSH_STATE">(.*?)<\/script>/s
      .exec(html);
  assert.ok(match, "state script present");
  return JSON.parse(match[1]);
}

Deno.test("islands are marked and their props serialised (Date, URL, slots)", async () => {
  const app = new App<State>().fsRoutes(manifest);
  const html =
    await (await app.handler()(new Request("http://localhost/with-islands")))
      .text();
  assert.match(html, /<!--frsh:island:Counter:0:-->.*<!--\/frsh:island-->/s);
  assert.match(
    html,
    /<!--frsh:island:Counter_Label:1:--><span class="label">hi<\/span>/,
  );
  // Server render sees real Date and URL objects, and renders the children slot.
  assert.match(html, /true\/true/);
  assert.match(
    html,
    /<frsh-slot data-slot="0:0"><strong class="slot">server child<\/strong><\/frsh-slot>/,
  );
  // The hostile string can't close the script or open a comment.
  assert.equal(html.match(/<\/script/g)?.length, 1);
  const state = stateOf(html);
  assert.equal(state.islands.length, 2);
  const props = decodeIslandProps(state.islands[0].props, (id) => `slot ${id}`);
  assert.equal(props.start, 3);
  assert.ok(props.when instanceof Date);
  assert.equal((props.when as Date).toISOString(), "2024-05-06T07:08:09.000Z");
  assert.ok(props.link instanceof URL);
  assert.equal((props.link as URL).href, "https://example.com/a?b=c");
  assert.deepEqual(props.tags, ["a", "</script><!--"]);
  assert.equal(props.children, "slot 0");
  // <Head> children land in the document head.
  assert.match(html, /<meta name="x-head" content="from-page"\/?><\/head>/);
  // A <Head> title replaces _app's.
  assert.deepEqual(html.match(/<title>[^<]*<\/title>/g), [
    "<title>Islands</title>",
  ]);
  // No bundle built: state only, no executable scripts.
  assert.doesNotMatch(html, /<script type="module"/);
});

Deno.test("a function prop is a render error naming the island and prop path", async () => {
  const app = new App<State>().fsRoutes(manifest);
  const original = console.error;
  const logged: string[] = [];
  console.error = (...args: unknown[]) =>
    logged.push(args.map(String).join(" "));
  try {
    const response = await app.handler()(
      new Request("http://localhost/bad-island"),
    );
    assert.equal(response.status, 500);
    await response.body?.cancel();
  } finally {
    console.error = original;
  }
  assert.match(
    logged.join("\n"),
    /Island "Counter": prop "options\.onChange" is a function/,
  );
});

Deno.test("bundles: built in memory, linked from island pages, served immutable", async () => {
  const app = new App<State>().fsRoutes(manifest);
  app.use(staticFiles(rootDir + "static"));
  try {
    const bundle = await app.buildIslands({ rootDir, dev: false });
    assert.match(bundle.buildId, /^[0-9a-f]{16}$/);
    assert.ok(bundle.files.has("boot.js"));
    assert.ok(bundle.files.has("island-Counter.js"));
    const handle = app.handler();

    const html =
      await (await handle(new Request("http://localhost/with-islands"))).text();
    const scripts = [
      ...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g),
    ]
      .map((m) => m[1]);
    assert.deepEqual(scripts, [
      `/_fresh/js/${bundle.buildId}/boot.js`,
      `/_fresh/js/${bundle.buildId}/island-Counter.js`,
    ]);
    const state = stateOf(html);
    assert.deepEqual(state.modules.Counter, {
      file: "island-Counter.js",
      exportName: "default",
    });

    for (const src of scripts) {
      const response = await handle(new Request("http://localhost" + src));
      assert.equal(response.status, 200);
      assert.equal(
        response.headers.get("cache-control"),
        "public, max-age=31536000, immutable",
      );
      assert.equal(
        response.headers.get("content-type"),
        "text/javascript; charset=utf-8",
      );
      const code = await response.text();
      assert.ok(code.length > 0);
      // Chunks imported by entries are served as well.
      for (const [, chunk] of code.matchAll(/from"\.\/(chunk-[\w-]+\.js)"/g)) {
        const c = await handle(
          new Request(`http://localhost/_fresh/js/${bundle.buildId}/${chunk}`),
        );
        assert.equal(c.status, 200);
        await c.body?.cancel();
      }
    }
    const stale = await handle(
      new Request("http://localhost/_fresh/js/old/boot.js"),
    );
    assert.equal(stale.status, 404);
    await stale.body?.cancel();

    // Pages without islands still ship no JS.
    const plain = await (await handle(new Request("http://localhost/"))).text();
    assert.doesNotMatch(plain, /<script/);

    // Static files: asset() adds the build id; such URLs are immutable.
    assert.equal(asset("/style.css"), `/style.css?__frsh_c=${bundle.buildId}`);
    const css = await handle(
      new Request("http://localhost" + asset("/style.css")),
    );
    assert.equal(css.status, 200);
    assert.equal(css.headers.get("content-type"), "text/css; charset=utf-8");
    assert.equal(
      css.headers.get("cache-control"),
      "public, max-age=31536000, immutable",
    );
    assert.match(await css.text(), /color: red/);
    const etag = css.headers.get("etag")!;
    const again = await handle(
      new Request("http://localhost/style.css", {
        headers: { "if-none-match": etag },
      }),
    );
    assert.equal(again.status, 304);
  } finally {
    await app.close();
  }
});
