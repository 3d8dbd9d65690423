import assert from "node:assert/strict";
import { localeFor, negotiateLocale } from "./mod.ts";

Deno.test("Accept-Language picks the best supported locale", () => {
  assert.equal(negotiateLocale(null), "en");
  assert.equal(negotiateLocale("de-AT,de;q=0.9,en;q=0.8"), "de");
  assert.equal(negotiateLocale("fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4"), "de");
  assert.equal(negotiateLocale("en;q=0.3,de;q=0.7"), "de");
  assert.equal(negotiateLocale("de;q=0,en"), "en");
  assert.equal(negotiateLocale("ja"), "en");
});

Deno.test("a user's own language wins over the browser's", () => {
  assert.equal(localeFor("de", "en"), "de");
  assert.equal(localeFor("en", "de"), "en");
  assert.equal(localeFor("pt-BR", "de"), "de", "unsupported: the browser's");
});
