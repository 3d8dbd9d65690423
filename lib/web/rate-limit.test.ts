import assert from "node:assert/strict";
import { LIMITS, RateLimits } from "./rate-limit.ts";

Deno.test("rate limits: a visitor's remote-interaction lookups are limited per address", () => {
  const limits = new RateLimits([]);
  const info = (hostname: string) =>
    ({
      remoteAddr: { hostname, port: 40000, transport: "tcp" },
    }) as unknown as Deno.ServeHandlerInfo;
  const post = (address: string) => {
    const url = new URL("https://starling.example/interact");
    return limits.admit(
      new Request(url, { method: "POST" }),
      url,
      info(address),
      null,
    );
  };
  for (let i = 0; i < LIMITS.remoteLookup.max; i++) {
    assert.equal(post("203.0.113.5"), null, `lookup ${i + 1}`);
  }
  assert.equal(post("203.0.113.5")?.status, 429);
  // Another address has its own count; reading the form is not counted.
  assert.equal(post("203.0.113.6"), null);
  const form = new URL("https://starling.example/interact?intent=follow");
  assert.equal(
    limits.admit(new Request(form), form, info("203.0.113.5"), null),
    null,
  );
});
