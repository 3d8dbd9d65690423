/**
 * Scenario 8: start-up. `deno task start` from spawn to the first 200 on `/`, with a warm module
 * cache: on the embedded database (no DATABASE_URL, DATA_DIR a temp dir; the first start creates
 * the database, restarts reuse it) and on Postgres. Floor: a bare `Deno.serve` process spawned
 * the same way. Targets (issue 20): embedded first start < 2 s, restart < 1 s.
 */
import type { BenchOptions } from "../lib/context.ts";
import { dropDatabase, recreateDatabase } from "../lib/pg.ts";
import { spawnDeno, starlingEnv } from "../lib/process.ts";
import { verdict } from "../lib/results.ts";
import { fmtMs, fmtRatio } from "../lib/stats.ts";

const NAME = "8 start-up";

async function timeStart(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<number> {
  // One retry: a start can fail for reasons outside the server (the shared working tree being
  // edited by others, a port taken in between); a second failure is real.
  const server = await spawnDeno({ name, args, env, timeoutMs: 120_000 })
    .catch(() => spawnDeno({ name, args, env, timeoutMs: 120_000 }));
  await server.stop();
  return server.readyMs;
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function startup(options: BenchOptions): Promise<void> {
  const repeats = { full: 5, quick: 1, smoke: 1 }[options.mode];
  const task = ["task", "start"];
  // Warm the module cache first (a cold cache compiles TypeScript; the target is for a warm one).
  const env = await starlingEnv();
  await timeStart("startup-warm-cache", task, env);

  // One round = bare floor, fresh embedded, restart embedded, Postgres: noise hits all alike.
  const bare: number[] = [];
  const fresh: number[] = [];
  const restart: number[] = [];
  const pg: number[] = [];
  const dbName = `starling_bench_${options.mode}_startup`;
  const url = await recreateDatabase(dbName);
  try {
    for (let i = 0; i < repeats; i++) {
      bare.push(
        await timeStart("startup-bare", [
          "run",
          "-A",
          "bench/peers/bare_server.ts",
        ], {}),
      );
      const dir = await starlingEnv();
      fresh.push(await timeStart("startup-embedded", task, dir));
      restart.push(await timeStart("startup-embedded", task, dir));
      await Deno.remove(dir.DATA_DIR, { recursive: true }).catch(() => {});
      pg.push(
        await timeStart("startup-postgres", task, await starlingEnv(url)),
      );
    }
  } finally {
    await dropDatabase(dbName);
  }
  const floor = median(bare);
  const row = (
    metric: string,
    xs: number[],
    target: string,
    ok: boolean | null,
  ) =>
    options.results.add({
      scenario: NAME,
      size: "empty",
      metric,
      // The minimum is the least disturbed start on a shared machine; the median is typical.
      figure: `${fmtMs(median(xs))} (median of ${xs.length}; min ${
        fmtMs(Math.min(...xs))
      }, max ${fmtMs(Math.max(...xs))})`,
      floor: `${fmtMs(floor)} (bare Deno.serve)`,
      ratio: fmtRatio(median(xs) / floor),
      target,
      verdict: ok === null ? "–" : verdict(ok),
    });
  row(
    "embedded, restart on existing DATA_DIR",
    restart,
    "< 1 s",
    median(restart) < 1000,
  );
  row(
    "embedded, first start (creates the database)",
    fresh,
    "< 2 s",
    median(fresh) < 2000,
  );
  row("Postgres (migrated), restart", pg, "(reported)", null);
}
