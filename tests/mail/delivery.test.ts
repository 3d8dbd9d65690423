/**
 * How mail leaves: a refused delivery (SMTP 451) is retried by the `mail.send` job until it
 * arrives, a permanent refusal (550) parks the job for the operator; without `SMTP_URL` (the
 * embedded default, as `deno task start` runs) accounts are confirmed at once, every mail is
 * written to the server log with its links, and the admin dashboard says e-mail is off.
 */
import assert from "node:assert/strict";
import { FormClient } from "../helpers/forms.ts";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { freePort, startServer } from "../helpers/server-process.ts";
import { startMailbox, withMailInstance } from "../helpers/smtp.ts";
import { createStaff } from "../moderation/helpers.ts";

const test = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });

async function askForReset(origin: string, email: string) {
  const client = new FormClient(origin);
  const { csrf } = await client.page("/auth/password/new");
  const response = await client.post("/auth/password/new", {
    _csrf: csrf,
    email,
  });
  assert.equal(response.status, 200);
  await response.body?.cancel();
}

test("a mail the SMTP server refuses for now (451) is sent again until it arrives", () =>
  withMailInstance(async (instance, mailbox) => {
    await createUserWithToken(instance, "kim");
    mailbox.refuseNext(1);
    await askForReset(instance.origin, "kim@example.com");
    const mail = await mailbox.waitFor("kim@example.com", /Reset/);
    assert.equal(mailbox.refused, 1, "the first attempt was refused");
    assert.match(
      mail.text ?? "",
      /\/auth\/password\/edit\?reset_password_token=/,
    );
  }));

test("smtps:// speaks TLS from the first byte, with the login", async () => {
  const mailbox = await startMailbox({ implicitTls: true });
  try {
    const instance = await startTestInstance({
      env: { SMTP_URL: mailbox.smtpUrl },
    });
    try {
      assert.ok(instance.deps.config.mail.smtp?.implicitTls);
      await createUserWithToken(instance, "tess");
      await askForReset(instance.origin, "tess@example.com");
      const mail = await mailbox.waitFor("tess@example.com", /Reset/);
      assert.match(mail.text ?? "", /reset_password_token=/);
    } finally {
      await instance.close();
    }
  } finally {
    await mailbox.close();
  }
});

test("a mail refused for good (550) is parked with the server's answer", () =>
  withMailInstance(async (instance, mailbox) => {
    await createUserWithToken(instance, "lee");
    mailbox.refuseNext(1, 550);
    await askForReset(instance.origin, "lee@example.com");
    let parked: { last_error: string }[] = [];
    for (let i = 0; i < 400 && parked.length === 0; i++) {
      parked = await instance.deps.sql<{ last_error: string }[]>`
        SELECT last_error FROM jobs
        WHERE kind = 'mail.send' AND parked_at IS NOT NULL`;
      if (!parked.length) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(parked.length, 1);
    assert.match(parked[0].last_error, /550/);
    assert.equal(mailbox.refused, 1, "tried once, not retried");
  }));

test("without SMTP_URL the admin dashboard warns that e-mail is not configured", async () => {
  const instance = await startTestInstance();
  try {
    await createStaff(instance, "nora", "admin");
    const browser = new FormClient(instance.origin);
    const signIn = await browser.page("/auth/sign_in");
    await browser.post("/auth/sign_in", {
      _csrf: signIn.csrf,
      login: "nora",
      password: "a good password",
    });
    const dashboard = await browser.page("/admin");
    assert.equal(dashboard.status, 200);
    assert.match(dashboard.html, /E-mail is not configured/);
  } finally {
    await instance.close();
  }
});

test("without SMTP_URL (deno task start, embedded database) sign-ups can post at once and mails go to the log", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "starling-mail-log-" });
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
    assert.match(server.output.join(""), /SMTP_URL is not set/);
    const browser = new FormClient(origin);
    const form = await browser.page("/auth/sign_up");
    const signedUp = await browser.post("/auth/sign_up", {
      _csrf: form.csrf,
      username: "mona",
      email: "mona@example.com",
      password: "mona's password",
      password_confirmation: "mona's password",
    });
    assert.equal(signedUp.status, 303);
    const compose = await browser.page("/compose");
    assert.doesNotMatch(compose.html, /confirm your e-mail/i);
    const posted = await browser.post("/compose", {
      _csrf: compose.csrf,
      status: "Posting without any e-mail setup",
      visibility: "public",
    });
    assert.equal(posted.status, 303);

    await askForReset(origin, "mona@example.com");
    let logged = "";
    for (let i = 0; i < 400; i++) {
      logged = server.output.join("");
      if (
        /mail \(not sent/.test(logged) &&
        /reset_password_token=\S+/.test(logged)
      ) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.match(
      logged,
      /mail \(not sent: SMTP_URL is not set\) to mona@example\.com: Reset your password/,
    );
    const link = new RegExp(
      `${origin}/auth/password/edit\\?reset_password_token=\\S+`,
    )
      .exec(logged)?.[0];
    assert.ok(link, logged);
    const page = await fetch(link);
    assert.equal(page.status, 200, "the logged link works");
    assert.match(await page.text(), /Set new password/);
  } finally {
    server.child.kill("SIGTERM");
    await server.child.status;
    await Deno.remove(dataDir, { recursive: true }).catch(() => {});
  }
});
