/**
 * Scenarios 5 and 6: delivery to remote followers. A local user gets 10,000 remote followers on
 * 500 simulated servers (one peer process on 500 loopback ports, each with a shared inbox).
 *
 * 5 (fan-out): time from `POST /api/v1/statuses` until every server has received the Create.
 *   Floor in the same run: the bench itself sending one signed POST to each of the 500 inboxes
 *   at 8 connections.
 * 6 (outage drain): the peers go down, posts are made, the peers come back on the same ports;
 *   time from their return until every server has every post. Starling's retry policy waits
 *   16–46 s before the first retry, so this runs in full mode (or with --scenario=fanout).
 */
import type { BenchOptions, Dataset } from "../lib/context.ts";
import { tokenOf } from "../lib/datagen.ts";
import { runLoad } from "../lib/load.ts";
import { type Peers, startPeers } from "../lib/peers.ts";
import { fmtMs, fmtRatio } from "../lib/stats.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const POSTER = 10;

export async function fanout(
  options: BenchOptions,
  data: Dataset,
): Promise<void> {
  // The 10,000 followers on 500 servers in full mode; a fifth of the servers in quick.
  const origins = { full: 500, quick: 100, smoke: 10 }[options.mode];
  const peers = await startPeers(
    origins,
    { full: 20, quick: 10, smoke: 5 }[options.mode],
  );
  try {
    const followers = await addRemoteFollowers(data, peers);
    const floorSeconds = await deliveryFloor(options, peers);
    const posts = { smoke: 1, quick: 2, full: 3 }[options.mode];
    const times: number[] = [];
    for (let i = 0; i < posts; i++) {
      const before = await peers.delivered();
      const t0 = performance.now();
      const ok = await post(data, `fan-out ${i}`);
      const done = ok && await waitDelivered(peers, before + origins, 120_000);
      times.push(done ? done - t0 : NaN);
    }
    const reached = await peers.hostsReached();
    const median = [...times].sort((a, b) =>
      a - b
    )[Math.floor(times.length / 2)];
    const allOk = times.every(Number.isFinite);
    options.results.add({
      scenario: "5 fan-out",
      size: data.label,
      metric: `post to ${
        followers.toLocaleString("en")
      } followers on ${origins} servers, until all have it`,
      figure: allOk
        ? `${fmtMs(median)} (median of ${posts}; ${
          (origins / (median / 1000)).toFixed(0)
        } deliveries/s)`
        : `not all delivered in 120 s (${reached} of ${origins} servers reached)`,
      floor: `${
        fmtMs(floorSeconds * 1000)
      } (bench signs and POSTs to ${origins} inboxes)`,
      ratio: allOk ? fmtRatio(median / (floorSeconds * 1000)) : "–",
      target: "(issue: see scenario 5)",
      verdict: allOk ? "–" : "FAIL",
    });
    if (options.mode === "full" || options.only?.has("fanout")) {
      await outageDrain(options, data, peers, origins);
    } else {
      options.results.add({
        scenario: "6 outage drain",
        size: data.label,
        metric: "peers down, posts made, peers back: time until drained",
        figure:
          "skipped in this mode (first retry waits 16–46 s); runs in full mode",
        floor: "–",
        ratio: "–",
        target: "(issue: see scenario 6)",
        verdict: "not measured",
      });
    }
  } finally {
    await peers.stop();
  }
}

async function outageDrain(
  options: BenchOptions,
  data: Dataset,
  peers: Peers,
  origins: number,
) {
  const posts = options.mode === "full" ? 5 : 2;
  await peers.stop();
  for (let i = 0; i < posts; i++) await post(data, `during outage ${i}`);
  await sleep(3000); // first attempts fail while the peers are down
  await peers.restart();
  const t0 = performance.now();
  const done = await waitDelivered(peers, posts * origins, 180_000);
  const got = await peers.delivered();
  options.results.add({
    scenario: "6 outage drain",
    size: data.label,
    metric:
      `${posts} posts × ${origins} servers queued during an outage: drained after peers return`,
    figure: done
      ? `${((done - t0) / 1000).toFixed(1)} s`
      : `not drained in 180 s (${got} of ${posts * origins})`,
    floor: "first retry is due 16–46 s after the failure",
    ratio: "–",
    target: "(issue: see scenario 6)",
    verdict: done ? "–" : "FAIL",
  });
}

async function post(data: Dataset, text: string): Promise<boolean> {
  const res = await fetch(`${data.server.origin}/api/v1/statuses`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${tokenOf(POSTER)}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ status: text, visibility: "public" }),
  });
  await res.arrayBuffer();
  return res.ok;
}

async function waitDelivered(
  peers: Peers,
  count: number,
  timeoutMs: number,
): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await peers.delivered().catch(() => 0) >= count) {
      return performance.now();
    }
    await sleep(25);
  }
  return null;
}

/** Remote accounts for every peer actor, following POSTER (set-based). Returns their number. */
async function addRemoteFollowers(
  data: Dataset,
  peers: Peers,
): Promise<number> {
  const poster = data.accountIds.get(POSTER)!;
  await data.sql`
    INSERT INTO accounts (username, domain, display_name, uri, url, inbox_url, shared_inbox_url,
                          followers_url)
    SELECT 'a' || j, '127.0.0.1:' || port, 'Peer a' || j,
           'http://127.0.0.1:' || port || '/users/a' || j,
           'http://127.0.0.1:' || port || '/@a' || j,
           'http://127.0.0.1:' || port || '/users/a' || j || '/inbox',
           'http://127.0.0.1:' || port || '/inbox',
           'http://127.0.0.1:' || port || '/users/a' || j || '/followers'
    FROM unnest(${peers.ports}::int[]) port CROSS JOIN generate_series(1, ${peers.actorsPerOrigin}) j
    ON CONFLICT DO NOTHING`;
  const uris = peers.origins.flatMap((o) =>
    Array.from(
      { length: peers.actorsPerOrigin },
      (_, j) => `${o}/users/a${j + 1}`,
    )
  );
  await data.sql`
    INSERT INTO follows (account_id, target_account_id)
    SELECT id, ${poster} FROM accounts WHERE uri = ANY(${uris}) ON CONFLICT DO NOTHING`;
  await data.sql`
    UPDATE accounts SET followers_count = (SELECT count(*) FROM follows WHERE target_account_id = ${poster})
    WHERE id = ${poster}`;
  return uris.length;
}

/** The bench doing the deliveries itself: one signed POST per server, 8 at a time. */
async function deliveryFloor(
  options: BenchOptions,
  peers: Peers,
): Promise<number> {
  let next = 0;
  const actor = peers.actorId(0, 1);
  const started = performance.now();
  await runLoad(async () => {
    const k = next++;
    const req = await peers.signedPost(
      `${peers.origins[k]}/inbox`,
      { actor, type: "Create", id: `${actor}/floor/${k}` } as never,
    );
    const res = await fetch(req);
    await res.arrayBuffer();
    return res.ok;
  }, {
    concurrency: options.concurrency,
    seconds: 120,
    maxOperations: peers.origins.length,
  });
  return (performance.now() - started) / 1000;
}
