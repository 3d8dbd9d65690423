/**
 * The admin CLI on the embedded database, as an operator runs it: `deno task admin …` in
 * its own process, next to a running server (also its own process) or none. Only one process
 * may open the data directory: with a server running the command runs in the server; without
 * one the CLI opens the directory itself, and anyone else opening it meanwhile is refused.
 */
import assert from "node:assert/strict";
import { runAdminCli } from "./helpers/admin-cli.ts";
import { freePort, startServer } from "./helpers/server-process.ts";
import { FormClient } from "./helpers/forms.ts";
import { openDatabase } from "../lib/db/client.ts";
import { DataDirectoryInUse } from "../lib/db/data-dir-lock.ts";

Deno.test("admin CLI, embedded database, server running: the command runs in the server, whose new account signs in without a restart; a server that does not answer is an error", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "starling-admin-" });
  const port = freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startServer({
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    ORIGIN: origin,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    NO_COLOR: "1",
  });
  try {
    const created = await admin(
      dataDir,
      "accounts",
      "create",
      "carol",
      "--email",
      "carol@example.com",
      "--password",
      "carol's password",
    );
    assert.equal(created.code, 0, created.err);
    assert.match(created.out, /created @carol /);

    const lookup = await fetch(`${origin}/api/v1/accounts/lookup?acct=carol`);
    assert.equal(lookup.status, 200, "the running server knows the account");
    assert.equal((await lookup.json()).username, "carol");
    const browser = new FormClient(origin);
    const form = await browser.page("/auth/sign_in");
    const signedIn = await browser.post("/auth/sign_in", {
      _csrf: form.csrf,
      login: "carol",
      password: "carol's password",
      return_to: "/home",
    });
    assert.equal(signedIn.status, 303, "carol signs in");
    assert.equal((await browser.request("/home")).status, 200);
    assert.equal(
      created.err,
      `admin: using the running server (pid ${server.child.pid})`,
    );

    // Refusals come back as the one error line, with the server's exit code.
    const duplicate = await admin(
      dataDir,
      "accounts",
      "create",
      "carol",
      "--email",
      "c2@example.com",
    );
    assert.equal(duplicate.code, 1);
    assert.match(
      duplicate.err,
      /\nerror: Username has already been taken$/,
    );

    // A live holder that doesn't answer (here: stopped) is an error, never a second opening.
    Deno.kill(server.child.pid, "SIGSTOP");
    let unanswered;
    try {
      unanswered = await admin(dataDir, "accounts", "list");
    } finally {
      Deno.kill(server.child.pid, "SIGCONT");
    }
    assert.equal(unanswered.code, 1);
    assert.match(
      unanswered.err,
      new RegExp(`server \\(pid ${server.child.pid}\\) .* does not answer`),
    );
    assert.doesNotMatch(unanswered.err, /opened the embedded database/);
  } finally {
    server.child.kill("SIGTERM");
    const status = await server.child.status;
    assert.equal(status.code, 0, server.output.join(""));
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("admin CLI, embedded database, no server: it opens the directory itself; a second opener is refused; a dead holder's lock is taken over", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "starling-admin-" });
  const pgDir = `${dataDir}/pg`;
  try {
    const created = await admin(
      dataDir,
      "accounts",
      "create",
      "dave",
      "--email",
      "dave@example.com",
      "--password",
      "dave's password",
    );
    assert.equal(created.code, 0, created.err);

    // This test process opens the directory (as a server would, without taking commands): the
    // CLI must neither open it a second time nor hang.
    const held = await openDatabase({ pgliteDir: pgDir });
    try {
      const refused = await admin(dataDir, "accounts", "list");
      assert.equal(refused.code, 1);
      assert.match(refused.err, new RegExp(`held by pid ${Deno.pid}\\b`));
      assert.doesNotMatch(refused.err, /opened the embedded database/);
      await assert.rejects(
        openDatabase({ pgliteDir: pgDir }),
        DataDirectoryInUse,
        "a second opener in any process is refused",
      );
      const [{ n }] = await held
        .sql`SELECT count(*)::int AS n FROM accounts WHERE username = 'dave'`;
      assert.equal(n, 1, "the account the CLI made is in the files");
    } finally {
      await held.close();
    }
    assert.equal(
      created.err,
      `admin: opened the embedded database in ${pgDir}`,
    );

    // A lock left by a process that is gone (killed before it could remove it) is taken over.
    const gone = new Deno.Command(Deno.execPath(), {
      args: ["eval", ""],
      stdout: "null",
      stderr: "null",
    }).spawn();
    await gone.status;
    await Deno.writeTextFile(`${pgDir}/starling.lock`, `${gone.pid}\n`);
    const listed = await admin(dataDir, "accounts", "list");
    assert.equal(listed.code, 0, listed.err);
    assert.equal(listed.err, `admin: opened the embedded database in ${pgDir}`);
    // The first account on the instance is its Owner.
    assert.match(listed.out, /^dave\tdave@example.com\tOwner\tyes\t/m);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

/** `deno task admin …` on the embedded database in `dataDir`. */
function admin(dataDir: string, ...args: string[]) {
  return runAdminCli({
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    // An operator's proxy setting must not carry the admin token (nothing listens here).
    HTTP_PROXY: "http://127.0.0.1:9",
    http_proxy: "http://127.0.0.1:9",
  }, ...args);
}
