import assert from "node:assert/strict";
import { xml } from "./rss.ts";

Deno.test("xml() escapes markup and drops what XML 1.0 can't carry", () => {
  assert.equal(
    xml(`a\u0000b\u0007c\uD800d\uFFFE <x a="1" b='2'> & 😀\n\t`),
    "abcd &lt;x a=&quot;1&quot; b=&apos;2&apos;&gt; &amp; 😀\n\t",
  );
});
