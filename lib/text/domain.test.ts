import assert from "node:assert/strict";
import { normalizeDomain, sameDomain } from "./domain.ts";

Deno.test("normalizeDomain lowercases and punycodes, keeping the port", () => {
  assert.equal(normalizeDomain("Example.COM"), "example.com");
  assert.equal(normalizeDomain("bücher.example"), "xn--bcher-kva.example");
  assert.equal(
    normalizeDomain("BÜCHER.example:8443"),
    "xn--bcher-kva.example:8443",
  );
  assert.equal(normalizeDomain("example.com:80"), "example.com:80");
  assert.equal(normalizeDomain("example.com."), "example.com");
  assert.equal(normalizeDomain(" example.com "), "example.com");
  assert.equal(normalizeDomain("[::1]:3000"), "[::1]:3000");
  assert.equal(normalizeDomain("日本語。jp"), "xn--wgv71a119e.jp");
  assert.equal(
    normalizeDomain("xn--bcher-kva.example"),
    "xn--bcher-kva.example",
  );
});

Deno.test("sameDomain compares IDNs in punycode", () => {
  assert.ok(sameDomain("bücher.example", "xn--bcher-kva.example"));
  assert.ok(sameDomain("Bücher.Example", "XN--BCHER-KVA.EXAMPLE"));
  assert.ok(sameDomain("example.com:443", "EXAMPLE.com:443"));
  assert.ok(!sameDomain("example.com:443", "example.com"));
  assert.ok(!sameDomain("example.com", "example.org"));
  assert.ok(!sameDomain("bucher.example", "bücher.example"));
});

Deno.test("normalizeDomain does not throw on junk", () => {
  assert.equal(typeof normalizeDomain("a b%"), "string");
  assert.equal(normalizeDomain(""), "");
});
