/**
 * Scenario 1 on the embedded default: the same generated data loaded into a PGlite data
 * directory (through the app's own `openDatabase` and migrations), then Starling started on it
 * with no `DATABASE_URL`, as `deno task start` runs. Measured as on Postgres (`measureReads`):
 * home at limit 20 and 40 and one status against verify_credentials on the same server. There
 * is no bare-SQL floor: PGlite has one session, held by the server. `BENCH_ANALYZE=0` leaves the
 * data unanalysed (what a server that has not run its analyse job yet reads).
 */
import { type BenchOptions, probe, sampleRss } from "../lib/context.ts";
import { generate, shapeFor, tokenOf } from "../lib/datagen.ts";
import { fetchOk, httpClient, type Operation } from "../lib/load.ts";
import { freePort, spawnDeno, starlingEnv } from "../lib/process.ts";
import { migrate, readMigrations } from "../../lib/db/migrate.ts";
import { openDatabase } from "../../lib/db/client.ts";
import { sizeLabel } from "../lib/svg.ts";
import { prng } from "../lib/context.ts";
import { ROOT_DIR } from "../lib/process.ts";
import {
  measureReads,
  publicStatusIds,
  secondPageCursors,
} from "./home_timeline.ts";

export async function homeEmbedded(
  options: BenchOptions,
  statuses: number,
): Promise<void> {
  const label = `${sizeLabel(statuses)} embedded`;
  console.log(`\n== dataset ${label}`);
  const port = freePort();
  const env = await starlingEnv();
  const database = await openDatabase({ pgliteDir: `${env.DATA_DIR}/pg` });
  let prepared;
  try {
    await migrate(
      database.sql,
      await readMigrations(`${ROOT_DIR}/migrations`),
    );
    const report = await generate(
      database.sql,
      shapeFor(statuses, options.mode === "smoke"),
      `http://127.0.0.1:${port}`,
      console.log,
    );
    options.results.note(
      `dataset ${label}: generated in ${report.seconds.toFixed(1)} s`,
    );
    const rows = await database.sql<{ username: string; id: string }[]>`
      SELECT username, id FROM accounts WHERE domain IS NULL AND username LIKE 'user%'`;
    const accountIds = new Map(
      rows.map((r) => [Number(r.username.slice(4)), r.id]),
    );
    prepared = {
      users: [...accountIds.keys()],
      maxIds: await secondPageCursors({ accountIds, sql: database.sql }),
      statusIds: await publicStatusIds(database.sql),
    };
  } finally {
    await database.close();
  }
  const server = await spawnDeno({ name: `server-${label}`, port, env });
  const client = httpClient();
  try {
    const { users } = prepared;
    const verifyUrl = `${server.origin}/api/v1/accounts/verify_credentials`;
    const check = await probe(verifyUrl, {
      headers: { authorization: `Bearer ${tokenOf(users[0])}` },
    });
    const rand = prng(7);
    const verifyOp: Operation | null = check.status === 200
      ? () =>
        fetchOk(client, verifyUrl, {
          headers: {
            authorization: `Bearer ${
              tokenOf(users[Math.floor(rand() * users.length)])
            }`,
          },
        })
      : null;
    const rss = sampleRss(server.rssKiB);
    await measureReads(options, {
      label,
      origin: server.origin,
      ...prepared,
      client,
      verifyOp,
    });
    const peak = await rss.stop();
    options.results.note(
      `${label}: server RSS peak under load ${(peak / 1024).toFixed(1)} MiB`,
    );
  } finally {
    client.close();
    await server.stop();
  }
}
