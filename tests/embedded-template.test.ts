/**
 * The embedded database template `deno task build` makes: a first start copies it (migrated,
 * nothing left to run) yet each instance gets its own secret; a database that exists is never
 * replaced by it; a template written by another PGlite version is not used.
 */
import assert from "node:assert/strict";
import { openDatabase } from "../lib/db/client.ts";
import { migrate, readMigrations } from "../lib/db/migrate.ts";
import {
  readEmbeddedTemplate,
  TEMPLATE_DIR,
  writeEmbeddedTemplate,
} from "../lib/db/embedded-template.ts";
import { loadSecretKey } from "../lib/domain/secrets.ts";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

Deno.test("a first start on the build's template is migrated, with its own secret, and never replaces a database", async () => {
  const root = await Deno.makeTempDir({ prefix: "starling-template-" });
  try {
    await Deno.copyFile(`${ROOT}/deno.json`, `${root}/deno.json`);
    await Deno.symlink(`${ROOT}/migrations`, `${root}/migrations`);
    await writeEmbeddedTemplate(root);
    const migrations = await readMigrations(`${root}/migrations`);
    const open = (dir: string) =>
      openDatabase({
        pgliteDir: `${root}/${dir}`,
        pgliteTemplate: () => readEmbeddedTemplate(root),
      });

    const secrets: string[] = [];
    for (const dir of ["a", "b"]) {
      const db = await open(dir);
      try {
        assert.deepEqual(await migrate(db.sql, migrations), [], dir);
        secrets.push(await (await loadSecretKey(db.sql)).sign("probe"));
        await db
          .sql`INSERT INTO tags (name, display_name) VALUES (${dir}, ${dir})`;
      } finally {
        await db.close();
      }
    }
    assert.notEqual(secrets[0], secrets[1]);

    const again = await open("a");
    try {
      const tags = await again.sql<{ name: string }[]>`SELECT name FROM tags`;
      assert.deepEqual(tags.map((t) => t.name), ["a"]);
      assert.equal(
        await (await loadSecretKey(again.sql)).sign("probe"),
        secrets[0],
      );
    } finally {
      await again.close();
    }

    const infoPath = `${root}/${TEMPLATE_DIR}/template.json`;
    const info = JSON.parse(await Deno.readTextFile(infoPath));
    await Deno.writeTextFile(
      infoPath,
      JSON.stringify({ ...info, pglite: "npm:@electric-sql/pglite@0.0.1" }),
    );
    assert.equal(await readEmbeddedTemplate(root), null);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
