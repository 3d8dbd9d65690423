/**
 * `deno task bench [--quick | --smoke] [--scenario=home,memory,…] [--sizes=10k,100k,1m]
 *  [--seconds=N]`: runs the scenarios against a real Postgres server (database `starling_bench`,
 * dropped and recreated per run) and Starling running as a separate process, then writes the
 * figures, their floors and ratios to bench/RESULTS.md with a chart. See bench/README.md.
 */
import {
  type BenchOptions,
  type Dataset,
  type Mode,
  wants,
} from "./lib/context.ts";
import { generate, shapeFor } from "./lib/datagen.ts";
import { connect, dropDatabase, recreateDatabase } from "./lib/pg.ts";
import {
  freePort,
  OUT_DIR,
  removeTempDirs,
  ROOT_DIR,
  spawnDeno,
  starlingEnv,
  stopAll,
} from "./lib/process.ts";
import { renderSection, Results, writeSection } from "./lib/results.ts";
import { fmtMs, fmtRatio } from "./lib/stats.ts";
import { latencyChart, sizeLabel } from "./lib/svg.ts";
import { homeTimeline } from "./scenarios/home_timeline.ts";
import { homeEmbedded } from "./scenarios/home_embedded.ts";
import {
  idleRss,
  importCosts,
  measureBare,
  reportMemory,
} from "./scenarios/memory.ts";
import { startup } from "./scenarios/startup.ts";
import { pages } from "./scenarios/pages.ts";
import { pageWeight } from "./scenarios/page_weight.ts";
import { posting } from "./scenarios/posting.ts";
import { inbox, reportInboxCounters } from "./scenarios/inbox.ts";
import { fanout } from "./scenarios/fanout.ts";
import { outage } from "./scenarios/outage.ts";

const SCENARIOS = [
  "startup",
  "memory",
  "home",
  "embedded",
  "pages",
  "weight",
  "inbox",
  "fanout",
  "outage",
  "posting",
];
const DATA_SCENARIOS = [
  "memory",
  "home",
  "pages",
  "weight",
  "inbox",
  "fanout",
  "outage",
  "posting",
];
/**
 * Per mode, so a smoke or quick run never drops the database of a full run in progress;
 * `BENCH_DATABASE` names another one (two people benchmarking on one Postgres server).
 */
const dbName = (mode: Mode) =>
  Deno.env.get("BENCH_DATABASE") ??
    (mode === "full" ? "starling_bench" : `starling_bench_${mode}`);

function parseArgs(args: string[]): BenchOptions & { keep: boolean } {
  const flag = (name: string) => args.includes(`--${name}`);
  const value = (name: string) =>
    args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  for (const a of args) {
    if (!/^--(quick|smoke|keep|scenario=.+|sizes=.+|seconds=.+)$/.test(a)) {
      throw new Error(`unknown argument ${a}; see bench/README.md`);
    }
  }
  const mode: Mode = flag("smoke") ? "smoke" : flag("quick") ? "quick" : "full";
  const defaults =
    { full: "10k,100k,1m", quick: "10k,100k", smoke: "2k" }[mode];
  const sizes = (value("sizes") ?? defaults).split(",").map(parseSize).sort((
    a,
    b,
  ) => a - b);
  const only = value("scenario")
    ? new Set(value("scenario")!.split(","))
    : null;
  for (const s of only ?? []) {
    if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}`);
  }
  const seconds = Number(
    value("seconds") ?? { full: 10, quick: 2, smoke: 1 }[mode],
  );
  return {
    mode,
    sizes,
    only,
    seconds,
    warmup: mode === "full" ? 2 : mode === "quick" ? 0.5 : 0.3,
    concurrency: mode === "smoke" ? 2 : 8,
    results: new Results(),
    keep: flag("keep"),
  };
}

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad size ${s} (e.g. 10k, 1m)`);
  return Math.round(
    Number(m[1]) *
      ({ "": 1, k: 1e3, m: 1e6 }[m[2].toLowerCase() as "" | "k" | "m"]),
  );
}

async function runDataset(
  options: BenchOptions,
  statuses: number,
  bare: Awaited<ReturnType<typeof measureBare>> | null,
) {
  const label = sizeLabel(statuses);
  console.log(`\n== dataset ${label} statuses`);
  const dbUrl = await recreateDatabase(dbName(options.mode));
  const port = freePort();
  const shape = shapeFor(statuses, options.mode === "smoke");
  const sql = connect(dbUrl, options.concurrency);
  let server: Awaited<ReturnType<typeof spawnDeno>> | null = null;
  let dataset: Dataset | null = null;
  try {
    const report = await generate(
      sql,
      shape,
      `http://127.0.0.1:${port}`,
      console.log,
    );
    options.results.note(
      `dataset ${label}: generated in ${report.seconds.toFixed(1)} s — ` +
        Object.entries(report.rows).map(([t, n]) =>
          `${t} ${n.toLocaleString("en")}`
        ).join(", "),
    );
    const env = await starlingEnv(dbUrl);
    server = await spawnDeno({ name: `server-${label}`, port, env });
    const rows = await sql<{ username: string; id: string }[]>`
      SELECT username, id FROM accounts WHERE domain IS NULL AND username LIKE 'user%'`;
    const data: Dataset = {
      statuses,
      label,
      shape,
      dbUrl,
      server,
      async stopServer() {
        await data.server.stop();
      },
      async startServer() {
        // Its own log, so the first process's log (read by the scenarios) stays whole.
        data.server = await spawnDeno({
          name: `server-${label}-restarted`,
          port,
          env,
        });
      },
      async withWebAndWorker(run, workers = 1) {
        // The production topology the README documents: `ROLE=web` answers HTTP (and accepts
        // inbox deliveries), `ROLE=worker` runs Fedify's queue, each on its own core. The
        // workers publish at the web process's origin; their logs are kept apart from the
        // first process's.
        await data.server.stop();
        data.server = await spawnDeno({
          name: `server-${label}-web`,
          port,
          env: { ...env, ROLE: "web" },
        });
        const spawned = [];
        for (let k = 0; k < workers; k++) {
          spawned.push(
            await spawnDeno({
              name: `server-${label}-worker${k ? `-${k + 1}` : ""}`,
              env: { ...env, ROLE: "worker", ORIGIN: data.server.origin },
              readyPath: "/health",
            }),
          );
        }
        data.workers = spawned;
        try {
          return await run();
        } finally {
          data.workers = [];
          for (const worker of spawned) await worker.stop();
          await data.server.stop();
          data.server = await spawnDeno({
            name: `server-${label}-all`,
            port,
            env,
          });
        }
      },
      workers: [],
      sql,
      accountIds: new Map(rows.map((r) => [Number(r.username.slice(4)), r.id])),
      loadRssKiB: [],
      summaries: new Map(),
    };
    dataset = data;
    const idle = await idleRss(data);
    const first = statuses === options.sizes[0];
    // Quick mode keeps its 3 minutes by running only the home timeline at every size.
    const everySize = options.mode === "full" || first;
    // Inbox, fan-out and posting write: they run last; the federation ones on the smallest size.
    const steps: [string, boolean, () => Promise<void>][] = [
      ["home", true, () => homeTimeline(options, data)],
      ["pages", everySize, () => pages(options, data)],
      ["weight", first, () => pageWeight(options, data)],
      // Federation runs as web + worker processes (issue #20: use both cores).
      ["inbox", first, async () => {
        await data.withWebAndWorker(() => inbox(options, data));
        await reportInboxCounters(options, data);
      }],
      [
        "fanout",
        first,
        // Two workers: WebCrypto signs on the calling thread, so signing on both cores (the
        // floor) takes two processes.
        () => data.withWebAndWorker(() => fanout(options, data), 2),
      ],
      // Stops and restarts Starling: after the others that read the first process's log.
      ["outage", first, () => outage(options, data)],
      ["posting", everySize, () => posting(options, data)],
    ];
    for (const [name, applies, run] of steps) {
      if (applies && wants(options, name)) {
        await guard(options, `${label}: ${name}`, run);
      }
    }
    if (bare) reportMemory(options, data, idle, bare);
    return data.summaries.get("home") ?? null;
  } finally {
    await (dataset?.server ?? server)?.stop();
    await sql.end({ timeout: 5 });
  }
}

/** Runs one scenario; a failure is noted in the results instead of losing the others' figures. */
async function guard(
  options: BenchOptions,
  name: string,
  run: () => Promise<void>,
) {
  try {
    await run();
  } catch (error) {
    options.results.note(
      `scenario ${name} failed: ${
        error instanceof Error ? error.message : error
      }`,
    );
  }
}

async function main() {
  const options = parseArgs(Deno.args);
  const started = performance.now();
  const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  console.log(
    `bench: mode ${options.mode}, sizes ${
      options.sizes.map(sizeLabel).join(", ")
    }`,
  );
  const { results } = options;
  await Deno.mkdir(OUT_DIR, { recursive: true });

  if (wants(options, "startup")) {
    await guard(options, "startup", () => startup(options));
  }
  if (wants(options, "memory") && options.mode !== "smoke") {
    await guard(options, "memory imports", () => importCosts(options));
  }
  const bare = wants(options, "memory") || wants(options, "home")
    ? await measureBare(options)
    : null;
  const homeBySize: [string, number][] = [];
  if (DATA_SCENARIOS.some((s) => wants(options, s))) {
    try {
      for (const size of options.sizes) {
        await guard(options, `dataset ${sizeLabel(size)}`, async () => {
          const home = await runDataset(options, size, bare);
          if (home) homeBySize.push([sizeLabel(size), home.p99]);
        });
      }
    } finally {
      if (!options.keep) await dropDatabase(dbName(options.mode));
    }
  }
  // The embedded default (PGlite), at the smallest size: it loads the data through one session.
  if (wants(options, "embedded")) {
    const size = options.sizes[0];
    await guard(
      options,
      `embedded ${sizeLabel(size)}`,
      () => homeEmbedded(options, size),
    );
  }
  if (homeBySize.length >= 2) {
    const [small, large] = [homeBySize[0], homeBySize[homeBySize.length - 1]];
    const ratio = large[1] / small[1];
    results.add({
      scenario: "1 home timeline",
      size: `${large[0]} vs ${small[0]}`,
      metric: "p99 at the largest size vs the smallest",
      figure: fmtMs(large[1]),
      floor: fmtMs(small[1]),
      ratio: fmtRatio(ratio),
      target: "same latency (≤ 1.5×, noise allowance)",
      verdict: ratio <= 1.5 ? "pass" : "FAIL",
    });
  }

  await removeTempDirs();
  const seconds = (performance.now() - started) / 1000;
  const smoke = options.mode === "smoke";
  const chartName = `chart-${options.mode}.svg`;
  const chartPath = smoke
    ? `${OUT_DIR}/${chartName}`
    : `${ROOT_DIR}/bench/${chartName}`;
  const hasChart = results.points.length > 0;
  if (hasChart) {
    await Deno.writeTextFile(
      chartPath,
      latencyChart(results.points, `p99 latency, ${options.mode} run, ${date}`),
    );
  }
  const section = renderSection(results, {
    mode: options.mode,
    command: `deno task bench ${Deno.args.join(" ")}`.trim(),
    date,
    seconds,
    machine: await machine(),
    chartFile: hasChart ? chartName : undefined,
  });
  const resultsPath = smoke
    ? `${OUT_DIR}/RESULTS-smoke.md`
    : `${ROOT_DIR}/bench/RESULTS.md`;
  await writeSection(resultsPath, options.mode, section);
  if (!smoke) {
    // The written files are part of the repository: keep them as `deno fmt --check` wants them.
    const files = hasChart ? [resultsPath, chartPath] : [resultsPath];
    await new Deno.Command(Deno.execPath(), {
      args: ["fmt", "--quiet", ...files],
      cwd: ROOT_DIR,
    })
      .output();
  }
  console.log(
    `\nbench: done in ${seconds.toFixed(0)} s; figures in ${
      resultsPath.replace(ROOT_DIR + "/", "")
    }`,
  );
}

async function machine(): Promise<string> {
  const cpu =
    (await Deno.readTextFile("/proc/cpuinfo")).match(/model name\s*:\s*(.+)/)
      ?.[1] ?? "?";
  return `${navigator.hardwareConcurrency} cores (${cpu}), Deno ${Deno.version.deno}, Postgres on 127.0.0.1:5432`;
}

if (import.meta.main) {
  // Interrupted (Ctrl-C, a test's time limit): stop the servers and peers we started, by pid.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    Deno.addSignalListener(signal, () => {
      console.error(`bench: ${signal}, stopping the processes it started`);
      stopAll().then(removeTempDirs).finally(() => Deno.exit(130));
    });
  }
  try {
    await main();
  } catch (error) {
    console.error(
      `bench failed: ${error instanceof Error ? error.stack : error}`,
    );
    Deno.exit(1);
  }
}
