import assert from "node:assert/strict";
import { isValidRemoteUsername, usernameProblem } from "./usernames.ts";

Deno.test("local usernames follow Mastodon's rules", () => {
  assert.equal(usernameProblem("alice_99"), null);
  assert.equal(usernameProblem("alice_"), null);
  assert.equal(usernameProblem("A".repeat(30)), null);
  assert.match(usernameProblem("")!, /blank/);
  assert.match(usernameProblem("a".repeat(31))!, /too long/);
  assert.match(usernameProblem("al-ice")!, /letters, numbers and underscores/);
  assert.match(usernameProblem("alice.b")!, /letters, numbers and underscores/);
  assert.match(usernameProblem("élodie")!, /letters, numbers and underscores/);
  for (const reserved of ["admin", "Root", "www", "api", "inbox"]) {
    assert.match(usernameProblem(reserved)!, /reserved/, reserved);
  }
});

Deno.test("local usernames starting with _ are the server's own", () => {
  for (const name of ["__instance__", "__INSTANCE__", "_alice", "_"]) {
    assert.match(
      usernameProblem(name)!,
      /can't start with an underscore/,
      name,
    );
  }
});

Deno.test("remote usernames follow Mastodon's pattern", () => {
  for (
    const ok of [
      "alice",
      "Alice_99",
      "first.last",
      "a-b",
      "a",
      "_x_",
      "a.b-c_d",
    ]
  ) {
    assert.ok(isValidRemoteUsername(ok), ok);
  }
  for (
    const bad of [
      "",
      "alice@evil.example",
      "alice@localhost:8550\u202e <b>x",
      "al ice",
      "<b>x</b>",
      "alice\u202e",
      "alice\u200b",
      ".alice",
      "alice.",
      "-alice",
      "élodie",
      "alice\n",
    ]
  ) {
    assert.ok(!isValidRemoteUsername(bad), JSON.stringify(bad));
  }
});
