import assert from "node:assert/strict";
import { EffectBus } from "./effects.ts";

const event = { type: "account.updated", accountId: "1" } as const;
const nowhere = { enqueueMany: () => Promise.resolve() };

Deno.test("EffectBus.dispatch: every listener runs; one failing fails the dispatch (its job is retried)", async () => {
  const bus = new EffectBus(nowhere);
  const heard: string[] = [];
  bus.on(() => {
    throw new Error("boom");
  });
  bus.on((e) => {
    heard.push(e.type);
  });
  await assert.rejects(bus.dispatch(event), /boom/);
  assert.deepEqual(heard, ["account.updated"]);
});

Deno.test("EffectBus.emitAndWait: a listener's failure is logged, not thrown; nothing after close()", async () => {
  const bus = new EffectBus(nowhere);
  let runs = 0;
  bus.on(() => {
    runs++;
    throw new Error("boom");
  });
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args);
  try {
    await bus.emitAndWait(event);
    bus.close();
    await bus.emitAndWait(event);
  } finally {
    console.error = original;
  }
  assert.equal(runs, 1);
  assert.equal(logged.length, 1);
});

Deno.test("EffectBus.record: one job per event, in the given transaction, ordered per account", async () => {
  const written: unknown[] = [];
  const tx = {} as never;
  const bus = new EffectBus({
    enqueueMany: (into, jobs) => {
      assert.equal(into, tx);
      written.push(...jobs);
      return Promise.resolve();
    },
  });
  await bus.record(tx, event, { type: "token.revoked", tokenIds: ["7"] });
  assert.deepEqual(written, [
    { kind: "domain.event", payload: event, orderingKey: "account:1" },
    {
      kind: "domain.event",
      payload: { type: "token.revoked", tokenIds: ["7"] },
      orderingKey: undefined,
    },
  ]);
});
