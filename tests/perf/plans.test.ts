/**
 * The hot list queries keep a good plan on a database that has never been analysed (a freshly
 * seeded server; PGlite always, having no autovacuum): each reads a bounded window of its
 * source index in order, never the viewer's whole feed (or the whole tag, list, account or
 * notification list) joined, filtered and sorted. Checked with EXPLAIN ANALYZE on the real
 * statements (captured from the query functions themselves) against a seeded database whose
 * every source holds thousands of rows, on Postgres and on PGlite.
 */
import { loadStatusVersions } from "../../lib/db/status-bundle.ts";
import assert from "node:assert/strict";
import type postgres from "postgres";
import { openDatabase, type Queryable } from "../../lib/db/client.ts";
import { migrate, readMigrations } from "../../lib/db/migrate.ts";
import * as timelines from "../../lib/db/timelines.ts";
import { listNotifications } from "../../lib/db/notifications.ts";
import { visibleToSql } from "../../lib/db/visibility.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { type Seeded, seedFeeds } from "./seed.ts";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  Plans?: PlanNode[];
}

function* nodes(plan: PlanNode): Generator<PlanNode> {
  yield plan;
  for (const child of plan.Plans ?? []) yield* nodes(child);
}

/**
 * The tables a timeline reads its candidates from: none may be scanned whole (a list's members
 * are read whole, as they must be: they aren't in time order).
 */
const SOURCES = new Set([
  "home_feed_entries",
  "statuses",
  "statuses_tags",
  "notifications",
]);
/** Far below any source's size in the seed (22,500 feed entries, 30,000 statuses). */
const MAX_ROWS_PER_NODE = 2000;

type Query = (sql: Queryable, seeded: Seeded) => Promise<unknown[]>;

const VERSIONS = "status versions and flags of a home page";

const QUERIES: Record<string, Query> = {
  "home": (sql, s) => timelines.homeTimeline(sql, s.viewerId, { limit: 20 }),
  "home, limit 40, max_id": (sql, s) =>
    timelines.homeTimeline(sql, s.viewerId, { limit: 40, maxId: "1015000" }),
  "home, min_id": (sql, s) =>
    timelines.homeTimeline(sql, s.viewerId, { limit: 20, minId: "1015000" }),
  "list": (sql, s) =>
    timelines.listTimeline(sql, s.viewerId, {
      id: s.listId,
      replies_policy: "list",
    }, { limit: 20 }),
  "federated": (sql, s) =>
    timelines.publicTimeline(sql, s.viewerId, {}, { limit: 20 }),
  "local": (sql, _s) =>
    timelines.publicTimeline(sql, null, { local: true }, { limit: 20 }),
  "tag": (sql, s) =>
    timelines.tagTimeline(sql, s.viewerId, { tag: s.tag }, { limit: 20 }),
  "account statuses": (sql, s) =>
    timelines.accountStatuses(sql, s.viewerId, s.authorId, {}, { limit: 20 }),
  "notifications": (sql, s) =>
    listNotifications(
      sql,
      s.viewerId,
      { limit: 20 },
      visibleToSql(sql, s.viewerId, "s"),
    ),
  // What a page of kept statuses reads instead of the bundle: versions and the viewer's flags.
  // Not a timeline (no order to keep): only bounded (MAX_ROWS_PER_NODE) — lookups by status id
  // may be bitmap scans of one row each.
  [VERSIONS]: async (sql, s) => {
    const page = await timelines.homeTimeline(sql, s.viewerId, { limit: 20 });
    const { versions } = await loadStatusVersions(
      sql,
      page.map((row) => row.id),
      s.viewerId,
      "home",
    );
    return [...versions.values()];
  },
  // A client's quick filter: the planner guesses few rows of a type, which made a sort of all
  // of them look cheap.
  "notifications, types, max_id": (sql, s) =>
    listNotifications(
      sql,
      s.viewerId,
      { limit: 20, types: ["favourite", "mention"], maxId: "1015000" },
      visibleToSql(sql, s.viewerId, "s"),
    ),
  "notifications, exclude_types, min_id": (sql, s) =>
    listNotifications(
      sql,
      s.viewerId,
      { limit: 20, excludeTypes: ["follow_request"], minId: "1015000" },
      visibleToSql(sql, s.viewerId, "s"),
    ),
};

/**
 * Rows read from `table` in the current transaction (`pg_stat_xact_user_tables`): what a
 * statement read inside the functions it calls, where EXPLAIN doesn't look.
 */
async function rowsRead(sql: Queryable, table: string): Promise<number> {
  const [row] = await sql<{ read: number }[]>`
    SELECT (coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))::int AS read
    FROM pg_stat_xact_user_tables WHERE relname = ${table}`;
  return row?.read ?? 0;
}

async function checkPlans(sql: postgres.Sql) {
  await migrate(
    sql,
    await readMigrations(new URL("../../migrations/", import.meta.url)),
  );
  const seeded = await seedFeeds(sql);
  // Capture each statement as sent, to EXPLAIN exactly that (postgres.js reads `debug` per query).
  let last: { query: string; parameters: unknown[] } | null = null;
  (sql.options as { debug?: unknown }).debug = (
    _connection: number,
    query: string,
    parameters: unknown[],
  ) => last = { query, parameters };
  for (const [name, run] of Object.entries(QUERIES)) {
    const { rows, read, captured } = await sql.begin(async (tx) => {
      const before = await rowsRead(tx, "notifications");
      last = null;
      const rows = await run(tx, seeded);
      const captured = last as { query: string; parameters: unknown[] } | null;
      return {
        rows,
        captured,
        read: await rowsRead(tx, "notifications") - before,
      };
    });
    // The seed's viewer has 29,850 notifications; a page reads one window of them.
    assert.ok(read <= 100, `${name}: read ${read} notifications`);
    assert.equal(rows.length, name.includes("limit 40") ? 40 : 20, name);
    if (!captured) throw new Error(`${name}: no statement was captured`);
    const explained = await sql.unsafe(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${captured.query}`,
      captured.parameters as never[],
    );
    const plan: PlanNode = explained[0]["QUERY PLAN"][0].Plan;
    for (const node of nodes(plan)) {
      const where = `${name}: ${node["Node Type"]} on ${
        node["Relation Name"] ?? "-"
      }`;
      if (
        name !== VERSIONS && node["Relation Name"] &&
        SOURCES.has(node["Relation Name"])
      ) {
        assert.ok(
          !["Seq Scan", "Bitmap Heap Scan"].includes(node["Node Type"]),
          `${where}: a source read without its order`,
        );
      }
      const produced = node["Actual Rows"] * node["Actual Loops"];
      assert.ok(
        produced <= MAX_ROWS_PER_NODE,
        `${where} produced ${produced} rows\n${JSON.stringify(plan, null, 1)}`,
      );
    }
  }
}

Deno.test("hot queries read a bounded window in index order, unanalysed (Postgres)", async () => {
  const database = await createTestDatabase();
  const { sql, close } = await openDatabase({ url: database.url, max: 1 });
  try {
    await checkPlans(sql);
  } finally {
    await close();
    await database.drop();
  }
});

Deno.test("hot queries read a bounded window in index order (PGlite)", async () => {
  const { sql, close } = await openDatabase({ pgliteDir: "memory://" });
  try {
    await checkPlans(sql);
  } finally {
    await close();
  }
});

Deno.test("filtered rows never shorten a page: windows continue until it is full", async () => {
  const database = await createTestDatabase();
  const { sql, close } = await openDatabase({ url: database.url, max: 1 });
  try {
    await migrate(
      sql,
      await readMigrations(new URL("../../migrations/", import.meta.url)),
    );
    const s = await seedFeeds(sql, 12_000);
    // The viewer mutes every followed author but one: only 1 feed entry in 150 is shown.
    await sql`
      INSERT INTO mutes (account_id, target_account_id)
      SELECT ${s.viewerId}, t FROM generate_series(11, 159) t`;
    const expected = await sql<{ id: string }[]>`
      SELECT s.id FROM home_feed_entries h JOIN statuses s ON s.id = h.status_id
      WHERE h.account_id = ${s.viewerId} AND s.account_id = 10
      ORDER BY s.id DESC`;
    assert.ok(expected.length > 30);
    const first = await timelines.homeTimeline(sql, s.viewerId, { limit: 20 });
    assert.deepEqual(
      first.map((r) => r.id),
      expected.slice(0, 20).map((r) => r.id),
    );
    const next = await timelines.homeTimeline(sql, s.viewerId, {
      limit: 20,
      maxId: first.at(-1)!.id,
    });
    assert.deepEqual(
      next.map((r) => r.id),
      expected.slice(20, 40).map((r) => r.id),
    );
    const newer = await timelines.homeTimeline(sql, s.viewerId, {
      limit: 5,
      minId: next[10].id,
    });
    assert.deepEqual(
      newer.map((r) => r.id),
      expected.slice(25, 30).map((r) => r.id),
    );
  } finally {
    await close();
    await database.drop();
  }
});
