import assert from "node:assert/strict";
import { canonicalEmail, canonicalEmailHash } from "./canonical-email.ts";

Deno.test("an address is canonicalised as Mastodon's CanonicalEmail does", async () => {
  assert.equal(canonicalEmail("Foo.Bar+x@gmail.com"), "foobar@gmail.com");
  assert.equal(canonicalEmail(" foobar@GMAIL.com "), "foobar@gmail.com");
  assert.equal(canonicalEmail("a+b+c@example.org"), "a@example.org");
  // Dots go from the local part only.
  assert.equal(
    canonicalEmail("j.doe@mail.example.org"),
    "jdoe@mail.example.org",
  );
  // sha256 (hex) of "foobar@gmail.com", as `sha256sum` prints it.
  assert.equal(
    await canonicalEmailHash("Foo.Bar+x@gmail.com"),
    "ec3fe428cd3e33246cc5b36bbc373b06f77edbdde90b5f8fc998e99857ec20c2",
  );
});
