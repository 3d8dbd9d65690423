import assert from "node:assert/strict";
import {
  createMastodonRetryPolicy,
  mastodonRetryDelaySeconds,
} from "./retry-policy.ts";

const DAY = 24 * 60 * 60;
const CAP = 12 * 60 * 60;

/** Total seconds of waits the policy hands out before it returns null. */
function span(policy: ReturnType<typeof createMastodonRetryPolicy>) {
  let total = 0;
  let attempts = 0;
  const elapsedTime = Temporal.Duration.from({ seconds: 0 });
  for (;;) {
    const delay = policy({ attempts, elapsedTime });
    if (delay == null) return { total, retries: attempts };
    total += delay.total("second");
    attempts++;
  }
}

Deno.test("Mastodon-like policy: 16 retries spanning 2–3 days, for any jitter", () => {
  for (const random of [() => 0, () => 0.5, () => 0.999999, Math.random]) {
    const { total, retries } = span(createMastodonRetryPolicy({ random }));
    assert.equal(retries, 16);
    assert.ok(total > 2 * DAY && total < 3 * DAY, `span ${total / DAY} days`);
  }
});

Deno.test("Mastodon-like policy: the schedule's shape and the 12 h cap", () => {
  const noJitter = { jitter: false };
  assert.equal(mastodonRetryDelaySeconds(1, noJitter), 16); // 1 + 15
  assert.equal(mastodonRetryDelaySeconds(2, noJitter), 31); // 16 + 15
  assert.equal(mastodonRetryDelaySeconds(10, noJitter), 10_015);
  // 15**4 = 50,625 s and 16**4 = 65,536 s would exceed 12 h: capped.
  assert.equal(mastodonRetryDelaySeconds(15, noJitter), CAP);
  assert.equal(mastodonRetryDelaySeconds(16, { random: () => 0.99 }), CAP);
  // Jitter grows with the retry number: up to 30 s per retry.
  assert.equal(
    mastodonRetryDelaySeconds(3, { random: () => 0.5 }),
    81 + 15 + 45,
  );
  const policy = createMastodonRetryPolicy({ random: () => 0.99 });
  const elapsedTime = Temporal.Duration.from({ seconds: 0 });
  for (let attempts = 0; attempts < 16; attempts++) {
    const delay = policy({ attempts, elapsedTime })!;
    assert.ok(delay.total("second") <= CAP);
    assert.ok(delay.total("second") >= 15);
  }
  assert.equal(policy({ attempts: 16, elapsedTime }), null);
  assert.equal(policy({ attempts: 40, elapsedTime }), null);
});

Deno.test("Mastodon-like policy: scale compresses the whole schedule", () => {
  const random = () => 0.25;
  const full = span(createMastodonRetryPolicy({ random }));
  const fast = span(createMastodonRetryPolicy({ random, scale: 0.001 }));
  assert.equal(fast.retries, 16);
  assert.ok(Math.abs(fast.total - full.total * 0.001) < 0.05);
  const first = createMastodonRetryPolicy({ scale: 0.001, jitter: false })({
    attempts: 0,
    elapsedTime: Temporal.Duration.from({ seconds: 0 }),
  });
  assert.equal(first!.total("millisecond"), 16);
  assert.throws(() => createMastodonRetryPolicy({ scale: 0 }), RangeError);
});
