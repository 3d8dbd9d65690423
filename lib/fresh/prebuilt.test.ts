import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";
import { App } from "./mod.ts";
import { buildIslands } from "./bundle.ts";
import { writePrebuiltBundle } from "./prebuilt.ts";
import manifest from "./testdata/fresh.gen.ts";
import type { State } from "./testdata/utils.ts";

const rootDir = fileURLToPath(new URL("./testdata/", import.meta.url));

Deno.test("islands built ahead of time are served as built, compressed forms included; without a build, or after the sources changed, they are bundled at start", async () => {
  const dir = await Deno.makeTempDir({ prefix: "fresh-prebuilt-" });
  try {
    // No build yet: bundled in memory, saying why.
    const fresh = await new App<State>().fsRoutes(manifest)
      .prepareIslands({ rootDir, prebuiltDir: dir });
    assert.equal(fresh.prebuilt, false);
    assert.equal(fresh.reason, "none built");

    const built = await buildIslands({ rootDir, islands: manifest.islands });
    await writePrebuiltBundle(rootDir, built, dir);
    const app = new App<State>().fsRoutes(manifest);
    const islands = await app.prepareIslands({ rootDir, prebuiltDir: dir });
    assert.equal(islands.prebuilt, true);
    assert.equal(islands.bundle.buildId, built.buildId);

    // Pages link the prebuilt files, and they are served in the coding asked for.
    const handler = app.handler();
    const html = await (await handler(
      new Request("http://localhost/with-islands"),
    )).text();
    assert.ok(html.includes(`${built.basePath}boot.js`), html);
    for (const [name, file] of built.files) {
      const plain = await handler(
        new Request(`http://localhost${built.basePath}${name}`),
      );
      assert.equal(plain.status, 200);
      assert.deepEqual(new Uint8Array(await plain.arrayBuffer()), file.content);
      if (!file.encoded.br) continue;
      const br = await handler(
        new Request(`http://localhost${built.basePath}${name}`, {
          headers: { "accept-encoding": "br" },
        }),
      );
      assert.equal(br.headers.get("content-encoding"), "br");
      assert.deepEqual(
        new Uint8Array(brotliDecompressSync(await br.arrayBuffer())),
        file.content,
      );
    }

    // The sources changed since the build (here: the recorded hash no longer matches).
    const manifestPath = `${dir}/manifest.json`;
    const written = JSON.parse(await Deno.readTextFile(manifestPath));
    written.sourceHash = "0".repeat(64);
    await Deno.writeTextFile(manifestPath, JSON.stringify(written));
    const stale = await new App<State>().fsRoutes(manifest)
      .prepareIslands({ rootDir, prebuiltDir: dir });
    assert.equal(stale.prebuilt, false);
    assert.equal(stale.reason, "sources changed since the build");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
