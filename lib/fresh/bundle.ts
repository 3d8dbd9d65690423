// Island bundling with esbuild (npm), fully in memory: outputs are kept as
// bytes and served by the App under /_fresh/js/<BUILD_ID>/. `prebuilt.ts`
// writes them to disk ahead of time for hosts that shouldn't bundle at start.
import type * as esbuild from "esbuild";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { existsSync, readFileSync } from "node:fs";
import type { ComponentType } from "preact";
import type { IslandInfo } from "./render.ts";
import { type Bytes, precompress, type Precompressed } from "./encoding.ts";

export interface BundleFile {
  content: Bytes;
  contentType: string;
  /** Brotli and gzip forms made once at build time (none for small files). */
  encoded: Precompressed;
}

export interface IslandBundle {
  /** Hash of all outputs; part of every bundle URL so they can be cached forever. */
  buildId: string;
  /** `/_fresh/js/<buildId>/` */
  basePath: string;
  /** Output file name (e.g. `boot.js`, `island-Counter.js`, `chunk-X.js`) → bytes. */
  files: Map<string, BundleFile>;
  /** Island file from the manifest (`./islands/Counter.tsx`) → its output file name. */
  entries: Map<string, string>;
  /** Every source file the bundle was made from, relative to the root directory. */
  inputs: string[];
}

export interface BuildIslandsOptions {
  /** The project root: island paths in the manifest are relative to it. */
  rootDir: string;
  /** `manifest.islands`: `{ "./islands/Counter.tsx": module }`. */
  islands: Record<string, Record<string, unknown>>;
  /** Skips minification and adds inline source maps. */
  dev?: boolean;
}

/** `./islands/nav/Menu.tsx` → `island-nav_Menu` (an esbuild entry/output name). */
export function islandEntryName(file: string): string {
  const stem = file.replace(/^\.\/islands\//, "").replace(/\.[jt]sx?$/, "");
  return "island-" + stem.replace(/[^\w-]/g, "_");
}

/**
 * Every exported component of an island file is an island; the default export
 * takes the file's name. Names get a suffix when two files would collide.
 */
export function collectIslands(
  islands: Record<string, Record<string, unknown>>,
): IslandInfo[] {
  const result: IslandInfo[] = [];
  const used = new Set<string>();
  for (const [file, module] of Object.entries(islands)) {
    const base = file.split("/").pop()!.replace(/\.[jt]sx?$/, "").replace(
      /[^\w]/g,
      "_",
    );
    for (const [exportName, value] of Object.entries(module)) {
      if (typeof value !== "function") continue;
      let name = exportName === "default" ? base : `${base}_${exportName}`;
      while (used.has(name)) name += "_";
      used.add(name);
      result.push({
        name,
        exportName,
        file,
        component: value as ComponentType<Record<string, unknown>>,
      });
    }
  }
  return result;
}

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  map: "application/json; charset=utf-8",
};

/** Finds the nearest deno.json above `dir` for its import map. */
function findImportMap(
  dir: string,
): { base: string; imports: Record<string, string> } {
  for (let current = resolve(dir);; current = dirname(current)) {
    const file = join(current, "deno.json");
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, "utf8"));
      return { base: current, imports: json.imports ?? {} };
    }
    if (dirname(current) === current) return { base: dir, imports: {} };
  }
}

/** `npm:preact@10.1.0/hooks` → `preact/hooks`, for esbuild's node_modules lookup. */
function npmToBare(specifier: string): string {
  const rest = specifier.replace(/^npm:\/?/, "");
  const match = /^(@[^/]+\/[^/@]+|[^/@]+)(?:@[^/]*)?(\/.*)?$/.exec(rest);
  return match ? match[1] + (match[2] ?? "") : rest;
}

/** Resolves deno.json import-map entries and `npm:` specifiers for esbuild. */
function denoResolvePlugin(rootDir: string): esbuild.Plugin {
  const { base, imports } = findImportMap(rootDir);
  const keys = Object.keys(imports).sort((a, b) => b.length - a.length);
  return {
    name: "deno-import-map",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === "deno-import-map") return undefined;
        let target: string | undefined;
        if (args.path.startsWith("npm:")) target = npmToBare(args.path);
        for (const key of keys) {
          if (target) break;
          if (args.path === key) target = imports[key];
          else if (key.endsWith("/") && args.path.startsWith(key)) {
            target = imports[key] + args.path.slice(key.length);
          }
        }
        if (!target) return undefined;
        if (target.startsWith("./") || target.startsWith("../")) {
          return { path: resolve(base, target) };
        }
        if (target.startsWith("npm:")) target = npmToBare(target);
        return await build.resolve(target, {
          kind: args.kind,
          resolveDir: base,
          pluginData: "deno-import-map",
        });
      });
    },
  };
}

/**
 * esbuild, imported when a bundle is made: a server serving a prebuilt bundle never loads it,
 * and one that bundles at start stops its child process when done.
 */
let loaded: typeof esbuild | null = null;
async function loadEsbuild(): Promise<typeof esbuild> {
  return loaded ??= await import("esbuild");
}

async function hashOutputs(files: Map<string, BundleFile>): Promise<string> {
  const parts: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for (const name of [...files.keys()].sort()) {
    parts.push(encoder.encode(name + "\0"), files.get(name)!.content);
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", all));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/**
 * Bundles the boot runtime plus one entry per island file. Stops esbuild's
 * child process when done, so nothing leaks (the next build restarts it).
 */
export async function buildIslands(
  options: BuildIslandsOptions,
): Promise<IslandBundle> {
  const rootDir = resolve(options.rootDir);
  const entries = new Map<string, string>();
  const entryPoints = [{
    in: fileURLToPath(new URL("./client/boot.ts", import.meta.url)),
    out: "boot",
  }];
  for (const file of Object.keys(options.islands)) {
    const out = islandEntryName(file);
    entries.set(file, out + ".js");
    entryPoints.push({ in: join(rootDir, file), out });
  }
  const esbuild = await loadEsbuild();
  try {
    const result = await esbuild.build({
      entryPoints,
      absWorkingDir: rootDir,
      outdir: "/_fresh_virtual_out",
      write: false,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: ["es2022"],
      jsx: "automatic",
      jsxImportSource: "preact",
      minify: !options.dev,
      sourcemap: options.dev ? "inline" : false,
      entryNames: "[name]",
      chunkNames: "chunk-[hash]",
      define: {
        "process.env.NODE_ENV": options.dev ? '"development"' : '"production"',
      },
      plugins: [denoResolvePlugin(rootDir)],
      logLevel: "silent",
      metafile: true,
    });
    // Compressed once here, all files at once (zlib works off the main thread), so requests
    // are served the stored bytes.
    const built = await Promise.all(
      result.outputFiles.map(async (output) => {
        const name = relative("/_fresh_virtual_out", output.path).replaceAll(
          "\\",
          "/",
        );
        const ext = name.split(".").pop() ?? "";
        const contentType = CONTENT_TYPES[ext] ?? "application/octet-stream";
        const file: BundleFile = {
          content: output.contents as Bytes,
          contentType,
          encoded: await precompress(output.contents, contentType),
        };
        return [name, file] as const;
      }),
    );
    const files = new Map<string, BundleFile>(built);
    const buildId = await hashOutputs(files);
    return {
      buildId,
      basePath: `/_fresh/js/${buildId}/`,
      files,
      entries,
      inputs: Object.keys(result.metafile.inputs),
    };
  } finally {
    await esbuild.stop();
  }
}

/** Stops esbuild's child process if one is running (safe to call any time). */
export async function stopBundler(): Promise<void> {
  await loaded?.stop();
}
