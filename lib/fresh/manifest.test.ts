import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { checkManifest, generateManifest, renderManifest } from "./manifest.ts";
import {
  comparePatterns,
  compileSegments,
  matchPattern,
  routeFileToSegments,
} from "./router.ts";

const fixture = fileURLToPath(new URL("./testdata/", import.meta.url));

Deno.test("the fixture's fresh.gen.ts is current", async () => {
  assert.equal(await checkManifest(fixture), true);
});

Deno.test("generateManifest imports islands and folder files, pages on first use, and ignores test files", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(join(dir, "routes/blog"), { recursive: true });
    await Deno.mkdir(join(dir, "islands"));
    await Deno.writeTextFile(
      join(dir, "routes/index.tsx"),
      "export default () => null;",
    );
    await Deno.writeTextFile(join(dir, "routes/index_test.ts"), "");
    await Deno.writeTextFile(join(dir, "routes/blog/x.test.tsx"), "");
    await Deno.writeTextFile(
      join(dir, "routes/_middleware.ts"),
      "export default [];",
    );
    await Deno.writeTextFile(
      join(dir, "islands/Counter.tsx"),
      "export default () => null;",
    );
    assert.equal(await checkManifest(dir), false); // missing
    await generateManifest(dir);
    assert.equal(await checkManifest(dir), true);
    const text = await Deno.readTextFile(join(dir, "fresh.gen.ts"));
    assert.match(text, /import \* as \$0 from "\.\/routes\/_middleware\.ts";/);
    assert.match(text, /import \* as \$1 from "\.\/islands\/Counter\.tsx";/);
    assert.doesNotMatch(text, /import \* as .* from "\.\/routes\/index\.tsx"/);
    assert.match(
      text,
      /"\.\/routes\/index\.tsx": \(\) => import\("\.\/routes\/index\.tsx"\),/,
    );
    assert.match(text, /"\.\/routes\/_middleware\.ts": \$0,/);
    assert.match(text, /islands: \{\n {4}"\.\/islands\/Counter\.tsx": \$1,/);
    assert.doesNotMatch(text, /_test|\.test/);
    await Deno.writeTextFile(
      join(dir, "routes/blog/index.tsx"),
      "export default () => null;",
    );
    assert.equal(await checkManifest(dir), false); // stale
    assert.match(await renderManifest(dir), /routes\/blog\/index\.tsx/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("file names become patterns", () => {
  const pattern = (file: string) =>
    compileSegments(routeFileToSegments(file)).pattern;
  assert.equal(pattern("index.tsx"), "/");
  assert.equal(pattern("blog/index.tsx"), "/blog");
  assert.equal(pattern("[id].tsx"), "/:id");
  assert.equal(pattern("@[username]/index.tsx"), "/@:username");
  assert.equal(pattern("@[username]/[id].tsx"), "/@:username/:id");
  assert.equal(pattern("(group)/about.ts"), "/about");
  assert.equal(pattern("files/[...rest].tsx"), "/files/:rest*");
});

Deno.test("route ordering: static > mixed > param > rest", () => {
  const files = [
    "[...rest].tsx",
    "[id].tsx",
    "@[user].tsx",
    "about.tsx",
    "index.tsx",
  ];
  const sorted = files.map((f) => compileSegments(routeFileToSegments(f)))
    .sort(comparePatterns).map((c) => c.pattern);
  assert.deepEqual(sorted, ["/about", "/@:user", "/:id", "/", "/:rest*"]);
  const mixed = compileSegments(routeFileToSegments("@[user].tsx"));
  assert.deepEqual(matchPattern(mixed, "/@a%20b"), { user: "a b" });
  assert.equal(matchPattern(mixed, "/a"), null);
});
