/**
 * Idle memory of the server as a process: `deno run -A [V8 flags] main.ts` on Postgres (a fresh
 * migrated database) or on the embedded database (a new DATA_DIR), RSS (VmRSS) one second after
 * the first 200 on `/` (on the embedded database: of a restart), then again after a tour of pages and API calls a visitor and the
 * bench's readers make (each module loads on its first request). Prints one line per run, so
 * flags can be compared side by side in one invocation.
 *
 *   deno run -A bench/probes/idle-rss.ts [--db=postgres|embedded] [--runs=3]
 *     [--flags="--v8-flags=--optimize-for-size"] [--flags=…]   (one set per --flags, "" = none)
 *     [--main=bench/peers/bare_server.ts]   (the floor, measured the same way)
 *     [--smaps]   (idle RSS by mapping: the deno binary's pages, malloc's heap, other anonymous
 *                  memory — mostly V8's heap and WebAssembly — and files)
 */
import { freePort, readRssKiB, ROOT_DIR, SECRET_KEY } from "../lib/process.ts";
import { dropDatabase, recreateDatabase } from "../lib/pg.ts";

const arg = (name: string) =>
  Deno.args.filter((a) => a.startsWith(`--${name}=`)).map((a) =>
    a.slice(name.length + 3)
  );
const db = arg("db")[0] ?? "postgres";
const runs = Number(arg("runs")[0] ?? "2");
const flagSets = arg("flags");
const showMaps = Deno.args.includes("--smaps");
/** Another program to measure the same way (`bench/peers/bare_server.ts`: the floor). */
const main = arg("main")[0] ?? "main.ts";
if (flagSets.length === 0) flagSets.push("");

const TOUR = [
  "/",
  "/about",
  "/public/local",
  "/api/v1/instance",
  "/api/v2/instance",
  "/api/v1/timelines/public",
  "/.well-known/nodeinfo",
  "/auth/sign_in",
];

const mib = (kib: number) => (kib / 1024).toFixed(1);
const settle = () => new Promise((r) => setTimeout(r, 1000));

async function measure(flags: string) {
  const dataDir = await Deno.makeTempDir({ prefix: "starling-idle-" });
  try {
    // The embedded database is measured on a restart: a first start also unpacks the template
    // or runs initdb, whose garbage is not what an instance carries.
    if (db === "embedded") await run(flags, dataDir, false);
    return await run(flags, dataDir, true);
  } finally {
    await Deno.remove(dataDir, { recursive: true }).catch(() => {});
  }
}

async function run(flags: string, dataDir: string, measured: boolean) {
  const port = freePort();
  const env: Record<string, string> = {
    ...Deno.env.toObject(),
    PORT: String(port),
    ORIGIN: `http://127.0.0.1:${port}`,
    SECRET_KEY,
    ALLOW_PRIVATE_ADDRESS: "true",
  };
  env.DATA_DIR = dataDir;
  const dbName = "starling_bench_footprint_idle";
  if (db === "postgres") env.DATABASE_URL = await recreateDatabase(dbName);
  else delete env.DATABASE_URL;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ...flags.split(" ").filter(Boolean), main],
    cwd: ROOT_DIR,
    env,
    clearEnv: true,
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        await res.body?.cancel();
        if (res.ok) break;
      } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 20));
    }
    if (!measured) return { idle: 0, toured: 0 };
    await settle();
    const idle = await readRssKiB(child.pid);
    if (showMaps) console.log(await residentByMapping(child.pid));
    for (const path of TOUR) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      await res.body?.cancel();
    }
    await settle();
    const toured = await readRssKiB(child.pid);
    return { idle, toured };
  } finally {
    child.kill("SIGTERM");
    await child.status;
    if (db === "postgres") await dropDatabase(dbName);
  }
}

console.log(
  `idle RSS on ${db}, MiB (after start | after ${TOUR.length} pages)`,
);
for (let i = 0; i < runs; i++) {
  for (const flags of flagSets) {
    const { idle, toured } = await measure(flags);
    console.log(`  ${flags || "(no flags)"}: ${mib(idle)} | ${mib(toured)}`);
  }
}

/** Resident KiB per kind of mapping, from /proc/PID/smaps. */
async function residentByMapping(pid: number): Promise<string> {
  const text = await Deno.readTextFile(`/proc/${pid}/smaps`);
  const kinds = new Map<string, number>();
  let kind = "";
  for (const line of text.split("\n")) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1];
      kind = name === ""
        ? "anonymous (V8 heap, WebAssembly, thread stacks)"
        : name === "[heap]"
        ? "malloc heap (Rust: module graph, sources)"
        : name === Deno.execPath()
        ? `deno executable (${line.split(" ")[1]})`
        : name.startsWith("/")
        ? "files"
        : name;
      continue;
    }
    const rss = /^Rss:\s+(\d+)/.exec(line);
    if (rss) kinds.set(kind, (kinds.get(kind) ?? 0) + Number(rss[1]));
  }
  return [...kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) =>
    `    ${mib(v)} MiB ${k}`
  ).join("\n");
}
