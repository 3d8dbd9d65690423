/**
 * Spawning Starling (and other Deno programs) as separate processes on loopback ports, waiting
 * until they answer, reading their memory, and stopping them by their own pid.
 */

export const ROOT_DIR = new URL("../..", import.meta.url).pathname.replace(
  /\/$/,
  "",
);
export const OUT_DIR = `${ROOT_DIR}/bench/out`;

export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** `n` distinct free ports: all held open until each is found (one at a time may repeat). */
export function freePorts(n: number): number[] {
  const listeners = Array.from(
    { length: n },
    () => Deno.listen({ hostname: "127.0.0.1", port: 0 }),
  );
  const ports = listeners.map((l) => (l.addr as Deno.NetAddr).port);
  for (const l of listeners) l.close();
  return ports;
}

/** Every process still running, so an interrupted bench can stop them all (by their pid). */
const running = new Set<() => Promise<void>>();

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((stop) => stop().catch(() => {})));
}

export interface Spawned {
  pid: number;
  origin: string;
  /** Milliseconds from spawn to the first 200 on the ready path. */
  readyMs: number;
  /** Resident set size in KiB (VmRSS), read from /proc. */
  rssKiB(): Promise<number>;
  /**
   * CPU time the process has used (user + system, ms, from /proc): a figure that holds on a
   * machine shared with other loads, where throughput does not.
   */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Arguments after `deno` (default: `run -A main.ts`). */
  args?: string[];
  env?: Record<string, string>;
  /** Path polled until it answers 200. */
  readyPath?: string;
  timeoutMs?: number;
  /** A name for the log file under bench/out/. */
  name: string;
  port?: number;
}

/**
 * `BENCH_INSPECT=9339 deno task bench …` starts the Starling servers with the V8 inspector on
 * that port, so a profiler can attach while a scenario runs (how the inbox's KV waits were found).
 */
/**
 * `BENCH_INSPECT=PORT` opens the server's inspector; `BENCH_CPU_PROF=DIR` makes each server
 * process write a V8 CPU profile into DIR when it stops (open it in Chrome's DevTools).
 */
function inspectFlag(name: string): string[] {
  if (!name.startsWith("server")) return [];
  const port = Deno.env.get("BENCH_INSPECT");
  const profiles = Deno.env.get("BENCH_CPU_PROF");
  return [
    ...(port ? [`--inspect=127.0.0.1:${port}`] : []),
    ...(profiles ? ["--cpu-prof", `--cpu-prof-dir=${profiles}`] : []),
  ];
}

export async function spawnDeno(options: SpawnOptions): Promise<Spawned> {
  const port = options.port ?? freePort();
  const origin = `http://127.0.0.1:${port}`;
  await Deno.mkdir(OUT_DIR, { recursive: true });
  const log = await Deno.open(`${OUT_DIR}/${options.name}.log`, {
    write: true,
    create: true,
    truncate: true,
  });
  const started = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: options.args ??
      ["run", "-A", ...inspectFlag(options.name), "main.ts"],
    cwd: ROOT_DIR,
    env: { PORT: String(port), ORIGIN: origin, ...options.env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const pump = Promise.all([copy(child.stdout, log), copy(child.stderr, log)]);
  let exited = false;
  const status = child.status.then((s) => {
    exited = true;
    return s;
  });
  const stop = async () => {
    if (!exited) {
      // `deno task start` runs the server as its own child: signal the descendants (by pid)
      // first, then the process itself, which passes its own SIGTERM on (the server starts
      // one stop however many signals arrive).
      for (const pid of await descendants(child.pid)) {
        try {
          Deno.kill(pid, "SIGTERM");
        } catch { /* gone */ }
      }
      try {
        child.kill("SIGTERM");
      } catch { /* already gone */ }
      const timer = setTimeout(() => {
        try {
          if (!exited) child.kill("SIGKILL");
        } catch { /* gone */ }
      }, 5000);
      await status;
      clearTimeout(timer);
    }
    await pump;
    try {
      log.close();
    } catch { /* closed */ }
  };
  running.add(stop);
  status.then(() => running.delete(stop));
  const deadline = started + (options.timeoutMs ?? 60_000);
  const readyUrl = `${origin}${options.readyPath ?? "/"}`;
  while (true) {
    if (exited) {
      await stop();
      throw new Error(
        `${options.name} exited before answering; see bench/out/${options.name}.log`,
      );
    }
    if (performance.now() > deadline) {
      await stop();
      throw new Error(
        `${options.name} did not answer 200 on ${readyUrl} in time`,
      );
    }
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.status === 200) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - started;
  return {
    pid: child.pid,
    origin,
    readyMs,
    rssKiB: () => readRssKiB(child.pid),
    cpuMs: () => readCpuMs(child.pid),
    stop,
  };
}

/** Copies a child's output into its log file (both streams share one file). */
async function copy(
  stream: ReadableStream<Uint8Array>,
  file: Deno.FsFile,
): Promise<void> {
  try {
    for await (const chunk of stream) {
      let written = 0;
      while (written < chunk.length) {
        written += await file.write(chunk.subarray(written));
      }
    }
  } catch { /* the file or the stream closed */ }
}

/** Child processes of `pid`, deepest first, from /proc. */
async function descendants(pid: number): Promise<number[]> {
  let children: number[] = [];
  try {
    const text = await Deno.readTextFile(`/proc/${pid}/task/${pid}/children`);
    children = text.trim().split(/\s+/).filter(Boolean).map(Number);
  } catch { /* gone, or no /proc */ }
  const out: number[] = [];
  for (const c of children) out.push(...await descendants(c), c);
  return out;
}

export async function readRssKiB(pid: number): Promise<number> {
  const status = await Deno.readTextFile(`/proc/${pid}/status`);
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) : NaN;
}

/** A process's CPU time so far (user + system, all threads) in ms, from /proc (USER_HZ 100). */
export async function readCpuMs(pid: number): Promise<number> {
  const stat = await Deno.readTextFile(`/proc/${pid}/stat`);
  // Fields after the command name (which may hold spaces) start at ") ".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * `deno run -A main.ts` in checkout `dir` on `dbUrl`, logging to bench/out/<prefix>.log,
 * once its API answers: for probes that compare builds side by side.
 */
export async function serveCheckout(
  prefix: string,
  dir: string,
  dbUrl: string,
) {
  const port = freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = await Deno.open(`${OUT_DIR}/${prefix}.log`, {
    write: true,
    create: true,
    truncate: true,
  });
  const child = new Deno.Command(Deno.execPath(), {
    // Named as a server: BENCH_CPU_PROF / BENCH_INSPECT apply to probes' servers too.
    args: ["run", "-A", ...inspectFlag(`server-${prefix}`), "main.ts"],
    cwd: dir,
    env: { ...await starlingEnv(dbUrl), PORT: String(port), ORIGIN: origin },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  child.stdout.pipeTo(log.writable, { preventClose: true }).catch(() => {});
  child.stderr.pipeTo(log.writable).catch(() => {});
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${origin}/api/v1/instance`);
      await res.body?.cancel();
      if (res.ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    pid: child.pid,
    stop: async () => {
      child.kill("SIGTERM");
      await child.status;
    },
  };
}

const tempDirs: string[] = [];

/** Removes the DATA_DIRs made by `starlingEnv` (call once the servers are stopped). */
export async function removeTempDirs(): Promise<void> {
  for (const dir of tempDirs.splice(0)) {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

/** The server's secret: the bench makes web sessions (cookies) that the server accepts. */
export const SECRET_KEY = "bench-secret-key-that-is-long-enough-0123456789";

/** Environment for a Starling server process on the given database, with a fresh DATA_DIR. */
export async function starlingEnv(
  databaseUrl?: string,
): Promise<Record<string, string>> {
  const dataDir = await Deno.makeTempDir({ prefix: "starling-bench-" });
  tempDirs.push(dataDir);
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ALLOW_PRIVATE_ADDRESS: "true",
    SECRET_KEY,
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}
