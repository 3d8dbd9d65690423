import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "./config.ts";

Deno.test("with no configuration, Starling runs on the embedded database under ./data", () => {
  const config = loadConfig({}, "/srv/starling");
  assert.equal(config.port, 8000);
  assert.equal(config.hostname, "127.0.0.1");
  assert.equal(config.origin, "http://localhost:8000");
  assert.equal(config.host, "localhost:8000");
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.dataDir, "./data");
  assert.equal(config.kvPath, "./data/kv.sqlite3");
  assert.equal(config.registrations, "open");
  assert.equal(config.allowPrivateAddress, false);
});

Deno.test("ORIGIN sets the public host; a trailing slash is tolerated", () => {
  const config = loadConfig({
    ORIGIN: "https://social.example/",
    PORT: "3000",
  });
  assert.equal(config.origin, "https://social.example");
  assert.equal(config.host, "social.example");
  assert.equal(config.port, 3000);
});

Deno.test("a bad value stops the start with one line naming the variable", () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: "eighty" }, /^PORT: /],
    [{ PORT: "70000" }, /^PORT: /],
    [{ ORIGIN: "social.example" }, /^ORIGIN: /],
    [{ ORIGIN: "https://social.example/path" }, /^ORIGIN: .*without a path/],
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL: /],
    [
      { REGISTRATIONS: "sometimes" },
      /^REGISTRATIONS: .*open, approval, closed/,
    ],
    [{ ALLOW_PRIVATE_ADDRESS: "maybe" }, /^ALLOW_PRIVATE_ADDRESS: /],
    [{ SECRET_KEY: "short" }, /^SECRET_KEY: /],
  ];
  for (const [env, message] of cases) {
    assert.throws(() => loadConfig(env), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, message);
      assert.ok(!error.message.includes("\n"));
      return true;
    });
  }
});

Deno.test("Deno Deploy opens its native KV: no file path", () => {
  assert.equal(loadConfig({ DENO_DEPLOYMENT_ID: "abc" }).kvPath, undefined);
});

Deno.test("ROLE: all by default; web or worker only on a Postgres server", () => {
  assert.equal(loadConfig({}).role, "all");
  const postgres = "postgres://postgres@127.0.0.1:5432/starling";
  assert.equal(
    loadConfig({ ROLE: "web", DATABASE_URL: postgres }).role,
    "web",
  );
  assert.equal(
    loadConfig({ ROLE: "Worker", DATABASE_URL: postgres }).role,
    "worker",
  );
  for (
    const [env, message] of [
      [{ ROLE: "cron", DATABASE_URL: postgres }, /^ROLE: .*all, web, worker/],
      [{ ROLE: "web" }, /^ROLE: .*needs DATABASE_URL/],
    ] as const
  ) {
    assert.throws(() => loadConfig(env), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, message);
      assert.ok(!error.message.includes("\n"));
      return true;
    });
  }
});

Deno.test("DENO_DEPLOYMENT_ID says Starling runs on Deno Deploy", () => {
  assert.equal(loadConfig({}).onDeploy, false);
  assert.equal(loadConfig({ DENO_DEPLOYMENT_ID: "abc" }).onDeploy, true);
});

Deno.test("SMTP_URL and SMTP_FROM: mail to the log by default; smtp:// and smtps:// with a login", () => {
  const none = loadConfig({ ORIGIN: "https://social.example" }).mail;
  assert.equal(none.smtp, undefined);
  assert.equal(none.from, "Starling <notifications@social.example>");
  assert.deepEqual(
    loadConfig({ SMTP_URL: "smtp://me%40x:p%3Ass@mail.example" }).mail.smtp,
    {
      host: "mail.example",
      port: 587,
      implicitTls: false,
      user: "me@x",
      password: "p:ss",
      tlsInsecure: false,
    },
  );
  const tls = loadConfig({ SMTP_URL: "smtps://mail.example?tls_insecure=1" })
    .mail.smtp;
  assert.equal(tls?.port, 465);
  assert.equal(tls?.implicitTls, true);
  assert.equal(tls?.tlsInsecure, true);
  assert.equal(
    loadConfig({ SMTP_FROM: "Social <hello@social.example>" }).mail.from,
    "Social <hello@social.example>",
  );
  for (
    const [env, message] of [
      [{ SMTP_URL: "http://mail.example" }, /^SMTP_URL: must start with/],
      [{ SMTP_URL: "not a url" }, /^SMTP_URL: is not a URL/],
      [{ SMTP_FROM: "nobody" }, /^SMTP_FROM: "nobody" is not an address/],
    ] as const
  ) {
    assert.throws(() => loadConfig(env), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, message);
      assert.ok(!error.message.includes("\n"));
      return true;
    });
  }
});
