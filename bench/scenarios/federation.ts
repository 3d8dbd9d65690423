/**
 * Scenarios 5–6 (fan-out to remote servers, outage drain) are not written yet (scenario 4, the
 * inbox, is in inbox.ts and its peers in bench/peers/). Planned shape: simulated peers are separate Deno processes (bench/peers/) on
 * their own loopback ports, serving actor documents and keys for their actors and an inbox that
 * records arrival times; the bench signs Create(Note) activities with those keys (scenario 4),
 * counts deliveries arriving at peers after a post (5), and stops/restarts peers to time the
 * queue's drain (6). Until then they are reported as not measured.
 */
import type { BenchOptions } from "../lib/context.ts";

const PLANNED = [
  ["5 fan-out", "delivery to 10,000 followers on 500 servers"],
  ["6 outage drain", "queued deliveries drained after peers come back"],
];

export function federationPlaceholders(options: BenchOptions): void {
  for (const [scenario, metric] of PLANNED) {
    options.results.add({
      scenario,
      size: "–",
      metric,
      figure: "not measured: scenario not written yet",
      floor: "–",
      ratio: "–",
      target: "see issue",
      verdict: "not measured",
    });
  }
}
