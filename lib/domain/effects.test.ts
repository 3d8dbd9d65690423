import assert from "node:assert/strict";
import { EffectBus } from "./effects.ts";

const event = { type: "account.updated", accountId: "1" } as const;

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
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args);
  try {
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
    assert.deepEqual(logged, []);
  } finally {
    console.error = original;
  }
});

Deno.test("EffectBus: a listener's failure before shutdown is logged, not thrown", async () => {
  const bus = new EffectBus();
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args);
  try {
    bus.on(() => {
      throw new Error("boom");
    });
    await bus.emitAndWait(event);
    assert.equal(logged.length, 1);
  } finally {
    console.error = original;
  }
});
