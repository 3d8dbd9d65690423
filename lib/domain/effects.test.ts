import assert from "node:assert/strict";
import { EffectBus } from "./effects.ts";

const event = { type: "account.updated", accountId: "1" } as const;

/** Runs `fn` with `console.error` recorded instead of printed; returns what was logged. */
async function loggedErrors(fn: () => Promise<void>): Promise<unknown[]> {
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args);
  try {
    await fn();
  } finally {
    console.error = original;
  }
  return logged;
}

Deno.test("EffectBus.close: a running listener finishes first; later events are not dispatched", async () => {
  const bus = new EffectBus();
  const done: string[] = [];
  bus.on(async (e) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    done.push(e.type);
  });
  bus.emit(event);
  await bus.close();
  assert.deepEqual(done, ["account.updated"]);
  bus.emit(event);
  await bus.emitAndWait(event);
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(done, ["account.updated"]);
});

Deno.test("EffectBus.close: a listener still failing after the grace period is dropped without a log line", async () => {
  const bus = new EffectBus();
  const logged = await loggedErrors(async () => {
    let fail!: () => void;
    bus.on(() =>
      new Promise<void>((_, reject) => {
        fail = () => reject(new Error("CONNECTION_ENDED"));
      })
    );
    bus.emit(event);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await bus.close(10);
    fail();
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
  assert.deepEqual(logged, []);
});

Deno.test("EffectBus: a listener's failure before shutdown is logged, not thrown", async () => {
  const bus = new EffectBus();
  bus.on(() => {
    throw new Error("boom");
  });
  const logged = await loggedErrors(() => bus.emitAndWait(event));
  assert.equal(logged.length, 1);
});
