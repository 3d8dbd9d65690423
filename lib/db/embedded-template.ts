/**
 * A migrated embedded database made ahead of time by `deno task build`, so that the embedded
 * default's first start copies it instead of creating one. Creating one is PGlite's initdb in
 * WebAssembly (~5 s of CPU here) and then every migration (~1 s): most of a first start, which a
 * restart doesn't pay (bench/RESULTS.md). The template holds the schema and the rows migrations
 * insert, nothing of an instance: keys and secrets are made at the first start, as without it.
 * It is written by the PGlite this checkout imports and used only by that same version (its data
 * files are that version's); migrations newer than the template run on top of it as on any
 * database. Not committed: a build belongs to its sources, like the island bundle.
 */
import { openDatabase } from "./client.ts";
import { migrate, readMigrations } from "./migrate.ts";

/** `<rootDir>/_fresh/pglite`: where `deno task build` writes the template, and starts look. */
export const TEMPLATE_DIR = "_fresh/pglite";

interface TemplateInfo {
  /** The PGlite that wrote it, as deno.json imports it. */
  pglite: string;
  migrations: string[];
}

async function pgliteVersion(rootDir: string): Promise<string> {
  const config = JSON.parse(await Deno.readTextFile(`${rootDir}/deno.json`));
  return String(config.imports?.["@electric-sql/pglite"] ?? "");
}

/** Makes the template from the migrations under `rootDir`; returns its size in bytes. */
export async function writeEmbeddedTemplate(rootDir: string): Promise<number> {
  const database = await openDatabase({ pgliteDir: "memory://" });
  let dump: Blob;
  let versions: string[];
  try {
    const migrations = await readMigrations(`${rootDir}/migrations`);
    await migrate(database.sql, migrations);
    versions = migrations.map((m) => m.version);
    dump = await database.dumpDataDir!();
  } finally {
    await database.close();
  }
  const dir = `${rootDir}/${TEMPLATE_DIR}`;
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeFile(
    `${dir}/template.tar.gz`,
    new Uint8Array(await dump.arrayBuffer()),
  );
  const info: TemplateInfo = {
    pglite: await pgliteVersion(rootDir),
    migrations: versions,
  };
  await Deno.writeTextFile(`${dir}/template.json`, JSON.stringify(info));
  return dump.size;
}

/** The template, when one was built by the PGlite this checkout imports; null otherwise. */
export async function readEmbeddedTemplate(
  rootDir: string,
): Promise<Blob | null> {
  const dir = `${rootDir}/${TEMPLATE_DIR}`;
  try {
    const info: TemplateInfo = JSON.parse(
      await Deno.readTextFile(`${dir}/template.json`),
    );
    if (info.pglite !== await pgliteVersion(rootDir)) return null;
    return new Blob([await Deno.readFile(`${dir}/template.tar.gz`)]);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}
