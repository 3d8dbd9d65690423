import assert from "node:assert/strict";
import { retryAfterMs } from "./delivery.ts";

Deno.test("Retry-After: seconds or an HTTP-date; unreadable falls back to the backoff", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  assert.equal(retryAfterMs("120", now), 120_000);
  assert.equal(retryAfterMs("Thu, 01 Jan 2026 00:05:00 GMT", now), 300_000);
  assert.equal(retryAfterMs("Wed, 31 Dec 2025 23:00:00 GMT", now), 0);
  assert.equal(retryAfterMs("soon", now), null);
  assert.equal(retryAfterMs(null, now), null);
  assert.equal(retryAfterMs("9999999", now), 48 * 3600 * 1000);
});
