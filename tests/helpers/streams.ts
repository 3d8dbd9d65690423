/**
 * Waiting for a streaming client to be listening before the test writes what it should see: a
 * WebSocket subscribes with a message after it opens, so an open connection is not enough.
 */
import type { TestInstance } from "./app.ts";

/** Resolves once the instance holds `count` stream subscriptions; throws after `ms`. */
export async function untilSubscribed(
  instance: TestInstance,
  count = 1,
  ms = 10_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (instance.deps.streams.subscriptionCount < count) {
    if (Date.now() > deadline) {
      throw new Error(`${count} stream subscription(s) never arrived`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `promise`, or a rejection after `ms` (a stream event that never comes fails the test). */
export function withTimeout<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error("no stream event")), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
