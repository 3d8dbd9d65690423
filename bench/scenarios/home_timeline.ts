/**
 * Scenario 1: home timeline. `GET /api/v1/timelines/home?limit=20` and `limit=40`, 70% first
 * pages and 30% second pages (`max_id`), by 1,000 users at 8 connections, and one status
 * (`GET /api/v1/statuses/:id`). Floors in the same run: the bare SQL for the same rows through
 * postgres.js in the bench process, and verify_credentials on the same server. Targets (issue
 * 20): home ≥ 0.5× verify_credentials at p99 < 50 ms; one status ≥ 0.6×; p99 ≤ 4× the SQL p99;
 * a page built in a constant number of queries. `home_embedded.ts` measures the same on PGlite.
 */
import {
  type BenchOptions,
  type Dataset,
  prng,
  probe,
  sampleRss,
} from "../lib/context.ts";
import { tokenOf } from "../lib/datagen.ts";
import {
  fetchOk,
  httpClient,
  type Operation,
  runInterleaved,
  runLoad,
} from "../lib/load.ts";
import { countQueries } from "../lib/querycount.ts";
import { OUT_DIR } from "../lib/process.ts";
import { verdict } from "../lib/results.ts";
import type postgres from "postgres";
import {
  fmtMs,
  fmtRatio,
  type LatencySummary,
  summarize,
} from "../lib/stats.ts";

const NAME = "1 home timeline";

interface PagePick {
  user: number;
  maxId: string | null;
}

/** Which user and page each (worker, iteration) asks for: the same plan for HTTP and SQL. */
export function planner(users: number[], maxIds: Map<number, string>) {
  const randoms = new Map<number, () => number>();
  return (worker: number): PagePick => {
    let rand = randoms.get(worker);
    if (!rand) randoms.set(worker, rand = prng(1000 + worker));
    const user = users[Math.floor(rand() * users.length)];
    const secondPage = rand() < 0.3 && maxIds.has(user);
    return { user, maxId: secondPage ? maxIds.get(user)! : null };
  };
}

export async function homeTimeline(
  options: BenchOptions,
  data: Dataset,
): Promise<void> {
  const { results } = options;
  const users = [...data.accountIds.keys()];
  const maxIds = await secondPageCursors(data);
  const origin = data.server.origin;
  const auth = (u: number) => ({ authorization: `Bearer ${tokenOf(u)}` });
  const load = {
    concurrency: options.concurrency,
    seconds: options.seconds,
    warmupSeconds: options.warmup,
  };

  const first = await probe(`${origin}/api/v1/timelines/home?limit=20`, {
    headers: auth(users[0]),
  });
  const sqlPick = planner(users, maxIds);
  // Floor 1: the bare SQL for the same rows.
  const sqlOp: Operation = async (w) => {
    const { user, maxId } = sqlPick(w);
    await homePageSql(data, data.accountIds.get(user)!, maxId);
  };
  if (first.status !== 200) {
    const sqlFloor = await runLoad(sqlOp, load);
    results.add(missing(data.label, first.status, fmtMs(sqlFloor.p99)));
    return;
  }
  const count = JSON.parse(first.body).length;
  if (count !== 20) {
    results.note(
      `${data.label}: home timeline returned ${count} statuses, not 20`,
    );
  }
  const client = httpClient();
  // Floor 2: verify_credentials on the same server.
  const verifyOp = await verifyOperation(options, data, client);
  const rss = sampleRss(data.server.rssKiB);
  const measured = await measureReads(
    options,
    {
      label: data.label,
      origin,
      users,
      maxIds,
      statusIds: await publicStatusIds(data.sql),
      client,
      verifyOp,
    },
    { sql: sqlOp },
  );
  data.loadRssKiB.push(await rss.stop());
  client.close();
  const { sql: sqlFloor, home20: home } = measured;
  results.point("home: bare SQL", data.statuses, sqlFloor);
  results.point("home: API", data.statuses, home);
  if (measured.verify) {
    results.point("verify_credentials", data.statuses, measured.verify);
  }
  data.summaries.set("home", home);

  const latencyRatio = home.p99 / sqlFloor.p99;
  results.add({
    scenario: NAME,
    size: data.label,
    metric: "p99 latency (vs bare SQL p99)",
    figure: `${fmtMs(home.p99)} (p50 ${
      fmtMs(home.p50)
    }, ${home.errors} errors)`,
    floor: `${fmtMs(sqlFloor.p99)} (p50 ${fmtMs(sqlFloor.p50)})`,
    ratio: fmtRatio(latencyRatio),
    target: "≤ 4×",
    verdict: verdict(latencyRatio <= 4 && home.errors === 0),
  });

  const counts = await countQueries(
    data.dbUrl,
    [
      {
        name: "verify_credentials",
        request: (
          o,
          i,
        ) => [`${o}/api/v1/accounts/verify_credentials`, {
          headers: auth(users[i]),
        }],
      },
      {
        name: "first page",
        request: (
          o,
          i,
        ) => [`${o}/api/v1/timelines/home?limit=20`, {
          headers: auth(users[i]),
        }],
      },
      {
        name: "max_id page",
        request: (
          o,
          i,
        ) => [
          `${o}/api/v1/timelines/home?limit=20&max_id=${maxIds.get(users[i])}`,
          { headers: auth(users[i]) },
        ],
      },
    ],
    10,
    `${OUT_DIR}/statements-home-${data.label}.txt`,
  );
  const show = (v: number | string | undefined) =>
    typeof v === "number" ? v.toFixed(1) : String(v);
  results.add({
    scenario: NAME,
    size: data.label,
    metric: "SQL statements per request",
    figure: `first page ${show(counts.get("first page"))}, max_id page ${
      show(counts.get("max_id page"))
    }`,
    floor: `verify_credentials ${show(counts.get("verify_credentials"))}`,
    ratio: "–",
    target: "constant across sizes",
    verdict: "see sizes",
  });
}

export interface ReadTarget {
  /** The dataset's label (`10k`, or `10k embedded`). */
  label: string;
  origin: string;
  /** Bench user numbers, with their second pages' `max_id`. */
  users: number[];
  maxIds: Map<number, string>;
  /** Public statuses every user may read (`GET /api/v1/statuses/:id`). */
  statusIds: string[];
  client: Deno.HttpClient;
  verifyOp: Operation | null;
}

/**
 * The read path against verify_credentials, interleaved in one run: the home timeline at
 * limit 20 and 40 (70% first pages, 30% `max_id`) and `GET /api/v1/statuses/:id`, each a row
 * with the issue's target (home ≥ 0.5× verify_credentials at p99 < 50 ms; one status ≥ 0.6×).
 * `extra` operations (a SQL floor) run in the same slices.
 */
export async function measureReads(
  options: BenchOptions,
  target: ReadTarget,
  extra: Record<string, Operation> = {},
): Promise<Record<string, LatencySummary>> {
  const { origin, users, maxIds, client, statusIds } = target;
  const auth = (u: number) => ({ authorization: `Bearer ${tokenOf(u)}` });
  const homeOp = (limit: number): Operation => {
    const pick = planner(users, maxIds);
    return (w) => {
      const { user, maxId } = pick(w);
      const query = maxId ? `limit=${limit}&max_id=${maxId}` : `limit=${limit}`;
      return fetchOk(client, `${origin}/api/v1/timelines/home?${query}`, {
        headers: auth(user),
      });
    };
  };
  const rand = prng(11);
  const statusOp: Operation = () => {
    const user = users[Math.floor(rand() * users.length)];
    const id = statusIds[Math.floor(rand() * statusIds.length)];
    return fetchOk(client, `${origin}/api/v1/statuses/${id}`, {
      headers: auth(user),
    });
  };
  const measured = await runInterleaved({
    ...extra,
    home20: homeOp(20),
    home40: homeOp(40),
    status: statusOp,
    ...(target.verifyOp ? { verify: target.verifyOp } : {}),
  }, {
    concurrency: options.concurrency,
    seconds: options.seconds,
    warmupSeconds: options.warmup,
  });
  const verify = measured.verify ?? null;
  const rows: [string, string, number][] = [
    ["home20", "home limit=20", 0.5],
    ["home40", "home limit=40", 0.5],
    ["status", "GET /api/v1/statuses/:id", 0.6],
  ];
  for (const [key, name, floorRatio] of rows) {
    const figure = measured[key];
    const ratio = verify ? figure.throughput / verify.throughput : NaN;
    const home = key !== "status";
    const ok = ratio >= floorRatio && figure.errors === 0 &&
      (!home || figure.p99 < 50);
    options.results.add({
      scenario: NAME,
      size: target.label,
      metric: `${name}: throughput (vs verify_credentials); p99`,
      figure: `${figure.throughput.toFixed(0)} req/s; p99 ${
        fmtMs(figure.p99)
      } (p50 ${fmtMs(figure.p50)}, ${figure.errors} errors)`,
      floor: verify
        ? `${verify.throughput.toFixed(0)} req/s; p99 ${fmtMs(verify.p99)}`
        : "verify_credentials missing",
      ratio: fmtRatio(ratio),
      target: `≥ ${floorRatio}×${home ? "; p99 < 50 ms" : ""}`,
      verdict: verify ? verdict(ok) : "no floor",
    });
  }
  return measured;
}

/** Public originals by local users (what `GET /api/v1/statuses/:id` and thread pages read). */
export async function publicStatusIds(sql: postgres.Sql): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    SELECT s.id FROM statuses s JOIN accounts a ON a.id = s.account_id
    WHERE s.visibility = 'public' AND s.reblog_of_id IS NULL AND a.domain IS NULL
    ORDER BY s.id DESC LIMIT 200`;
  return rows.map((r) => r.id);
}

/** Requests to verify_credentials (a floor); null, reported as missing, when it isn't there. */
export async function verifyOperation(
  options: BenchOptions,
  data: Dataset,
  client: Deno.HttpClient,
): Promise<Operation | null> {
  const users = [...data.accountIds.keys()];
  const url = `${data.server.origin}/api/v1/accounts/verify_credentials`;
  const headers = (user: number) => ({
    authorization: `Bearer ${tokenOf(user)}`,
  });
  const first = await probe(url, { headers: headers(users[0]) });
  if (first.status !== 200) {
    if (!data.summaries.has("verify missing")) {
      data.summaries.set("verify missing", summarize([], 0, 1));
      options.results.add({
        scenario: "floor",
        size: data.label,
        metric: "verify_credentials",
        figure: `endpoint missing (${first.status})`,
        floor: "–",
        ratio: "–",
        target: "(floor)",
        verdict: "not measured",
      });
    }
    return null;
  }
  const rand = prng(7);
  return () => {
    const user = users[Math.floor(rand() * users.length)];
    return fetchOk(client, url, { headers: headers(user) });
  };
}

/** The 20th newest entry of each user's feed: the `max_id` of their second page. */
export async function secondPageCursors(
  data: Pick<Dataset, "accountIds" | "sql">,
): Promise<Map<number, string>> {
  const byId = new Map([...data.accountIds].map(([n, id]) => [id, n]));
  const rows = await data.sql<{ account_id: string; status_id: string }[]>`
    SELECT a.id AS account_id,
           (SELECT status_id FROM home_feed_entries h WHERE h.account_id = a.id
            ORDER BY status_id DESC OFFSET 19 LIMIT 1) AS status_id
    FROM accounts a WHERE a.id = ANY(${[...byId.keys()]})`;
  return new Map(
    rows.filter((r) => r.status_id).map((
      r,
    ) => [byId.get(r.account_id)!, r.status_id]),
  );
}

/** The rows one page needs: feed entries → statuses → authors, boosted statuses and their authors. */
export function homePageSql(
  data: Dataset,
  accountId: string,
  maxId: string | null,
) {
  return data.sql`
    SELECT s.*, row_to_json(a.*) AS account, row_to_json(r.*) AS reblog, row_to_json(ra.*) AS reblog_account
    FROM home_feed_entries h
    JOIN statuses s ON s.id = h.status_id
    JOIN accounts a ON a.id = s.account_id
    LEFT JOIN statuses r ON r.id = s.reblog_of_id
    LEFT JOIN accounts ra ON ra.id = r.account_id
    WHERE h.account_id = ${accountId} ${
    maxId ? data.sql`AND h.status_id < ${maxId}` : data.sql``
  }
    ORDER BY h.status_id DESC LIMIT 20`;
}

function missing(size: string, status: number, floor: string) {
  return {
    scenario: NAME,
    size,
    metric: "p99 latency (vs bare SQL p99)",
    figure: `endpoint missing (${status})`,
    floor,
    ratio: "–",
    target: "≤ 4×",
    verdict: "not measured",
  };
}
