/**
 * `deno task build`: bundles the islands ahead of time into `_fresh/islands/` (each file with its
 * brotli and gzip forms), which the server then serves instead of running esbuild at start, and
 * makes the migrated embedded database that a first start on PGlite copies instead of creating
 * one (`_fresh/pglite/`, lib/db/embedded-template.ts). For
 * hosts with a build step (Deno Deploy's build command); self-hosted, it is optional: without it
 * the server bundles in memory at start. Not committed: a build belongs to its sources.
 */
import { buildIslands, writePrebuiltBundle } from "fresh";
import manifest from "./fresh.gen.ts";
import {
  TEMPLATE_DIR,
  writeEmbeddedTemplate,
} from "./lib/db/embedded-template.ts";

if (import.meta.main) {
  const rootDir = Deno.cwd();
  const bundle = await buildIslands({ rootDir, islands: manifest.islands });
  const dir = await writePrebuiltBundle(rootDir, bundle);
  console.log(
    `islands: ${bundle.files.size} files (build ${bundle.buildId}) written to ${dir}`,
  );
  const bytes = await writeEmbeddedTemplate(rootDir);
  console.log(
    `embedded database template: ${
      (bytes / 1e6).toFixed(1)
    } MB written to ${TEMPLATE_DIR}`,
  );
}
