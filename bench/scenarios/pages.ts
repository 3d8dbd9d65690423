/**
 * Scenario 2: server-rendered pages. `/home` (signed in), a profile `/@user` and a thread
 * `/@user/ID`, at 8 connections. Floors in the same run: the bare SQL for the rows each page shows
 * (postgres.js in the bench process, same concurrency) and verify_credentials on the same server.
 * Targets (issue 20): `/home` ≥ 0.4× verify_credentials, the thread (one status) ≥ 0.6×, a
 * profile ≥ 0.5×.
 */
import type postgres from "postgres";
import {
  type BenchOptions,
  type Dataset,
  prng,
  probe,
  sampleRss,
} from "../lib/context.ts";
import {
  fetchOk,
  httpClient,
  type Operation,
  runInterleaved,
  runLoad,
} from "../lib/load.ts";
import { verdict } from "../lib/results.ts";
import { fmtMs, fmtRatio } from "../lib/stats.ts";
import { loadSecretKey } from "../../lib/domain/secrets.ts";
import { startWebSession } from "../../lib/domain/sessions.ts";
import { homePageSql, verifyOperation } from "./home_timeline.ts";
import { SECRET_KEY } from "../lib/process.ts";

const NAME = "2 pages";

interface PageCase {
  name: string;
  /** The throughput target, as a ratio to verify_credentials (issue 20). */
  target: number;
  /** Path and request headers for the i-th request of a worker. */
  request(rand: () => number): { path: string; headers: HeadersInit };
  /** The bare SQL for the same rows. */
  floor(rand: () => number): Promise<unknown>;
}

export async function pages(
  options: BenchOptions,
  data: Dataset,
): Promise<void> {
  const cases = await buildCases(data);
  const load = {
    concurrency: options.concurrency,
    seconds: options.seconds,
    warmupSeconds: options.warmup,
  };
  for (const page of cases) {
    const first = page.request(prng(1));
    const check = await probe(`${data.server.origin}${first.path}`, {
      headers: first.headers,
    });
    const sqlRand = perWorker(200);
    const sqlOp: Operation = async (w) => {
      await page.floor(sqlRand(w));
    };
    if (check.status !== 200) {
      const sqlFloor = await runLoad(sqlOp, load);
      options.results.add({
        scenario: NAME,
        size: data.label,
        metric: `${page.name}`,
        figure: `page missing (${check.status})`,
        floor: `SQL ${fmtMs(sqlFloor.p99)}`,
        ratio: "–",
        target: `≥ ${page.target}× verify_credentials`,
        verdict: "not measured",
      });
      continue;
    }
    const client = httpClient();
    const rand = perWorker(100);
    const pageOp: Operation = (w) => {
      const { path, headers } = page.request(rand(w));
      return fetchOk(client, `${data.server.origin}${path}`, { headers });
    };
    const verifyOp = await verifyOperation(options, data, client);
    const rss = sampleRss(data.server.rssKiB);
    const measured = await runInterleaved({
      sql: sqlOp,
      page: pageOp,
      ...(verifyOp ? { verify: verifyOp } : {}),
    }, load);
    data.loadRssKiB.push(await rss.stop());
    client.close();
    const { sql: sqlFloor, page: result } = measured;
    const verify = measured.verify ?? null;
    options.results.point(`page ${page.name}`, data.statuses, result);
    const ratio = verify ? result.throughput / verify.throughput : NaN;
    options.results.add({
      scenario: NAME,
      size: data.label,
      metric:
        `${page.name}: throughput (vs verify_credentials); p99 (vs SQL p99)`,
      figure: `${result.throughput.toFixed(0)} req/s; p99 ${
        fmtMs(result.p99)
      } (${result.errors} errors)`,
      floor: `${verify ? verify.throughput.toFixed(0) : "–"} req/s; SQL p99 ${
        fmtMs(sqlFloor.p99)
      }`,
      ratio: `${fmtRatio(ratio)}; ${fmtRatio(result.p99 / sqlFloor.p99)}`,
      target: `≥ ${page.target}× verify_credentials`,
      verdict: verify
        ? verdict(ratio >= page.target && result.errors === 0)
        : "no floor",
    });
  }
}

/** One deterministic random stream per worker. */
function perWorker(seed: number): (worker: number) => () => number {
  const streams = new Map<number, () => number>();
  return (w) => {
    let rand = streams.get(w);
    if (!rand) streams.set(w, rand = prng(seed + w));
    return rand;
  };
}

async function buildCases(data: Dataset): Promise<PageCase[]> {
  const sql = data.sql;
  const users = [...data.accountIds.keys()].slice(0, 50);
  const cookies = await signIn(data, users);
  const accountIds = data.accountIds;
  const pickUser = (rand: () => number) =>
    users[Math.floor(rand() * users.length)];
  const threads = await sql<{ id: string; username: string }[]>`
    SELECT s.id, a.username FROM statuses s JOIN accounts a ON a.id = s.account_id
    WHERE s.local AND s.visibility = 'public' AND s.replies_count > 0 AND s.reblog_of_id IS NULL
    ORDER BY s.id DESC LIMIT 100`;
  const pickThread = (rand: () => number) =>
    threads[Math.floor(rand() * threads.length)];
  return [
    {
      name: "/home",
      target: 0.4,
      request: (rand) => {
        const user = pickUser(rand);
        return {
          path: "/home",
          headers: { cookie: `starling_session=${cookies.get(user)}` },
        };
      },
      floor: (rand) => homePageSql(data, accountIds.get(pickUser(rand))!, null),
    },
    {
      name: "/@user",
      target: 0.5,
      request: (rand) => ({ path: `/@user${pickUser(rand)}`, headers: {} }),
      floor: (rand) => profileSql(sql, `user${pickUser(rand)}`),
    },
    {
      name: "/@user/ID (thread)",
      target: 0.6,
      request: (rand) => {
        const t = pickThread(rand);
        return { path: `/@${t.username}/${t.id}`, headers: {} };
      },
      floor: (rand) => threadSql(sql, pickThread(rand).id),
    },
  ];
}

/** Web sessions made by the domain's own function, as signing in would (also for page_weight.ts). */
export async function signIn(
  data: Dataset,
  users: number[],
): Promise<Map<number, string>> {
  const secret = await loadSecretKey(data.sql, SECRET_KEY);
  const rows = await data.sql<{ id: string; account_id: string }[]>`
    SELECT id, account_id FROM users WHERE account_id = ANY(${
    users.map((u) => data.accountIds.get(u)!)
  })`;
  const byAccount = new Map(rows.map((r) => [r.account_id, r.id]));
  const cookies = new Map<number, string>();
  for (const user of users) {
    const userId = byAccount.get(data.accountIds.get(user)!)!;
    cookies.set(user, await startWebSession(data.sql, secret, userId, {}));
  }
  return cookies;
}

/** A profile page: the account and its 20 newest public statuses with their boosted originals. */
function profileSql(sql: postgres.Sql, username: string) {
  return sql`
    WITH a AS (SELECT * FROM accounts WHERE lower(username) = ${username} AND domain IS NULL)
    SELECT s.*, row_to_json(a.*) AS account, row_to_json(r.*) AS reblog, row_to_json(ra.*) AS reblog_account
    FROM a JOIN statuses s ON s.account_id = a.id
    LEFT JOIN statuses r ON r.id = s.reblog_of_id
    LEFT JOIN accounts ra ON ra.id = r.account_id
    WHERE s.visibility IN ('public', 'unlisted')
    ORDER BY s.id DESC LIMIT 20`;
}

/** A thread page: every status of the conversation with its author. */
function threadSql(sql: postgres.Sql, id: string) {
  return sql`
    SELECT s.*, row_to_json(a.*) AS account
    FROM statuses s JOIN accounts a ON a.id = s.account_id
    WHERE s.conversation_id = (SELECT conversation_id FROM statuses WHERE id = ${id})
      AND s.visibility IN ('public', 'unlisted')
    ORDER BY s.id`;
}
