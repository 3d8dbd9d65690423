/**
 * Scenario 7: memory. RSS (VmRSS from /proc) of the Starling server idle and at its peak under the
 * load of the other scenarios, against a bare `Deno.serve` process idle and under the same
 * driver, measured in the same run. Targets (issue 20, absolute): idle ≤ 80 MB, peak under load
 * ≤ 200 MB; the bare process is the floor beside them (what the Deno runtime alone takes).
 */
import type { BenchOptions, Dataset } from "../lib/context.ts";
import { sampleRss } from "../lib/context.ts";
import { fetchOk, httpClient, runLoad } from "../lib/load.ts";
import { ROOT_DIR, spawnDeno } from "../lib/process.ts";
import { verdict } from "../lib/results.ts";
import { fmtMs, fmtRatio, type LatencySummary } from "../lib/stats.ts";

const NAME = "7 memory";

export interface BareFloor {
  idleKiB: number;
  loadKiB: number;
  /** The bare server under the same driver: the HTTP floor of this machine. */
  hello: LatencySummary;
}

const settle = () => new Promise((r) => setTimeout(r, 1000));
/** Issue 20's targets, in MB (10^6 bytes) as written there. */
const IDLE_TARGET_MB = 80;
const LOADED_TARGET_MB = 200;
const mb = (kib: number) => (kib * 1024) / 1e6;
const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;

/** RSS of fresh processes that only import a module: where the idle RSS comes from. */
export async function importCosts(options: BenchOptions): Promise<void> {
  const modules = [
    "none",
    "postgres",
    "@fedify/vocab",
    "@fedify/fedify",
    `${ROOT_DIR}/lib/server.ts`,
  ];
  const rss = new Map<string, number>();
  for (const module of modules) {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "bench/probes/imports.ts", module],
      cwd: ROOT_DIR,
      stdout: "piped",
      stderr: "null",
    }).output();
    try {
      rss.set(
        module,
        JSON.parse(
          new TextDecoder().decode(out.stdout).trim().split("\n").pop()!,
        ).rssKiB,
      );
    } catch {
      rss.set(module, NaN);
    }
  }
  const base = rss.get("none")!;
  options.results.add({
    scenario: NAME,
    size: "–",
    metric: "RSS of a process that only imports (breakdown of idle)",
    figure: modules.slice(1).map((m) =>
      `${m.replace(`${ROOT_DIR}/`, "")} ${mib(rss.get(m)!)}`
    ).join("; "),
    floor: `${mib(base)} (imports nothing)`,
    ratio: fmtRatio(rss.get(`${ROOT_DIR}/lib/server.ts`)! / base),
    target: "(diagnostic)",
    verdict: "–",
  });
}

export async function measureBare(options: BenchOptions): Promise<BareFloor> {
  const bare = await spawnDeno({
    name: "bare-server",
    args: ["run", "-A", "bench/peers/bare_server.ts"],
  });
  try {
    await settle();
    const idleKiB = await bare.rssKiB();
    const client = httpClient();
    const rss = sampleRss(bare.rssKiB);
    const hello = await runLoad(() => fetchOk(client, `${bare.origin}/`), {
      concurrency: options.concurrency,
      seconds: options.seconds,
      warmupSeconds: options.warmup,
    });
    const loadKiB = await rss.stop();
    client.close();
    options.results.add({
      scenario: "0 HTTP floor",
      size: "–",
      metric: "bare Deno.serve hello, p99 / throughput",
      figure: `${fmtMs(hello.p99)} / ${hello.throughput.toFixed(0)} req/s`,
      floor: "–",
      ratio: "–",
      target: "(reference)",
      verdict: "–",
    });
    return { idleKiB, loadKiB, hello };
  } finally {
    await bare.stop();
  }
}

/** Idle RSS right after start (measured by the caller before any load) and the peak under load. */
export function reportMemory(
  options: BenchOptions,
  data: Dataset,
  idleKiB: number,
  bare: BareFloor,
) {
  const ratio = idleKiB / bare.idleKiB;
  options.results.add({
    scenario: NAME,
    size: data.label,
    metric: "RSS idle (after start)",
    figure: mib(idleKiB),
    floor: `${mib(bare.idleKiB)} (bare Deno.serve)`,
    ratio: fmtRatio(ratio),
    target: `≤ ${IDLE_TARGET_MB} MB (${
      (IDLE_TARGET_MB * 1e6 / 1048576).toFixed(1)
    } MiB)`,
    verdict: verdict(mb(idleKiB) <= IDLE_TARGET_MB),
  });
  if (data.loadRssKiB.length) {
    const peak = Math.max(...data.loadRssKiB);
    options.results.add({
      scenario: NAME,
      size: data.label,
      metric: "RSS peak under load",
      figure: mib(peak),
      floor: `${mib(bare.loadKiB)} (bare under load)`,
      ratio: fmtRatio(peak / bare.loadKiB),
      target: `≤ ${LOADED_TARGET_MB} MB (${
        (LOADED_TARGET_MB * 1e6 / 1048576).toFixed(1)
      } MiB)`,
      verdict: verdict(mb(peak) <= LOADED_TARGET_MB),
    });
  }
}

export async function idleRss(data: Dataset): Promise<number> {
  await settle();
  return await data.server.rssKiB();
}
