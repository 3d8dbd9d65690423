/**
 * Scenario 5: fan-out. A local user gets 10,000 remote followers (20 actors on each of 500
 * simulated servers, one peer process on 500 loopback ports; quick mode: 10 on 100). 9 in 10
 * servers have a shared inbox; the others' followers each get their own delivery, so a post
 * makes 450 + 50 × 20 = 1,450 deliveries. The sinks verify every delivery's HTTP signature with
 * the poster's key (fetched once from Starling) and answer after 50 ± 20 ms; 2% of the servers
 * answer 503 for a minute after their first delivery and 1% never answer.
 *
 * Floor, in the same run (issue #7): max(deliveries × sign cost ÷ cores, deliveries ÷
 * concurrency × 50 ms), the sign cost an RSA-2048 WebCrypto signature measured in the bench
 * process, cores = navigator.hardwareConcurrency, concurrency = the 100 messages Deno KV's
 * local queue hands out at once (denokv's DISPATCH_CONCURRENCY_LIMIT; Starling's queue adds
 * no limit of its own). Figures: time until 99% of the healthy servers' deliveries arrived
 * (target ≤ 1.5× the floor, issue #20); the post's API latency against a post by an account without
 * remote followers (adds < 10 ms); the same 99% time with the failing servers answering
 * normally (failing servers must not slow healthy ones); queue-size errors in the server log;
 * the CPU time per delivery of the web and worker processes against the sign cost. Starling runs
 * as a `ROLE=web` and two `ROLE=worker` processes (WebCrypto signs on the calling thread: the
 * floor's ÷ cores takes two signing processes).
 */
import type { BenchOptions, Dataset } from "../lib/context.ts";
import { tokenOf } from "../lib/datagen.ts";
import { type Peers, startPeers } from "../lib/peers.ts";
import { OUT_DIR } from "../lib/process.ts";
import { verdict } from "../lib/results.ts";
import { fmtMs, fmtRatio } from "../lib/stats.ts";

const NAME = "5 fan-out";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const POSTER = 10;
/** A local user without remote followers (datagen: no remote account follows a local one). */
const CONTROL = 11;
/** Messages Deno KV's local (SQLite) queue runs at once; see the module comment. */
const QUEUE_CONCURRENCY = 100;
const SINK_DELAY_MS = 50;

export async function fanout(
  options: BenchOptions,
  data: Dataset,
): Promise<void> {
  const origins = { full: 500, quick: 100, smoke: 10 }[options.mode];
  const perOrigin = { full: 20, quick: 10, smoke: 5 }[options.mode];
  const indices = Array.from({ length: origins }, (_, k) => k);
  const noShared = indices.filter((k) => k % 10 === 9);
  const unavailable = indices.filter((k) => k % 50 === 3);
  const hanging = indices.filter((k) => k % 100 === 7);
  const peers = await startPeers(origins, perOrigin, {
    noShared,
    unavailable,
    hanging,
    unavailableMs: 60_000,
    delayMs: SINK_DELAY_MS,
    jitterMs: 20,
    verify: true,
  });
  try {
    const followers = await addRemoteFollowers(data, peers, noShared);
    const deliveriesOf = (ks: number[]) =>
      ks.reduce((n, k) => n + (noShared.includes(k) ? perOrigin : 1), 0);
    const deliveries = deliveriesOf(indices);
    const healthy = deliveriesOf(
      indices.filter((k) => !unavailable.includes(k) && !hanging.includes(k)),
    );
    const signMs = await signCost();
    const cores = navigator.hardwareConcurrency;
    const cpuFloor = deliveries * signMs / cores;
    const waitFloor = deliveries / QUEUE_CONCURRENCY * SINK_DELAY_MS;
    const floorMs = Math.max(cpuFloor, waitFloor);
    const floorText = `${fmtMs(floorMs)} = max(${deliveries} × ${
      signMs.toFixed(2)
    } ms sign ÷ ${cores} cores, ${deliveries} ÷ ${QUEUE_CONCURRENCY} × ${SINK_DELAY_MS} ms)`;

    const apiFanout: number[] = [];
    /** Per post: the last arrival at a shared inbox / at a personal inbox. */
    const lastArrivals: string[] = [];
    const apiControl: number[] = [];
    /** One control post and one fan-out post; the time until 99% of healthy deliveries. */
    const measurePost = async (text: string): Promise<number> => {
      const control = await post(data, CONTROL, text);
      if (control) apiControl.push(control.ms);
      const before = (await peers.stats()).healthy;
      const t0 = Date.now();
      const made = await post(data, POSTER, text);
      if (!made) return NaN;
      apiFanout.push(made.ms);
      // Every healthy delivery, or a time-out; the 99% time comes from the arrivals recorded.
      await waitHealthy(peers, before + healthy, 120_000);
      const mine = (await peers.stats(true)).arrivals!
        .filter(([id]) => id.startsWith(made.uri));
      const times = mine.map(([, at]) => at - t0).sort((a, b) => a - b);
      const last = (personal: 0 | 1) =>
        Math.max(
          ...mine.filter((a) => a[2] === personal).map((a) => a[1] - t0),
        );
      lastArrivals.push(`${fmtMs(last(0))} / ${fmtMs(last(1))}`);
      const need = Math.ceil(healthy * 0.99);
      return times.length >= need ? times[need - 1] : NaN;
    };

    // Without failing servers first (they answer like the others), then with them.
    await peers.setFailures(false);
    // CPU time of the processes over one post: robust where wall time is not (a shared machine).
    const cpuOf = async () => {
      let worker = 0;
      for (const w of data.workers) worker += await w.cpuMs();
      return { web: await data.server.cpuMs(), worker };
    };
    const cpuBefore = await cpuOf();
    const baseline = await measurePost("fan-out, no failing servers");
    const cpuAfter = await cpuOf();
    await peers.setFailures(true);
    const posts = { smoke: 1, quick: 2, full: 3 }[options.mode];
    const times: number[] = [];
    for (let i = 0; i < posts; i++) {
      times.push(await measurePost(`fan-out ${i}`));
    }
    const withFailures = median(times);
    const ok = times.every(Number.isFinite);
    const ratio = withFailures / floorMs;
    const stats = await peers.stats();
    options.results.add({
      scenario: NAME,
      size: data.label,
      metric: `post to ${
        followers.toLocaleString("en")
      } followers on ${origins} servers (${noShared.length} without shared inbox: ${deliveries} deliveries): until 99% of the ${healthy} to healthy servers arrived`,
      figure: ok
        ? `${fmtMs(withFailures)} (median of ${posts})`
        : `not 99% delivered in 120 s (${
          times.map((t) => fmtMs(t)).join(", ")
        })`,
      floor: floorText,
      ratio: ok ? fmtRatio(ratio) : "–",
      target: "≤ 1.5×",
      verdict: verdict(ok && ratio <= 1.5),
    });
    // Signing is the floor's CPU per delivery: this ratio is the fan-out's if CPU-bound.
    const cpuPerDelivery = (cpuAfter.web - cpuBefore.web +
      cpuAfter.worker - cpuBefore.worker) / deliveries;
    options.results.add({
      scenario: NAME,
      size: data.label,
      metric:
        `CPU per delivery (web + worker process, one post without failing servers, ${deliveries} deliveries)`,
      figure: `${
        cpuPerDelivery.toFixed(2)
      } ms (${data.workers.length} workers ${
        ((cpuAfter.worker - cpuBefore.worker) / deliveries).toFixed(2)
      } ms)`,
      floor: `${signMs.toFixed(2)} ms (one RSA-2048 signature)`,
      ratio: fmtRatio(cpuPerDelivery / signMs),
      target: "(CPU-bound time vs the floor; holds on a busy machine)",
      verdict: "–",
    });
    const apiAdded = median(apiFanout) - median(apiControl);
    options.results.add({
      scenario: NAME,
      size: data.label,
      metric:
        `API latency of the post (median of ${apiFanout.length}) vs a post by an account without remote followers`,
      figure: fmtMs(median(apiFanout)),
      floor: fmtMs(median(apiControl)),
      ratio: `+${fmtMs(apiAdded)}`,
      target: "adds < 10 ms",
      verdict: verdict(apiAdded < 10),
    });
    const slowdown = withFailures / baseline;
    options.results.add({
      scenario: NAME,
      size: data.label,
      metric:
        `99% of healthy deliveries with ${unavailable.length} servers answering 503 and ${hanging.length} hanging vs all answering`,
      figure: fmtMs(withFailures),
      floor: `${
        fmtMs(baseline)
      } (one post, failing servers answering normally)`,
      ratio: fmtRatio(slowdown),
      target: "failing servers don't slow healthy ones (≤ 1.25×, noise)",
      verdict: verdict(Number.isFinite(slowdown) && slowdown <= 1.25),
    });
    options.results.note(
      `5 fan-out: last healthy delivery to a shared inbox / to a personal inbox, per post ` +
        `(the first with failing servers answering normally): ${
          lastArrivals.join("; ")
        }`,
    );
    const queueErrors = await queueSizeErrors(data.label);
    options.results.add({
      scenario: NAME,
      size: data.label,
      metric:
        "signatures the sinks refused; queue-message size errors in the server log",
      figure: `${stats.invalid} invalid of ${
        stats.delivered + stats.invalid
      } checked; ${queueErrors} size errors (${stats.unavailable}× 503, ${stats.hung} held)`,
      floor: "–",
      ratio: "–",
      target: "none",
      verdict: verdict(stats.invalid === 0 && queueErrors === 0),
    });
  } finally {
    await peers.stop();
  }
}

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
}

/** Mean time of one RSA-2048 PKCS#1 v1.5 signature by WebCrypto in this process. */
async function signCost(): Promise<number> {
  const algorithm = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  const keys = await crypto.subtle.generateKey(
    {
      ...algorithm,
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
    },
    false,
    ["sign"],
  ) as CryptoKeyPair;
  const text = new TextEncoder().encode(
    "(request-target): post /inbox\nhost: 127.0.0.1\ndate: " +
      new Date().toUTCString() + "\ndigest: SHA-256=" + "x".repeat(44),
  );
  for (let i = 0; i < 10; i++) {
    await crypto.subtle.sign(algorithm, keys.privateKey, text);
  }
  const n = 200;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await crypto.subtle.sign(algorithm, keys.privateKey, text);
  }
  return (performance.now() - t0) / n;
}

/** Lines in the server logs about queue values over Deno KV's 64 KiB limit. */
async function queueSizeErrors(label: string): Promise<number> {
  const logs = await Promise.all(
    ["", "-web", "-worker", "-worker-2"].map((suffix) =>
      Deno.readTextFile(`${OUT_DIR}/server-${label}${suffix}.log`)
        .catch(() => "")
    ),
  );
  return logs.join("\n").split("\n").filter((l) =>
    /too large|64 KiB|value too large/i.test(l)
  ).length;
}

/** A public post by local user `user`; its API latency and its URI. */
export async function post(
  data: Dataset,
  user: number,
  text: string,
): Promise<{ ms: number; uri: string } | null> {
  const t0 = performance.now();
  const res = await fetch(`${data.server.origin}/api/v1/statuses`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${tokenOf(user)}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ status: text, visibility: "public" }),
  });
  const body = await res.json();
  const ms = performance.now() - t0;
  return res.ok ? { ms, uri: body.uri } : null;
}

async function waitHealthy(
  peers: Peers,
  count: number,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const stats = await peers.stats().catch(() => null);
    if ((stats?.healthy ?? 0) >= count) {
      return true;
    }
    await sleep(25);
  }
  return false;
}

/** Remote accounts for every peer actor, following POSTER (set-based). Returns their number. */
async function addRemoteFollowers(
  data: Dataset,
  peers: Peers,
  noShared: number[],
): Promise<number> {
  const poster = data.accountIds.get(POSTER)!;
  const withoutShared = noShared.map((k) => peers.ports[k]);
  await data.sql`
    INSERT INTO accounts (username, domain, display_name, uri, url, inbox_url, shared_inbox_url,
                          followers_url)
    SELECT 'a' || j, '127.0.0.1:' || port, 'Peer a' || j,
           'http://127.0.0.1:' || port || '/users/a' || j,
           'http://127.0.0.1:' || port || '/@a' || j,
           'http://127.0.0.1:' || port || '/users/a' || j || '/inbox',
           CASE WHEN port = ANY(${withoutShared}::int[]) THEN NULL
                ELSE 'http://127.0.0.1:' || port || '/inbox' END,
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
