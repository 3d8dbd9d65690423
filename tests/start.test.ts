/** `deno task start` as an operator runs it: a real process, a real port, restarts. */
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/db.ts";
import { FormClient } from "./helpers/forms.ts";
import postgres from "postgres";

const ROOT = new URL("..", import.meta.url).pathname;

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

interface Running {
  origin: string;
  stop(): Promise<void>;
}

/**
 * Starts `deno task start`. A port picked by `freePort()` can be taken by a parallel test before
 * the server binds it; then the server exits with AddrInUse and we try another port.
 */
async function start(
  env: Record<string, string>,
  port?: number,
): Promise<Running> {
  for (let attempt = 1;; attempt++) {
    try {
      return await startOnce(env, port ?? freePort());
    } catch (error) {
      const portTaken = String(error).includes("AddrInUse") ||
        String(error).includes("Address already in use");
      if (port !== undefined || !portTaken || attempt === 3) throw error;
    }
  }
}

async function startOnce(
  env: Record<string, string>,
  port: number,
): Promise<Running> {
  const origin = `http://127.0.0.1:${port}`;
  const child = new Deno.Command("deno", {
    args: ["task", "--quiet", "start"],
    cwd: ROOT,
    env: { PORT: String(port), ORIGIN: origin, NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  const errors = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
  let log = "";
  const deadline = Date.now() + 60_000;
  while (!log.includes("Starling listening")) {
    if (Date.now() > deadline) throw new Error(`no start within 60 s:\n${log}`);
    const { value, done } = await output.read();
    if (done) {
      const { value: err } = await errors.read();
      throw new Error(`exited before listening:\n${log}\n${err ?? ""}`);
    }
    log += value;
  }
  return {
    origin,
    async stop() {
      child.kill("SIGTERM");
      const status = await child.status;
      await output.cancel();
      await errors.cancel();
      assert.equal(status.code, 0, "SIGTERM shuts down cleanly");
    },
  };
}

Deno.test("deno task start: home page with no configuration; an account survives a restart", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "starling-start-" });
  try {
    let server = await start({ DATA_DIR: dataDir });
    const home = await fetch(server.origin + "/");
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Starling/);
    // Register through the Mastodon API, as an app does.
    const app = await (await fetch(server.origin + "/api/v1/apps", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_name: "restart test",
        redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
        scopes: "read write",
      }),
    })).json();
    const appToken = await (await fetch(server.origin + "/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        grant_type: "client_credentials",
        client_id: app.client_id,
        client_secret: app.client_secret,
        scope: "read write",
      }),
    })).json();
    const registered = await fetch(server.origin + "/api/v1/accounts", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${appToken.access_token}`,
      },
      body: JSON.stringify({
        username: "keeper",
        email: "keeper@example.com",
        password: "survives restarts",
        agreement: true,
        locale: "en",
      }),
    });
    assert.equal(registered.status, 200);
    const { access_token: userToken } = await registered.json();
    // And a browser session, to check the generated secret key is kept too.
    const browser = new FormClient(server.origin);
    const signIn = await browser.page("/auth/sign_in");
    const signedIn = await browser.post("/auth/sign_in", {
      _csrf: signIn.csrf,
      login: "keeper",
      password: "survives restarts",
      return_to: "/home",
    });
    assert.equal(signedIn.status, 303);
    await server.stop();

    server = await start(
      { DATA_DIR: dataDir },
      Number(new URL(server.origin).port),
    );
    try {
      const me = await fetch(
        server.origin + "/api/v1/accounts/verify_credentials",
        {
          headers: { authorization: `Bearer ${userToken}` },
        },
      );
      assert.equal(
        me.status,
        200,
        "the account and its token are still there after the restart",
      );
      assert.equal((await me.json()).username, "keeper");
      // The old browser session survives too: the secret key was kept.
      assert.equal((await browser.request("/home")).status, 200);
    } finally {
      await server.stop();
    }
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("two processes started together on one Postgres database both come up; migrations ran once", async () => {
  const database = await createTestDatabase();
  const dirs = [await Deno.makeTempDir(), await Deno.makeTempDir()];
  try {
    const servers = await Promise.all(
      dirs.map((dir) => start({ DATABASE_URL: database.url, DATA_DIR: dir })),
    );
    try {
      for (const server of servers) {
        assert.equal((await fetch(server.origin + "/")).status, 200);
      }
      const sql = postgres(database.url, { max: 1 });
      try {
        const rows =
          await sql`SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version`;
        assert.ok(rows.length > 0);
        for (const row of rows) assert.equal(row.n, 1);
        const [{ n }] =
          await sql`SELECT count(*)::int AS n FROM settings WHERE key = 'secret_key'`;
        assert.equal(n, 1, "both processes share one generated secret key");
      } finally {
        await sql.end();
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  } finally {
    await database.drop();
    for (const dir of dirs) await Deno.remove(dir, { recursive: true });
  }
});
