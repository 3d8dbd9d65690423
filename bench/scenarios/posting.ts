/**
 * Scenario 3: posting. 8 writers (the posters, each with 200 local followers) post through
 * `POST /api/v1/statuses`. Floor in the same run: one transaction doing the status insert plus
 * the 200-row feed insert, through postgres.js at the same concurrency. Targets: API p99 ≤ 3× the
 * floor p99; ≥ 300 posts/s and ≥ 0.8× the floor's tx/s (issue 20); each post visible in every follower's home feed and on 50 followers'
 * user streams within 50 ms p99 (measured from the POST's response; from-send figures too).
 */
import { type BenchOptions, type Dataset, probe } from "../lib/context.ts";
import { tokenOf } from "../lib/datagen.ts";
import {
  fetchOk,
  httpClient,
  type Operation,
  runInterleaved,
  runLoad,
} from "../lib/load.ts";
import { verdict } from "../lib/results.ts";
import { countQueries } from "../lib/querycount.ts";
import { OUT_DIR } from "../lib/process.ts";
import { fmtMs, fmtRatio, percentile } from "../lib/stats.ts";

const NAME = "3 posting";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function posting(
  options: BenchOptions,
  data: Dataset,
): Promise<void> {
  const { results } = options;
  const posters = Array.from({ length: data.shape.posters }, (_, i) => i + 1);
  const post = (user: number, text: string): [string, RequestInit] => [
    `${data.server.origin}/api/v1/statuses`,
    {
      method: "POST",
      headers: {
        authorization: `Bearer ${tokenOf(user)}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ status: text, visibility: "public" }),
    },
  ];
  const load = {
    concurrency: options.concurrency,
    seconds: options.seconds,
    warmupSeconds: options.warmup,
  };

  const floorOp: Operation = async (w, i) => {
    const account = data.accountIds.get(posters[w % posters.length])!;
    await data.sql.begin(async (tx) => {
      const [status] = await tx<{ id: string }[]>`
        INSERT INTO statuses (uri, account_id, local, text, content, visibility)
        VALUES (${`bench:floor:${crypto.randomUUID()}`}, ${account}, true, ${`floor post ${w}-${i}`},
                ${`<p>floor post ${w}-${i}</p>`}, 'public')
        RETURNING id`;
      await tx`
        INSERT INTO home_feed_entries (account_id, status_id)
        SELECT account_id, ${status.id} FROM follows WHERE target_account_id = ${account}`;
    });
  };

  const check = await probe(...post(posters[0], "bench probe"));
  if (check.status !== 200) {
    const floor = await runLoad(floorOp, load);
    results.add({
      scenario: NAME,
      size: data.label,
      metric: "API p99 (vs one SQL transaction)",
      figure: `endpoint missing (${check.status} ${check.body.slice(0, 200)})`,
      floor: `${fmtMs(floor.p99)}; ${floor.throughput.toFixed(0)} tx/s`,
      ratio: "–",
      target: "≤ 3×; ≥ 300 posts/s and ≥ 0.8× tx/s",
      verdict: "not measured",
    });
    return;
  }
  const client = httpClient();
  const apiOp: Operation = (w, i) => {
    const [url, init] = post(
      posters[w % posters.length],
      `bench post ${w}-${i} #tag${i % 100}`,
    );
    return fetchOk(client, url, init);
  };
  const { floor, api } = await runInterleaved(
    { floor: floorOp, api: apiOp },
    load,
  );
  client.close();
  results.point("posting: API", data.statuses, api);
  results.point("posting: SQL transaction", data.statuses, floor);
  const ratio = api.p99 / floor.p99;
  const rate = api.throughput / floor.throughput;
  results.add({
    scenario: NAME,
    size: data.label,
    metric: "API p99 (vs one SQL transaction); throughput (vs its tx/s)",
    figure: `${fmtMs(api.p99)}; ${
      api.throughput.toFixed(0)
    } posts/s (${api.errors} errors)`,
    floor: `${fmtMs(floor.p99)}; ${floor.throughput.toFixed(0)} tx/s`,
    ratio: `${fmtRatio(ratio)}; ${fmtRatio(rate)}`,
    target: "≤ 3×; ≥ 300 posts/s and ≥ 0.8× tx/s",
    verdict: verdict(
      ratio <= 3 && api.throughput >= 300 && rate >= 0.8 && api.errors === 0,
    ),
  });
  await visibility(options, data, posters[0], post);
  // What a post costs in round trips: the statements of the request and of the work it causes
  // (jobs run in the same process), one post at a time.
  const counts = await countQueries(
    data.dbUrl,
    [{
      name: "post",
      request: (_origin, i) => {
        const [url, init] = post(posters[1], `counted post ${i}`);
        return [url.replace(data.server.origin, _origin), init];
      },
    }],
    10,
    `${OUT_DIR}/statements-posting-${data.label}.txt`,
  );
  const perPost = counts.get("post");
  results.add({
    scenario: NAME,
    size: data.label,
    metric: "SQL statements per post (request and the jobs it causes)",
    figure: typeof perPost === "number" ? perPost.toFixed(1) : String(perPost),
    floor: "2 (status insert, feed insert) + BEGIN/COMMIT",
    ratio: "–",
    target: "(diagnostic)",
    verdict: "–",
  });
}

/** Sequential posts by one poster: time until every follower's feed has it, and 50 streams. */
async function visibility(
  options: BenchOptions,
  data: Dataset,
  poster: number,
  post: (user: number, text: string) => [string, RequestInit],
): Promise<void> {
  const posterId = data.accountIds.get(poster)!;
  const followers = await data.sql<{ username: string }[]>`
    SELECT a.username FROM follows f JOIN accounts a ON a.id = f.account_id
    WHERE f.target_account_id = ${posterId} AND a.domain IS NULL ORDER BY a.id`;
  const streams = await openStreams(
    data,
    followers.slice(0, 50).map((f) => Number(f.username.slice(4))),
  );
  // Per post: when the POST was sent and when its response arrived. Visibility is judged from
  // the response (the post is accepted then); from-send figures include the API's own latency.
  const sent = new Map<string, { t0: number; t1: number }>();
  const feedLatencies: number[] = [];
  const feedFromSend: number[] = [];
  let feedMissing = 0;
  const posts = options.mode === "full"
    ? 100
    : options.mode === "quick"
    ? 30
    : 5;
  for (let i = 0; i < posts; i++) {
    const t0 = performance.now();
    const [url, init] = post(poster, `visibility probe ${i}`);
    const res = await fetch(url, init).catch(() => null);
    const id = res?.ok
      ? (await res.json()).id
      : (await res?.body?.cancel(), null);
    if (!id) {
      feedMissing++;
      continue;
    }
    const t1 = performance.now();
    sent.set(String(id), { t0, t1 });
    while (true) {
      const [{ n }] = await data.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM home_feed_entries h JOIN follows f
          ON f.account_id = h.account_id AND f.target_account_id = ${posterId}
        WHERE h.status_id = ${id}`;
      if (n >= followers.length) {
        feedLatencies.push(performance.now() - t1);
        feedFromSend.push(performance.now() - t0);
        break;
      }
      if (performance.now() - t0 > 5000) {
        feedMissing++;
        break;
      }
      await sleep(1);
    }
    await sleep(20);
  }
  const p99Of = (xs: number[]) => percentile(xs.sort((a, b) => a - b), 99);
  const feedP99 = p99Of(feedLatencies);
  options.results.add({
    scenario: NAME,
    size: data.label,
    metric:
      `in all ${followers.length} followers' home feeds (SQL), p99 after the POST's response`,
    figure: `${fmtMs(feedP99)} (from send ${
      fmtMs(p99Of(feedFromSend))
    }; ${posts} posts, ${feedMissing} missing after 5 s)`,
    floor: "–",
    ratio: "–",
    target: "≤ 50 ms",
    verdict: verdict(feedP99 <= 50 && feedMissing === 0),
  });
  if (!streams) {
    options.results.add({
      scenario: NAME,
      size: data.label,
      metric: "on 50 followers' user streams, p99",
      figure: "streaming API missing (/api/v1/streaming/health is not 200)",
      floor: "–",
      ratio: "–",
      target: "≤ 50 ms",
      verdict: "not measured",
    });
    return;
  }
  await sleep(1000);
  const streamLatencies: number[] = [];
  const streamFromSend: number[] = [];
  let streamMissing = 0;
  for (const arrivals of streams.arrivals) {
    for (const [id, { t0, t1 }] of sent) {
      const at = arrivals.get(id);
      if (at === undefined) streamMissing++;
      else {
        streamLatencies.push(Math.max(0, at - t1));
        streamFromSend.push(at - t0);
      }
    }
  }
  streams.close();
  const p99 = p99Of(streamLatencies);
  options.results.add({
    scenario: NAME,
    size: data.label,
    metric:
      `on ${streams.arrivals.length} followers' user streams, p99 after the POST's response`,
    figure: `${fmtMs(p99)} (from send ${
      fmtMs(p99Of(streamFromSend))
    }; ${streamLatencies.length} events, ${streamMissing} missing)`,
    floor: "–",
    ratio: "–",
    target: "≤ 50 ms",
    verdict: verdict(p99 <= 50 && streamMissing === 0),
  });
}

/** WebSocket user streams (Mastodon's protocol); null when the server has no streaming API. */
async function openStreams(data: Dataset, users: number[]) {
  // Mastodon's health check first: without a streaming API, don't send upgrade requests.
  const health = await probe(`${data.server.origin}/api/v1/streaming/health`);
  if (health.status !== 200) return null;
  const base = data.server.origin.replace(/^http/, "ws");
  const sockets: WebSocket[] = [];
  const arrivals: Map<string, number>[] = [];
  const opened = users.map((user) =>
    new Promise<boolean>((resolve) => {
      const socket = new WebSocket(
        `${base}/api/v1/streaming?stream=user&access_token=${tokenOf(user)}`,
      );
      const seen = new Map<string, number>();
      socket.onopen = () => resolve(true);
      socket.onerror = () => resolve(false);
      socket.onmessage = (event) => {
        try {
          const message = JSON.parse(String(event.data));
          if (message.event === "update") {
            seen.set(String(JSON.parse(message.payload).id), performance.now());
          }
        } catch {
          /* not an update */
        }
      };
      sockets.push(socket);
      arrivals.push(seen);
      setTimeout(() => resolve(false), 3000);
    })
  );
  const ok = (await Promise.all(opened)).every(Boolean);
  const close = () => sockets.forEach((s) => s.close());
  if (!ok) {
    close();
    return null;
  }
  return { arrivals, close };
}
