/**
 * `deno task admin emoji import DIR --category NAME`, run as an operator runs it: each PNG/GIF/
 * WebP file becomes a local emoji named after it, in the category; a file with an unusable
 * name or content is reported and skipped (exit code 1), the others are imported and listed
 * by the API's query.
 */
import assert from "node:assert/strict";
import { runAdminCli } from "../helpers/admin-cli.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { smallPng } from "../media/helpers.ts";
import { openDatabase } from "../../lib/db/client.ts";
import { localEmojis } from "../../lib/emoji/mod.ts";

Deno.test("admin CLI: emoji import from a directory, with a category", async () => {
  const database = await createTestDatabase();
  const db = await openDatabase({ url: database.url });
  const dataDir = await Deno.makeTempDir();
  const source = await Deno.makeTempDir();
  try {
    const png = await smallPng(32, 32);
    await Deno.writeFile(`${source}/blobcat.png`, png);
    await Deno.writeFile(`${source}/blob_fox.png`, png);
    await Deno.writeFile(`${source}/x.png`, png);
    await Deno.writeTextFile(`${source}/fake.gif`, "not an image at all");
    await Deno.writeTextFile(`${source}/notes.txt`, "ignored");
    const run = await runAdminCli(
      { DATABASE_URL: database.url, DATA_DIR: dataDir },
      "emoji",
      "import",
      source,
      "--category",
      "Imported",
    );
    assert.equal(run.code, 1, run.err);
    assert.match(run.out, /imported :blob_fox:/);
    assert.match(run.out, /imported :blobcat:/);
    assert.match(run.out, /skipped x\.png: Shortcode must be/);
    assert.match(
      run.out,
      /skipped fake\.gif: Image must be a PNG, GIF or WebP/,
    );
    assert.match(run.out, /2 of 4 imported/);
    const emojis = await localEmojis(db.sql, (key) => key);
    assert.deepEqual(
      emojis.map((e) => `${e.category} :${e.shortcode}:`),
      ["Imported :blob_fox:", "Imported :blobcat:"],
    );
    // The image is in the media storage of the data directory.
    await Deno.stat(`${dataDir}/media/${emojis[0].url}`);
  } finally {
    await db.close();
    await database.drop();
    await Deno.remove(dataDir, { recursive: true });
    await Deno.remove(source, { recursive: true });
  }
});
