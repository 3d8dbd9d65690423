import assert from "node:assert/strict";
import { webUrl } from "./web-url.ts";

Deno.test("webUrl keeps absolute https and http URLs, normalised", () => {
  assert.equal(webUrl("https://example.com/@a"), "https://example.com/@a");
  assert.equal(
    webUrl("http://127.0.0.1:8000/x?y=1#z"),
    "http://127.0.0.1:8000/x?y=1#z",
  );
  assert.equal(webUrl(new URL("https://example.com")), "https://example.com/");
  assert.equal(webUrl("HTTPS://Example.COM/A"), "https://example.com/A");
  // A browser would read these as https too; what we keep is the normalised form.
  assert.equal(webUrl(" https://example.com/"), "https://example.com/");
  assert.equal(webUrl("https:\\\\example.com\\a"), "https://example.com/a");
});

Deno.test("webUrl refuses every other scheme, however it is dressed", () => {
  for (
    const bad of [
      "javascript:alert(document.domain)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "\tjava\nscript:alert(1)",
      "javascript://example.com/%0aalert(1)",
      "vbscript:msgbox(1)",
      "data:text/html,<script>alert(1)</script>",
      "data:image/svg+xml;base64,PHN2Zz4=",
      "file:///etc/passwd",
      "ftp://example.com/x",
      "blob:https://example.com/uuid",
      "mailto:a@example.com",
      "/relative/path",
      "//example.com/protocol-relative",
      "example.com",
      "",
      "https://",
    ]
  ) {
    assert.equal(webUrl(bad), null, JSON.stringify(bad));
  }
  assert.equal(webUrl(null), null);
  assert.equal(webUrl(undefined), null);
  assert.equal(webUrl(new URL("javascript:alert(1)")), null);
});
