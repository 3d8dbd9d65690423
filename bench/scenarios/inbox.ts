/**
 * Scenario 4: inbox. Create(Note) activities from 1,000 actors on 50 origins (simulated peers: a
 * separate Deno process on 50 loopback ports), POSTed to the shared inbox at 8 connections; 4 in
 * 5 with a draft-cavage HTTP signature (RSA-2048), 1 in 5 with an Ed25519 Object Integrity Proof
 * (FEP-8b32, eddsa-jcs-2022) and no HTTP signature, so it is accepted only if the proof verifies.
 * First contact resolves every actor (Starling fetches the actor and its keys from the peer).
 *
 * Floor, in the same run: `crypto.subtle.verify` of RSA-2048 PKCS#1 v1.5 SHA-256 signatures in
 * the bench process with 64 in flight, interleaved with the accept load. Targets (issue #20):
 * accepted ≥ 0.3× the floor at p99 < 250 ms; fully processed (stored) ≥ 0.2× the floor. Runs
 * with Starling as a `ROLE=web` and a `ROLE=worker` process (see `withWebAndWorker`); the web
 * process's key-cache counters (`lib/federation/inbox-accept.ts`) are reported.
 */
import { type BenchOptions, type Dataset, probe } from "../lib/context.ts";
import {
  httpClient,
  type Operation,
  runInterleaved,
  runLoad,
} from "../lib/load.ts";
import { startPeers } from "../lib/peers.ts";
import { OUT_DIR } from "../lib/process.ts";
import process from "node:process";
import { verdict } from "../lib/results.ts";
import { fmtMs, fmtRatio } from "../lib/stats.ts";

const NAME = "4 inbox";
const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
const FLOOR_IN_FLIGHT = 64;
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
    let posted = 0;
    /** Outcomes by signature kind; refusals by status. */
    const sent = { rsa: 0, proof: 0 };
    const refused = {
      rsa: new Map<number, number>(),
      proof: new Map<number, number>(),
    };
    const url = `${data.server.origin}/inbox`;
    /** Signs one note (1 in 5 with a proof); the bench signs ahead so its CPU isn't measured. */
    const sign = async (actor: string): Promise<Signed> => {
      const n = ++seq;
      const id = `${actor}/statuses/${run}-${n}`;
      const content = `<p>Inbox bench note ${n} from ${actor}</p>`;
      const kind = n % 5 === 0 ? "proof" : "rsa";
      const req = kind === "proof"
        ? await peers.proofPost(url, { actor, id, content })
        : await peers.signedPost(url, createNote(actor, id, content));
      return {
        kind,
        headers: req.headers,
        body: await req.arrayBuffer(),
      };
    };
    const prepare = async (list: string[]) => {
      const out: Signed[] = [];
      for (let k = 0; k < list.length; k += 32) {
        out.push(...await Promise.all(list.slice(k, k + 32).map(sign)));
      }
      return out;
    };
    const post = async (signed: Signed): Promise<boolean> => {
      posted++;
      const res = await fetch(url, {
        method: "POST",
        headers: signed.headers,
        body: signed.body,
        client,
      } as RequestInit);
      await res.arrayBuffer();
      sent[signed.kind]++;
      const counts = refused[signed.kind];
      if (!res.ok) counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
      return res.ok;
    };
    /** Posts the prepared requests in order, then signs on the fly if they run out. */
    const sender = (prepared: Signed[], actorOf: (i: number) => string) => {
      let i = 0;
      return async () => {
        const k = i++;
        return await post(prepared[k] ?? await sign(actorOf(k)));
      };
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
    const firstReq = await post(await sign(actors[0]));
    if (!firstReq) {
      const check = await probe(`${data.server.origin}/inbox`, {
        method: "POST",
      });
      options.results.add(
        row(
          data.label,
          "accepted/s at p99 < 250 ms",
          `inbox refused (status ${check.status})`,
          "–",
          "–",
          "not measured",
        ),
      );
      return;
    }
    const contactActors = actors.slice(1);
    const contactOp = sender(
      await prepare(contactActors),
      (k) => actors[(k + 1) % actors.length],
    );
    const contactStart = performance.now();
    const contact = await runLoad(contactOp, {
      concurrency: options.concurrency,
      seconds: 600,
      maxOperations: actors.length - 1,
    });
    const contactDone = await waitStored(
      actors.length - contact.errors,
      120_000,
    );
    options.results.add(row(
      data.label,
      `first contact from ${actors.length} actors on ${peers.origins.length} origins`,
      `accept p99 ${fmtMs(contact.p99)}; accepted ones stored in ${
        contactDone
          ? `${((contactDone - contactStart) / 1000).toFixed(1)} s`
          : "> 120 s"
      } (${contact.errors} refused)`,
      "–",
      "–",
      contactDone && contact.errors === 0 ? "–" : "FAIL",
    ));

    // Acceptance from known actors, interleaved with the RSA verify floor.
    const floorOp = await verifyFloor();
    const actorAt = (k: number) => actors[(k * 7919) % actors.length];
    // Enough signed ahead for twice the first-contact rate over warm-up and window.
    const expected = Math.max(
      100,
      Math.ceil(contact.throughput * (options.seconds + options.warmup) * 2),
    );
    const inboxOp: Operation = sender(
      await prepare(Array.from({ length: expected }, (_, k) => actorAt(k))),
      actorAt,
    );
    // CPU time of each process per activity: what the rates would be on idle cores.
    const webCpu = () => data.server.cpuMs();
    const workerCpu = async () => {
      let sum = 0;
      for (const worker of data.workers) sum += await worker.cpuMs();
      return data.workers.length ? sum : NaN;
    };
    const [webBefore, workerBefore, postedBefore] = [
      await webCpu(),
      await workerCpu(),
      posted,
    ];
    const measured = await runInterleaved({ inbox: inboxOp, verify: floorOp }, {
      concurrency: options.concurrency,
      concurrencyOf: { verify: FLOOR_IN_FLIGHT },
      seconds: options.seconds,
      warmupSeconds: options.warmup,
    });
    const { inbox: accepted, verify } = measured;
    const acceptCpuMs = (await webCpu() - webBefore) / (posted - postedBefore);
    options.results.point("inbox: accept", data.statuses, accepted);
    const acceptRatio = accepted.throughput / verify.throughput;
    const floorText = `${
      verify.throughput.toFixed(0)
    } RSA-2048 verifies/s (${FLOOR_IN_FLIGHT} in flight)`;
    options.results.add(row(
      data.label,
      `accepted/s at ${options.concurrency} connections, with p99`,
      `${accepted.throughput.toFixed(0)}/s, p99 ${
        fmtMs(accepted.p99)
      } (${accepted.errors} refused)`,
      floorText,
      fmtRatio(acceptRatio),
      verdict(
        acceptRatio >= 0.3 && accepted.p99 < 250 && accepted.errors === 0,
      ),
      "≥ 0.3× at p99 < 250 ms",
    ));

    // Processed: everything sent so far, then a burst of one note per actor, until all are stored.
    const burstOp = sender(
      await prepare(actors),
      (k) => actors[k % actors.length],
    );
    const before = posted;
    const burstStart = performance.now();
    const burst = await runLoad(burstOp, {
      concurrency: options.concurrency,
      seconds: 600,
      maxOperations: actors.length,
    });
    const refusedTotal = [...refused.rsa.values(), ...refused.proof.values()]
      .reduce((a, b) => a + b, 0);
    const done = await waitStored(posted - refusedTotal, 120_000);
    const seconds = done ? (done - burstStart) / 1000 : NaN;
    const processed = (posted - before) / seconds;
    options.results.add(row(
      data.label,
      `burst of ${actors.length} notes, sent to stored (processed/s)`,
      done
        ? `${processed.toFixed(0)}/s (${seconds.toFixed(1)} s; accept ${
          burst.throughput.toFixed(0)
        }/s)`
        : `not all stored after 120 s (${await stored()} of ${
          posted - refusedTotal
        })`,
      floorText,
      done ? fmtRatio(processed / verify.throughput) : "–",
      verdict(Boolean(done) && processed / verify.throughput >= 0.2),
      "≥ 0.2×",
    ));

    // Every activity posted since first contact has been processed by now (or `done` failed).
    const processCpuMs = (await workerCpu() - workerBefore) /
      (posted - postedBefore);
    // The floor's CPU per verification, measured alone (CPU time: holds on a busy machine).
    const verifyCpuMs = await verifyCpuCost(floorOp);
    options.results.add(row(
      data.label,
      "CPU per activity: web process accepting; worker process processing",
      `accept ${acceptCpuMs.toFixed(2)} ms; process ${
        processCpuMs.toFixed(2)
      } ms (one core each: ${(1000 / acceptCpuMs).toFixed(0)}/s and ${
        (1000 / processCpuMs).toFixed(0)
      }/s)`,
      `${verifyCpuMs.toFixed(3)} ms CPU per RSA-2048 verify`,
      `${fmtRatio(verifyCpuMs / acceptCpuMs)}; ${
        fmtRatio(verifyCpuMs / processCpuMs)
      }`,
      "–",
      "(CPU-bound rate vs the floor's: verify CPU ÷ CPU per activity)",
    ));

    const describe = (m: Map<number, number>) =>
      [...m].map(([status, n]) => `${n}× ${status}`).join(", ") || "none";
    const proofRefused = [...refused.proof.values()].reduce((a, b) => a + b, 0);
    options.results.add(row(
      data.label,
      "refusals by signature kind (whole scenario)",
      `Ed25519 proofs: ${
        sent.proof - proofRefused
      } of ${sent.proof} accepted ` +
        `(refused: ${describe(refused.proof)}); RSA HTTP signatures: refused ${
          describe(refused.rsa)
        } of ${sent.rsa}`,
      "–",
      "–",
      verdict(refusedTotal === 0),
      "every valid activity accepted",
    ));
  } finally {
    client.close();
    await peers.stop();
  }
}

/**
 * The web process's accept-path and key-cache counters (`lib/federation/inbox-stats.ts`), as it
 * logged them when it stopped: call after `withWebAndWorker` has stopped it.
 */
export async function reportInboxCounters(
  options: BenchOptions,
  data: Dataset,
): Promise<void> {
  const counters = (await Deno.readTextFile(
    `${OUT_DIR}/server-${data.label}-web.log`,
  ).catch(() => "")).split("\n").filter((l) => l.startsWith("[inbox] "))
    .at(-1);
  options.results.add(row(
    data.label,
    "accept path and key cache (web process, whole scenario)",
    counters?.slice("[inbox] ".length) ?? "no counters logged",
    "–",
    "–",
    "–",
    "(reported)",
  ));
}

interface Signed {
  kind: "rsa" | "proof";
  headers: Headers;
  body: ArrayBuffer;
}

function createNote(actor: string, id: string, content: string) {
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
      content,
      published,
      to: [PUBLIC],
      cc: [`${actor}/followers`],
      url: id,
    },
  };
}

/** CPU time of one floor operation, run 300 times in a row (node's `cpuUsage`: all threads). */
async function verifyCpuCost(op: () => Promise<unknown>): Promise<number> {
  const n = 300;
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) await op();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / n;
}

/** One RSA-2048 PKCS#1 v1.5 SHA-256 verification of a signed request-sized string. */
async function verifyFloor(): Promise<() => Promise<boolean>> {
  const algorithm = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  const keys = await crypto.subtle.generateKey(
    {
      ...algorithm,
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
    },
    false,
    ["sign", "verify"],
  ) as CryptoKeyPair;
  const data = new TextEncoder().encode(
    "(request-target): post /inbox\nhost: 127.0.0.1\ndate: " +
      new Date().toUTCString() + "\ndigest: SHA-256=" + "x".repeat(44),
  );
  const signature = await crypto.subtle.sign(algorithm, keys.privateKey, data);
  return () => crypto.subtle.verify(algorithm, keys.publicKey, signature, data);
}

function row(
  size: string,
  metric: string,
  figure: string,
  floor: string,
  ratio: string,
  v: string,
  target = "–",
) {
  return {
    scenario: NAME,
    size,
    metric,
    figure,
    floor,
    ratio,
    target,
    verdict: v,
  };
}
