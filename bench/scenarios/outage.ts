/**
 * Scenario 6: outage drain. Starling is stopped (its process, by pid) for the outage while the
 * simulated peers (1,000 actors on 50 origins; fewer actors outside full mode) keep sending
 * signed Create(Note)s to its shared inbox at a steady rate, each note retried by its sender
 * with exponential backoff (1 s doubling, with jitter, capped at 5% of the outage: 30 s for the
 * issue's 10 minutes) until Starling accepts it, at most 64 attempts in flight. Then Starling
 * is started again on the same port, database and DATA_DIR, the peers go on sending, and the
 * figure is the time from the restart until every note sent during the outage is stored.
 * Floor: the outage itself; target (issue #7): drained in ≤ 0.25× the outage.
 *
 * The outage is 10 minutes in full mode. Quick mode's 3-minute budget has no room for it, so
 * it runs there (with a 60 s outage) only when asked for: `--quick --scenario=outage`.
 * Every note is signed once when its peer first sends it (draft-cavage, RSA; Starling accepts
 * a signature for an hour), so the bench's signing isn't competing with the drain.
 */
import type { BenchOptions, Dataset } from "../lib/context.ts";
import { startPeers } from "../lib/peers.ts";
import { verdict } from "../lib/results.ts";

const NAME = "6 outage drain";
const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
const NOTES_PER_SECOND = 10;
const IN_FLIGHT = 64;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function outage(
  options: BenchOptions,
  data: Dataset,
): Promise<void> {
  const asked = options.only?.has("outage") ?? false;
  if (options.mode !== "full" && !asked) {
    options.results.add({
      scenario: NAME,
      size: data.label,
      metric: "Starling down 10 min while peers keep sending: backlog drained",
      figure:
        "full mode only (a 60 s outage doesn't fit the quick budget; `--quick --scenario=outage` runs one)",
      floor: "–",
      ratio: "–",
      target: "≤ 0.25× the outage",
      verdict: "not measured",
    });
    return;
  }
  const outageMs = options.mode === "full" ? 600_000 : 60_000;
  const backoffCapMs = outageMs * 0.05;
  const perOrigin = { full: 20, quick: 4, smoke: 4 }[options.mode];
  const peers = await startPeers(50, perOrigin);
  const url = `${data.server.origin}/inbox`;
  const actors = peers.origins.flatMap((_, k) =>
    Array.from({ length: perOrigin }, (_, j) => peers.actorId(k, j + 1))
  );
  const run = Date.now().toString(36);
  let slots = IN_FLIGHT;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    while (slots === 0) await new Promise<void>((r) => waiting.push(r));
    slots--;
  };
  const release = () => {
    slots++;
    waiting.shift()?.();
  };
  let attempts = 0;
  let refused = 0;
  let stopping = false;
  /** One peer's delivery of one note: signed once, retried with backoff until accepted. */
  const deliver = async (actor: string, id: string) => {
    const signed = await peers.signedPost(url, createNote(actor, id));
    const headers = signed.headers;
    const body = await signed.arrayBuffer();
    for (let attempt = 0;; attempt++) {
      await acquire();
      let ok = false;
      try {
        attempts++;
        const res = await fetch(url, {
          method: "POST",
          headers,
          body,
          signal: AbortSignal.timeout(10_000),
        });
        await res.body?.cancel();
        ok = res.ok;
        if (!ok && res.status >= 400 && res.status < 500) {
          refused++;
          return; // a peer doesn't retry a refusal
        }
      } catch {
        /* down: connection refused or timed out */
      } finally {
        release();
      }
      if (ok || stopping) return;
      const backoff = Math.min(backoffCapMs, 1000 * 2 ** attempt);
      await sleep(backoff * (0.5 + Math.random() * 0.5));
    }
  };
  let seq = 0;
  const tasks: Promise<void>[] = [];
  /** The peers' steady stream of notes, `prefix` marking the phase they were sent in. */
  const produce = (prefix: string, until: () => boolean) =>
    (async () => {
      const started = performance.now();
      let made = 0;
      while (!until()) {
        const due = started + made * 1000 / NOTES_PER_SECOND;
        if (performance.now() < due) {
          await sleep(due - performance.now());
          continue;
        }
        const actor = actors[(seq * 7919) % actors.length];
        const n = ++seq;
        made++;
        tasks.push(deliver(actor, `${actor}/statuses/${run}-${prefix}-${n}`));
      }
      return made;
    })();
  const storedOf = async (prefix: string) => {
    const [{ n }] = await data.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM statuses
      WHERE uri LIKE ${`%/statuses/${run}-${prefix}-%`}`;
    return n;
  };

  try {
    // Every actor known to Starling first (as for peers that talked to it before).
    await Promise.all(
      actors.map((actor, k) =>
        deliver(actor, `${actor}/statuses/${run}-w-${k}`)
      ),
    );
    const warmAccepted = actors.length - refused;
    refused = 0;
    // Stopped at once: the warm-up's accepted activities may still be in Starling's queue.
    await data.stopServer();
    const downAt = performance.now();
    const sentDuringOutage = await produce(
      "o",
      () => performance.now() - downAt >= outageMs,
    );
    const restartAt = performance.now();
    let drained = false;
    const after = produce("a", () => drained || stopping);
    await data.startServer();
    const deadline = restartAt + outageMs;
    let doneAt: number | null = null;
    while (performance.now() < deadline) {
      if (await storedOf("o") >= sentDuringOutage - refused) {
        doneAt = performance.now();
        break;
      }
      await sleep(100);
    }
    drained = true;
    const storedCount = await storedOf("o");
    const drainMs = doneAt === null ? NaN : doneAt - restartAt;
    const ratio = drainMs / outageMs;
    options.results.add({
      scenario: NAME,
      size: data.label,
      metric: `Starling down ${
        outageMs / 1000
      } s while peers send ${NOTES_PER_SECOND} notes/s (retries: 1 s doubling, cap ${
        backoffCapMs / 1000
      } s): restart until the ${sentDuringOutage} outage notes are stored`,
      figure: doneAt === null
        ? `not drained in ${
          outageMs / 1000
        } s (${storedCount} of ${sentDuringOutage} stored)`
        : `${(drainMs / 1000).toFixed(1)} s (${refused} refused)`,
      floor: `${outageMs / 1000} s outage`,
      ratio: doneAt === null ? "–" : `${ratio.toFixed(2)}×`,
      target: "≤ 0.25×",
      verdict: verdict(doneAt !== null && ratio <= 0.25 && refused === 0),
    });
    const warmStored = await storedOf("w");
    options.results.add({
      scenario: NAME,
      size: data.label,
      metric:
        "notes accepted (2xx) just before the stop, stored once Starling is back",
      figure: `${warmStored} of ${warmAccepted}`,
      floor: "–",
      ratio: "–",
      target: "all (an accepted activity is not lost)",
      verdict: verdict(warmStored >= warmAccepted),
    });
    options.results.note(
      `6 outage drain: Starling restarted in ${
        (data.server.readyMs / 1000).toFixed(1)
      } s (first 200 on /, part of the drain time); ${attempts} delivery attempts in all`,
    );
    stopping = true;
    await after;
  } finally {
    stopping = true;
    await Promise.allSettled(tasks);
    await peers.stop();
  }
}

function createNote(actor: string, id: string) {
  const published = new Date().toISOString();
  return {
    "@context": "https://www.w3.org/ns/activitystreams",
    id: `${id}/activity`,
    type: "Create",
    actor,
    published,
    to: [PUBLIC],
    cc: [`${actor}/followers`],
    object: {
      id,
      type: "Note",
      attributedTo: actor,
      content: `<p>Outage bench note ${id}</p>`,
      published,
      to: [PUBLIC],
      cc: [`${actor}/followers`],
      url: id,
    },
  };
}
