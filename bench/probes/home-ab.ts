/**
 * Two builds of Starling side by side on one database, in one run: this checkout and another
 * (e.g. `git worktree add /tmp/before main`, or an exported tree), each a server process, loaded
 * with the home timeline and verify_credentials in alternating slices (`runInterleaved`), so that
 * the shared machine's noise hits both builds alike. What a change did, as a ratio measured in
 * the same conditions.
 *
 *   deno run -A bench/probes/home-ab.ts <other-checkout> [--size=100k] [--seconds=12] [--limit=20]
 *     [--encoding=identity]
 *   BENCH_ANALYZE=0 deno run -A bench/probes/home-ab.ts …   # data left unanalysed, autovacuum off
 *
 * The database (`starling_bench_ab`, or `BENCH_DATABASE`) is migrated by this checkout; the other
 * build applies whatever it lacks of its own.
 */
import { connect, dropDatabase, recreateDatabase } from "../lib/pg.ts";
import { generate, shapeFor, tokenOf } from "../lib/datagen.ts";
import { httpClient, type Operation, runInterleaved } from "../lib/load.ts";
import { OUT_DIR, serveCheckout } from "../lib/process.ts";
import { prng } from "../lib/context.ts";
import { fmtMs } from "../lib/stats.ts";

const other = Deno.args.find((a) => !a.startsWith("--"));
if (!other) throw new Error("usage: home-ab.ts <other-checkout> [--size=100k]");
const flag = (name: string, fallback: string) =>
  Deno.args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ??
    fallback;
const size = Number(flag("size", "100k").replace(/k$/, "000"));
const seconds = Number(flag("seconds", "12"));
const limit = Number(flag("limit", "20"));
/** `--encoding=identity` asks for uncompressed bodies (what compression costs the server). */
const encoding = flag("encoding", "");
const name = Deno.env.get("BENCH_DATABASE") ?? "starling_bench_ab";

await Deno.mkdir(OUT_DIR, { recursive: true });
const dbUrl = await recreateDatabase(name);
const sql = connect(dbUrl, 4);
const report = await generate(sql, shapeFor(size), "http://127.0.0.1:1");
await sql.end();
console.log(`dataset ${size}: ${report.seconds.toFixed(1)} s`);
const servers = {
  after: await serveCheckout("ab-this", Deno.cwd(), dbUrl),
  before: await serveCheckout("ab-other", other, dbUrl),
};
const client = httpClient();
const ops: Record<string, Operation> = {};
for (const [label, server] of Object.entries(servers)) {
  const pick = new Map<number, () => number>();
  const user = (w: number) => {
    if (!pick.has(w)) pick.set(w, prng(1000 + w));
    return 1 + Math.floor(pick.get(w)!() * 1000);
  };
  const get = (path: string): Operation => async (w) => {
    const res = await fetch(`${server.origin}${path}`, {
      client,
      headers: {
        authorization: `Bearer ${tokenOf(user(w))}`,
        ...(encoding ? { "accept-encoding": encoding } : {}),
      },
    });
    await res.arrayBuffer();
    return res.ok;
  };
  ops[`${label} home`] = get(`/api/v1/timelines/home?limit=${limit}`);
  ops[`${label} verify`] = get("/api/v1/accounts/verify_credentials");
}
try {
  const results = await runInterleaved(ops, {
    concurrency: 8,
    seconds,
    warmupSeconds: 1,
  });
  const analysed = Deno.env.get("BENCH_ANALYZE") === "0"
    ? "unanalysed"
    : "analysed";
  console.log(
    `\n${
      new Date().toISOString()
    } size ${size}, ${analysed}, limit ${limit}, ` +
      `8 connections, ${seconds} s each, interleaved${
        encoding ? `, accept-encoding: ${encoding}` : ""
      }`,
  );
  for (const [op, r] of Object.entries(results)) {
    console.log(
      `${op.padEnd(14)} ${r.throughput.toFixed(0).padStart(5)} req/s  p50 ${
        fmtMs(r.p50)
      }  p99 ${fmtMs(r.p99)}  errors ${r.errors}`,
    );
  }
  const t = (op: string) => results[op].throughput;
  console.log(
    `home/verify: after ${
      (t("after home") / t("after verify")).toFixed(2)
    }×, ` +
      `before ${(t("before home") / t("before verify")).toFixed(2)}×; ` +
      `home after/before ${(t("after home") / t("before home")).toFixed(2)}×`,
  );
} finally {
  client.close();
  for (const server of Object.values(servers)) await server.stop();
  if (!Deno.args.includes("--keep")) await dropDatabase(name);
}
