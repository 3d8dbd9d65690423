/**
 * The server's own CPU time per request, which the shared machine's load hardly moves (unlike
 * req/s): generates a dataset, starts this checkout (and any other checkouts named) as server
 * processes on it, sends each operation N times at 8 connections and reads the process's
 * user + system time from /proc before and after. Operations: the home timeline (20 and 40)
 * and verify_credentials, each asking for brotli, gzip and no compression. The home/verify CPU
 * ratio bounds the throughput ratio the home scenario can reach while the server is CPU-bound.
 *
 *   deno run -A bench/probes/cpu-per-request.ts [other-checkout …] [--size=10k] [--requests=1000]
 *     [--rounds=3] [--ops=home20,home40,verify,status] [--encodings=br,gzip,identity]
 *
 * `status` is GET /api/v1/statuses/:id (a boost-free status the user's home shows). With
 * BENCH_CPU_PROF=DIR each server writes a CPU profile of the whole probe there when it stops.
 */
import { connect, dropDatabase, recreateDatabase } from "../lib/pg.ts";
import { generate, shapeFor, tokenOf } from "../lib/datagen.ts";
import { httpClient } from "../lib/load.ts";
import { OUT_DIR, readCpuMs, serveCheckout } from "../lib/process.ts";

const flag = (name: string, fallback: string) =>
  Deno.args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ??
    fallback;
const size = Number(flag("size", "10k").replace(/k$/, "000"));
const requests = Number(flag("requests", "1000"));
const rounds = Number(flag("rounds", "3"));
const checkouts = [
  Deno.cwd(),
  ...Deno.args.filter((a) => !a.startsWith("--")),
];
const name = Deno.env.get("BENCH_DATABASE") ?? "starling_bench_cpu";

await Deno.mkdir(OUT_DIR, { recursive: true });
const dbUrl = await recreateDatabase(name);
const sql = connect(dbUrl, 4);
await generate(sql, shapeFor(size), "http://127.0.0.1:1");
// A public original with replies, as a thread page would show it.
const [{ id: statusId }] = await sql<{ id: string }[]>`
  SELECT id FROM statuses WHERE visibility = 'public' AND reblog_of_id IS NULL
  ORDER BY replies_count DESC, id DESC LIMIT 1`;
await sql.end();
const client = httpClient();
const servers = [];
try {
  for (const [i, dir] of checkouts.entries()) {
    servers.push({ dir, ...await serveCheckout(`cpu-${i}`, dir, dbUrl) });
  }
  const allPaths: Record<string, string> = {
    home20: "/api/v1/timelines/home?limit=20",
    home40: "/api/v1/timelines/home?limit=40",
    verify: "/api/v1/accounts/verify_credentials",
    status: `/api/v1/statuses/${statusId}`,
  };
  const paths = Object.fromEntries(
    flag("ops", "home20,home40,verify,status").split(",").map((
      op,
    ) => [op, allPaths[op]]),
  );
  const encodings = flag("encodings", "br,gzip,identity").split(",");
  for (const server of servers) {
    const one = async (path: string, encoding: string, user: number) => {
      const res = await fetch(`${server.origin}${path}`, {
        client,
        headers: {
          authorization: `Bearer ${tokenOf(user)}`,
          "accept-encoding": encoding,
        },
      });
      const body = await res.arrayBuffer();
      return Number(res.headers.get("content-length") ?? body.byteLength);
    };
    const run = async (path: string, encoding: string, n: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < n) await one(path, encoding, 1 + (next++ % 1000));
        }),
      );
    };
    // Warm: JIT, plan caches, every user's token owner in memory.
    for (const encoding of encodings) {
      for (const path of Object.values(paths)) await run(path, encoding, 1000);
    }
    // Rounds of every cell in turn, so a burst of load elsewhere lands on all alike; the median.
    const samples: Record<string, number[]> = {};
    for (let round = 0; round < rounds; round++) {
      for (const encoding of encodings) {
        for (const [op, path] of Object.entries(paths)) {
          const before = await readCpuMs(server.pid);
          await run(path, encoding, requests);
          (samples[`${encoding} ${op}`] ??= []).push(
            (await readCpuMs(server.pid) - before) / requests,
          );
        }
      }
    }
    const median = (xs: number[]) =>
      xs.toSorted((a, b) => a - b)[xs.length >> 1];
    console.log(
      `\n${server.dir} (size ${size}, ${rounds} rounds of ${requests} requests per cell; ` +
        `server CPU ms per request, median)`,
    );
    for (const encoding of encodings) {
      const ms = (op: string) => median(samples[`${encoding} ${op}`]);
      const bytes = await one(allPaths.home20, encoding, 1);
      const vbytes = await one(allPaths.verify, encoding, 1);
      console.log(
        `  ${encoding.padEnd(8)} ` +
          Object.keys(paths).map((op) => `${op} ${ms(op).toFixed(2)}`).join(
            ", ",
          ) +
          (paths.verify && paths.home20
            ? ` | verify/home20 ${(ms("verify") / ms("home20")).toFixed(2)}×`
            : "") +
          ` | bodies: home20 ${bytes} B, verify ${vbytes} B`,
      );
    }
  }
} finally {
  client.close();
  for (const server of servers) await server.stop();
  if (!Deno.args.includes("--keep")) await dropDatabase(name);
}
