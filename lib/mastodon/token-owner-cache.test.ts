import assert from "node:assert/strict";
import { TokenOwnerCache } from "./token-owner-cache.ts";
import type { TokenOwner } from "../db/api-auth.ts";

const owner = (token: string, user: string, account: string) =>
  ({
    token: { id: token },
    user: { id: user },
    account: { id: account },
  }) as unknown as TokenOwner;

Deno.test("token owners: held only while listening; dropped by the change that concerns them", () => {
  const cache = new TokenOwnerCache();
  cache.set("h1", owner("t1", "u1", "a1"), cache.generation());
  assert.equal(cache.get("h1"), undefined, "not listening: nothing held");
  cache.listening();
  cache.set("h1", owner("t1", "u1", "a1"), cache.generation());
  cache.set("h2", owner("t2", "u2", "a2"), cache.generation());
  cache.set("h3", owner("t3", "u2", "a2"), cache.generation());
  cache.changed("token:t1");
  assert.equal(cache.get("h1"), undefined);
  assert.ok(cache.get("h2"));
  cache.changed("account:a2");
  assert.equal(cache.size, 0, "both tokens of the account");
});

Deno.test("token owners: an owner read before a change isn't kept after it", () => {
  const cache = new TokenOwnerCache();
  cache.listening();
  const generation = cache.generation();
  // …the owner is being read from the database when a change is announced…
  cache.changed("user:u1");
  cache.set("h1", owner("t1", "u1", "a1"), generation);
  assert.equal(cache.get("h1"), undefined);
  cache.set("h1", owner("t1", "u1", "a1"), cache.generation());
  assert.ok(cache.get("h1"));
  cache.afterWrite();
  assert.equal(cache.get("h1"), undefined);
});
