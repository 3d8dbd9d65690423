import assert from "node:assert/strict";
import { isAddress } from "./sign-up-gate.ts";

Deno.test("only real IP addresses reach the IP block queries", () => {
  for (const address of ["192.0.2.1", "::1", "2001:db8::1", "::ffff:1.2.3.4"]) {
    assert.equal(isAddress(address), true, address);
  }
  // Junk a proxy might forward: refused before Postgres's inet cast could fail the request.
  for (
    const junk of ["999.1.1.1", ":::", "unknown", "1.2.3", "", "fe80::1%eth0"]
  ) {
    assert.equal(isAddress(junk), false, junk);
  }
});
