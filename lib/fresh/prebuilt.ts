// Island bundles built ahead of time (`deno task build`), for hosts where running esbuild at
// start is slow or impossible (Deno Deploy: a build step, then a read-only tree). The build
// writes every output file with its brotli and gzip forms, and a manifest naming the source files
// it was made from with their hash. At start the App reads them back when the sources still match;
// otherwise (no build, or islands edited since) it bundles in memory as before.
import { join, resolve } from "node:path";
import type { Bytes, ContentCoding, Precompressed } from "./encoding.ts";
import type { BundleFile, IslandBundle } from "./bundle.ts";

/** `<rootDir>/_fresh/islands`: where `deno task build` writes, and the App looks. */
export const PREBUILT_DIR = "_fresh/islands";

interface PrebuiltManifest {
  buildId: string;
  /** Island file (`./islands/Counter.tsx`) → output file name. */
  entries: Record<string, string>;
  files: Record<string, { contentType: string; encodings: ContentCoding[] }>;
  /** Every source file esbuild read, relative to the root, and their hash together. */
  inputs: string[];
  sourceHash: string;
}

const SUFFIX: Record<ContentCoding, string> = { br: ".br", gzip: ".gz" };

/** Writes `bundle` to `dir` (default `<rootDir>/_fresh/islands`), replacing an earlier build. */
export async function writePrebuiltBundle(
  rootDir: string,
  bundle: IslandBundle,
  dir = resolve(rootDir, PREBUILT_DIR),
): Promise<string> {
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  await Deno.mkdir(join(dir, "files"), { recursive: true });
  const files: PrebuiltManifest["files"] = {};
  for (const [name, file] of bundle.files) {
    await Deno.writeFile(join(dir, "files", name), file.content);
    const encodings = Object.keys(file.encoded) as ContentCoding[];
    for (const coding of encodings) {
      await Deno.writeFile(
        join(dir, "files", name + SUFFIX[coding]),
        file.encoded[coding]!,
      );
    }
    files[name] = { contentType: file.contentType, encodings };
  }
  const manifest: PrebuiltManifest = {
    buildId: bundle.buildId,
    entries: Object.fromEntries(bundle.entries),
    files,
    inputs: bundle.inputs,
    sourceHash: await hashSources(rootDir, bundle.inputs),
  };
  await Deno.writeTextFile(
    join(dir, "manifest.json"),
    JSON.stringify(manifest, null, 2) + "\n",
  );
  return dir;
}

/**
 * The bundle written by `writePrebuiltBundle`, if there is one for exactly these islands and
 * its sources are unchanged; otherwise null and why (for the log).
 */
export async function readPrebuiltBundle(
  rootDir: string,
  islandFiles: readonly string[],
  dir = resolve(rootDir, PREBUILT_DIR),
): Promise<{ bundle: IslandBundle } | { bundle: null; reason: string }> {
  let manifest: PrebuiltManifest;
  try {
    manifest = JSON.parse(await Deno.readTextFile(join(dir, "manifest.json")));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      return { bundle: null, reason: "none built" };
    }
    return { bundle: null, reason: `unreadable manifest (${error})` };
  }
  const built = Object.keys(manifest.entries).sort().join("\n");
  if (built !== [...islandFiles].sort().join("\n")) {
    return { bundle: null, reason: "built for other islands" };
  }
  if (await hashSources(rootDir, manifest.inputs) !== manifest.sourceHash) {
    return { bundle: null, reason: "sources changed since the build" };
  }
  const files = new Map<string, BundleFile>();
  for (const [name, info] of Object.entries(manifest.files)) {
    const encoded: Precompressed = {};
    for (const coding of info.encodings) {
      encoded[coding] = await Deno.readFile(
        join(dir, "files", name + SUFFIX[coding]),
      ) as Bytes;
    }
    files.set(name, {
      content: await Deno.readFile(join(dir, "files", name)) as Bytes,
      contentType: info.contentType,
      encoded,
    });
  }
  return {
    bundle: {
      buildId: manifest.buildId,
      basePath: `/_fresh/js/${manifest.buildId}/`,
      files,
      entries: new Map(Object.entries(manifest.entries)),
      inputs: manifest.inputs,
    },
  };
}

/** SHA-256 over each source's path and bytes; a file that can't be read counts as changed. */
async function hashSources(
  rootDir: string,
  inputs: readonly string[],
): Promise<string> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const input of [...inputs].sort()) {
    parts.push(encoder.encode(input + "\0"));
    try {
      parts.push(await Deno.readFile(resolve(rootDir, input)));
    } catch {
      parts.push(encoder.encode("\0missing\0"));
    }
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", all));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}
