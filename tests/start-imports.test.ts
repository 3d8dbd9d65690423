/**
 * What a server loads at start decides its idle memory (bench/RESULTS.md, "Footprint"): the
 * packages below are imported on first use only, and one static import anywhere on the way from
 * main.ts brings them all back (preview cards importing the document loader once loaded Fedify
 * into every server, +30 MiB). The module graph main.ts loads statically, from `deno info`.
 */
import assert from "node:assert/strict";

const ROOT = new URL("..", import.meta.url);

/** Loaded when first needed: federation, images, mail, the embedded database, the bundler. */
const LOADED_ON_FIRST_USE = [
  "@fedify/fedify",
  "@fedify/vocab",
  "sharp",
  "nodemailer",
  "@electric-sql/pglite",
  "esbuild",
  "web-push",
];

interface ModuleInfo {
  specifier: string;
  dependencies?: {
    code?: { specifier?: string };
    isDynamic?: boolean;
  }[];
}

Deno.test("starting the server doesn't load the packages it only needs on first use", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "main.ts"],
    cwd: ROOT,
    stdout: "piped",
    stderr: "null",
  }).output();
  assert.ok(out.success, "deno info main.ts");
  const graph = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    roots: string[];
    modules: ModuleInfo[];
    redirects: Record<string, string>;
  };
  const modules = new Map(graph.modules.map((m) => [m.specifier, m]));
  const resolve = (s: string) => graph.redirects[s] ?? s;
  // Who imported each module first, to say how a package got in.
  const importedBy = new Map<string, string | null>([[
    resolve(graph.roots[0]),
    null,
  ]]);
  const queue = [resolve(graph.roots[0])];
  while (queue.length) {
    const specifier = queue.shift()!;
    for (const dependency of modules.get(specifier)?.dependencies ?? []) {
      const target = dependency.code?.specifier;
      if (!target || dependency.isDynamic) continue;
      const resolved = resolve(target);
      if (importedBy.has(resolved)) continue;
      importedBy.set(resolved, specifier);
      queue.push(resolved);
    }
  }
  const chain = (specifier: string) => {
    const path: string[] = [];
    for (let s: string | null = specifier; s; s = importedBy.get(s) ?? null) {
      path.push(s.replace(ROOT.href, ""));
    }
    return path.join(" ← ");
  };
  for (const name of LOADED_ON_FIRST_USE) {
    const loaded = [...importedBy.keys()].find((s) =>
      s.startsWith(`npm:/${name}@`)
    );
    assert.equal(
      loaded,
      undefined,
      `${name} is imported at start: ${loaded && chain(loaded)}`,
    );
  }
});
