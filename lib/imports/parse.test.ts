import assert from "node:assert/strict";
import { parseImportFile } from "./parse.ts";
import { DomainError } from "../domain/errors.ts";

const HOST = "here.example";

Deno.test("import files: Mastodon's headers name the columns; without one, the export's order", () => {
  // A header in another order than the export's (as a hand-made file may have).
  assert.deepEqual(
    parseImportFile(
      "following",
      'Languages,Account address,Show boosts\r\n"en, pt-BR",@bob@b.example,false\r\n',
      HOST,
    ),
    [{
      line: 2,
      data: {
        acct: "bob@b.example",
        reblogs: false,
        notify: false,
        languages: ["en", "pt-BR"],
      },
    }],
  );
  // Headerless, one column; a bare username is an account here; blank lines skipped.
  assert.deepEqual(
    parseImportFile("blocking", "\uFEFFbob@b.example\n\ncarol\n", HOST).map((
      r,
    ) => [r.line, r.data]),
    [[1, { acct: "bob@b.example" }], [3, { acct: `carol@${HOST}` }]],
  );
  assert.deepEqual(
    parseImportFile(
      "domain_blocking",
      "#domain,#severity\nSpam.Example.\n",
      HOST,
    )
      .map((r) => r.data),
    [{ domain: "spam.example" }],
  );
  assert.deepEqual(
    parseImportFile("muting", "a@b.example,false\n", HOST).map((r) => r.data),
    [{ acct: "a@b.example", hideNotifications: false }],
  );
});

Deno.test("import files: a bad line is refused with its number and why", () => {
  const message = (
    type: Parameters<typeof parseImportFile>[0],
    text: string,
  ) => {
    try {
      parseImportFile(type, text, HOST);
    } catch (error) {
      assert.ok(error instanceof DomainError);
      return error.message;
    }
    throw new Error("accepted");
  };
  assert.equal(
    message("bookmarks", "https://a.example/1\nftp://a.example/2\n"),
    'Line 2: "ftp://a.example/2" is not a post\'s address',
  );
  assert.equal(
    message("lists", "Friends,a@b.example\n,c@d.example\n"),
    "Line 2: the list name is blank",
  );
  assert.equal(
    message("following", "Show boosts\ntrue\n"),
    'Line 1: the header has no "Account address" column',
  );
  assert.equal(message("following", "\n\n"), "The file is empty");
  // A follows file uploaded as a blocking list would block everyone one follows.
  assert.match(
    message(
      "blocking",
      "Account address,Show boosts,Notify on new posts,Languages\na@b.example,true,false,\n",
    ),
    /^Line 1: the "show boosts" column is in following list files, not in blocking list files/,
  );
});
