/**
 * Scenario 4: inbox. Signed Create(Note) activities from 1,000 actors on 50 origins (simulated
 * peers: a separate Deno process on 50 loopback ports), POSTed to the shared inbox at 8
 * connections. First contact resolves every actor (Starling fetches the actor and its key from
 * the peer). Then: acceptance latency, interleaved with verify_credentials on the same server as
 * the floor; and a burst of one activity per actor timed until every note is stored.
 */
import { type BenchOptions, type Dataset, probe } from "../lib/context.ts";
import {
  httpClient,
  type Operation,
  runInterleaved,
  runLoad,
} from "../lib/load.ts";
import { startPeers } from "../lib/peers.ts";
import { fmtMs, fmtRatio } from "../lib/stats.ts";
import { verifyOperation } from "./home_timeline.ts";

const NAME = "4 inbox";
const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function inbox(
  options: BenchOptions,
  data: Dataset,
): Promise<void> {
  // The issue's 1,000 actors on 50 origins in full mode; fewer actors per origin otherwise.
  const perOrigin = { full: 20, quick: 4, smoke: 4 }[options.mode];
  const peers = await startPeers(options.mode === "smoke" ? 5 : 50, perOrigin);
  const client = httpClient();
  try {
    const actors = peers.origins.flatMap((_, k) =>
      Array.from(
        { length: peers.actorsPerOrigin },
        (_, j) => peers.actorId(k, j + 1),
      )
    );
    const run = Date.now().toString(36);
    let seq = 0;
    const send = async (actor: string): Promise<boolean> => {
      const id = `${actor}/statuses/${run}-${++seq}`;
      const published = new Date().toISOString();
      const note = {
        id,
        type: "Note",
        attributedTo: actor,
        content: `<p>Inbox bench note ${seq} from ${actor}</p>`,
        published,
        to: [PUBLIC],
        cc: [`${actor}/followers`],
        url: id,
      };
      const activity = {
        "@context": "https://www.w3.org/ns/activitystreams",
        id: `${id}/activity`,
        type: "Create",
        actor,
        published,
        to: [PUBLIC],
        cc: [`${actor}/followers`],
        object: note,
      };
      const req = await peers.signedPost(
        `${data.server.origin}/inbox`,
        activity,
      );
      const res = await fetch(req, { client } as RequestInit);
      await res.arrayBuffer();
      return res.ok;
    };
    const stored = async () => {
      const [{ n }] = await data.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM statuses WHERE uri LIKE ${`%/statuses/${run}-%`}`;
      return n;
    };
    const waitStored = async (count: number, timeoutMs: number) => {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        if (await stored() >= count) return performance.now();
        await sleep(20);
      }
      return null;
    };

    // First contact: one activity per actor, each making Starling fetch the actor and its key.
    const firstReq = await send(actors[0]);
    if (!firstReq) {
      const check = await probe(`${data.server.origin}/inbox`, {
        method: "POST",
      });
      options.results.add(
        row(
          data.label,
          "accept p99",
          `inbox refused (status ${check.status})`,
          "–",
          "–",
          "not measured",
        ),
      );
      return;
    }
    let next = 1;
    const contactStart = performance.now();
    const contact = await runLoad(() => send(actors[next++ % actors.length]), {
      concurrency: options.concurrency,
      seconds: 600,
      maxOperations: actors.length - 1,
    });
    const contactDone = await waitStored(actors.length, 120_000);
    options.results.add(row(
      data.label,
      `first contact from ${actors.length} actors on ${peers.origins.length} origins`,
      `accept p99 ${fmtMs(contact.p99)}; all stored in ${
        contactDone
          ? `${((contactDone - contactStart) / 1000).toFixed(1)} s`
          : "> 120 s"
      } (${contact.errors} refused)`,
      "–",
      "–",
      contactDone && contact.errors === 0 ? "–" : "FAIL",
    ));

    // Acceptance latency from known actors, interleaved with verify_credentials.
    const verifyOp = await verifyOperation(options, data, client);
    let i = 0;
    const inboxOp: Operation = () => send(actors[(i++ * 7919) % actors.length]);
    const measured = await runInterleaved({
      inbox: inboxOp,
      ...(verifyOp ? { verify: verifyOp } : {}),
    }, {
      concurrency: options.concurrency,
      seconds: options.seconds,
      warmupSeconds: options.warmup,
    });
    const { inbox: accepted, verify } = measured;
    options.results.point("inbox: accept", data.statuses, accepted);
    const ratio = verify ? accepted.p99 / verify.p99 : NaN;
    options.results.add(row(
      data.label,
      "accept p99 (vs verify_credentials p99); accepted/s",
      `${fmtMs(accepted.p99)}; ${
        accepted.throughput.toFixed(0)
      }/s (${accepted.errors} refused)`,
      verify
        ? `${fmtMs(verify.p99)}; ${verify.throughput.toFixed(0)} req/s`
        : "verify_credentials missing",
      fmtRatio(ratio),
      "(reported)",
    ));

    // Ingest: everything sent so far, then a burst of one note per actor, until all are stored.
    const before = seq;
    const burstStart = performance.now();
    next = 0;
    const burst = await runLoad(() => send(actors[next++ % actors.length]), {
      concurrency: options.concurrency,
      seconds: 600,
      maxOperations: actors.length,
    });
    const sentOk = seq - (contact.errors + accepted.errors + burst.errors);
    const done = await waitStored(sentOk, 120_000);
    const seconds = done ? (done - burstStart) / 1000 : NaN;
    options.results.add(row(
      data.label,
      `burst of ${actors.length} notes, sent to stored`,
      done
        ? `${seconds.toFixed(1)} s: ${
          ((seq - before) / seconds).toFixed(0)
        } notes/s end to end`
        : `not all stored after 120 s (${await stored()} of ${sentOk})`,
      `accept ${burst.throughput.toFixed(0)}/s`,
      "–",
      done ? "–" : "FAIL",
    ));
  } finally {
    client.close();
    await peers.stop();
  }
}

function row(
  size: string,
  metric: string,
  figure: string,
  floor: string,
  ratio: string,
  v: string,
) {
  return {
    scenario: NAME,
    size,
    metric,
    figure,
    floor,
    ratio,
    target: "(issue: see scenario 4)",
    verdict: v,
  };
}
