/**
 * The benchmark harness starts and finishes: `bench/main.ts --smoke` generates a tiny dataset in
 * its own Postgres database, starts Starling as a separate process and makes a handful of
 * requests (home timeline, its floors, and memory; start-up is left to real runs, as the embedded
 * database's first start alone takes several seconds). The benchmark itself never runs in `deno task test`.
 */
import assert from "node:assert/strict";

Deno.test({
  name: "bench --smoke runs the harness end to end",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const root = new URL("..", import.meta.url).pathname;
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        "bench/main.ts",
        "--smoke",
        "--scenario=memory,home",
      ],
      cwd: root,
      stdout: "piped",
      stderr: "piped",
      // The smoke run takes ~15 s on an idle machine; the limit leaves room for a busy one.
      signal: AbortSignal.timeout(90_000),
    }).output();
    const text = new TextDecoder().decode(output.stdout) +
      new TextDecoder().decode(output.stderr);
    assert.equal(output.code, 0, text);
    assert.match(text, /bench: done in/);
    const results = await Deno.readTextFile(
      `${root}bench/out/RESULTS-smoke.md`,
    );
    assert.match(results, /7 memory/);
    assert.match(results, /1 home timeline/);
  },
});
