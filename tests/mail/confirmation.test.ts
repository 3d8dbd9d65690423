/**
 * Address confirmation at sign-up, with Starling sending through a real SMTP server on loopback
 * (STARTTLS and a login): an unconfirmed account signs in but can't post; the mailed link
 * confirms it; a resent link replaces the first; a link past its 24 hours doesn't work.
 */
import assert from "node:assert/strict";
import { api } from "../helpers/users.ts";
import { appToken } from "../helpers/oauth.ts";
import { FormClient } from "../helpers/forms.ts";
import { runAdminCli } from "../helpers/admin-cli.ts";
import { linkIn, withMailInstance } from "../helpers/smtp.ts";

Deno.test({
  name:
    "a new account confirms its address by the mailed link before it can post",
  sanitizeOps: false,
  sanitizeResources: false,
}, () =>
  withMailInstance(async (instance, mailbox) => {
    const signUp = await api(
      instance,
      await appToken(instance),
      "POST",
      "/api/v1/accounts",
      {
        username: "newbie",
        email: "newbie@example.com",
        password: "a good password",
        agreement: true,
        locale: "en",
      },
    );
    assert.equal(signUp.status, 200);
    const token = signUp.body.access_token as string;

    // Signed in (the token works for reading) but not allowed to post.
    const me = await api(
      instance,
      token,
      "GET",
      "/api/v1/accounts/verify_credentials",
    );
    assert.equal(me.status, 200);
    const refused = await api(instance, token, "POST", "/api/v1/statuses", {
      status: "hello",
    });
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.body, {
      error: "Your login is missing a confirmed e-mail address",
    });
    assert.equal(
      (await api(instance, token, "GET", "/api/v1/emails/check_confirmation"))
        .body,
      false,
    );

    const first = await mailbox.waitFor("newbie@example.com", /Confirm/);
    assert.match(first.text ?? "", /@newbie/);
    assert.match(first.html || "", /Confirm e-mail address/);
    const firstLink = linkIn(first, `${instance.origin}/auth/confirmation?`);

    // Asking again, with the address corrected, mails a new link there; the first stops working.
    const resent = await api(
      instance,
      token,
      "POST",
      "/api/v1/emails/confirmations",
      { email: "newbie@corrected.example" },
    );
    assert.equal(resent.status, 200);
    assert.deepEqual(resent.body, {});
    const second = await mailbox.waitFor(
      "newbie@corrected.example",
      /Confirm/,
    );
    const secondLink = linkIn(second, `${instance.origin}/auth/confirmation?`);
    assert.notEqual(secondLink, firstLink);
    assert.equal((await fetch(firstLink)).status, 404);

    const confirmed = await fetch(secondLink);
    assert.equal(confirmed.status, 200);
    assert.match(await confirmed.text(), /e-mail address is confirmed/);
    assert.equal((await fetch(secondLink)).status, 404, "used once only");

    const posted = await api(instance, token, "POST", "/api/v1/statuses", {
      status: "hello, confirmed",
    });
    assert.equal(posted.status, 200);
    assert.equal(
      (await api(instance, token, "GET", "/api/v1/emails/check_confirmation"))
        .body,
      true,
    );
    const [user] = await instance.deps.sql<{ email: string }[]>`
      SELECT email FROM users WHERE email LIKE 'newbie@%'`;
    assert.equal(user.email, "newbie@corrected.example");
    // Confirmed: asking for another link is refused, as Mastodon.
    const again = await api(
      instance,
      token,
      "POST",
      "/api/v1/emails/confirmations",
    );
    assert.equal(again.status, 403);
  }));

Deno.test({
  name: "a confirmation link older than 24 hours doesn't confirm",
  sanitizeOps: false,
  sanitizeResources: false,
}, () =>
  withMailInstance(async (instance, mailbox) => {
    const signUp = await api(
      instance,
      await appToken(instance),
      "POST",
      "/api/v1/accounts",
      {
        username: "late",
        email: "late@example.com",
        password: "a good password",
        agreement: true,
      },
    );
    assert.equal(signUp.status, 200);
    const mail = await mailbox.waitFor("late@example.com", /Confirm/);
    // A day and a minute later:
    await instance.deps.sql`
      UPDATE email_tokens SET expires_at = now() - interval '1 minute',
                              created_at = now() - interval '1 day 1 minute'`;
    const link = linkIn(mail, `${instance.origin}/auth/confirmation?`);
    const response = await fetch(link);
    assert.equal(response.status, 404);
    assert.match(await response.text(), /has expired/);
    const post = await api(
      instance,
      signUp.body.access_token,
      "POST",
      "/api/v1/statuses",
      { status: "still not" },
    );
    assert.equal(post.status, 403);
  }));

Deno.test({
  name:
    "the web UI tells an unconfirmed account why it can't post and mails the link again",
  sanitizeOps: false,
  sanitizeResources: false,
}, () =>
  withMailInstance(async (instance, mailbox) => {
    const browser = new FormClient(instance.origin);
    const form = await browser.page("/auth/sign_up");
    const signedUp = await browser.post("/auth/sign_up", {
      _csrf: form.csrf,
      username: "olga",
      email: "olga@example.com",
      password: "olga's password",
      password_confirmation: "olga's password",
    });
    assert.equal(signedUp.status, 303);
    await mailbox.waitFor("olga@example.com", /Confirm/);

    const compose = await browser.page("/compose");
    assert.match(compose.html, /Please confirm your e-mail address/);
    const refused = await browser.post("/compose", {
      _csrf: compose.csrf,
      status: "Can I post yet?",
      visibility: "public",
    });
    assert.equal(refused.status, 422, "the form comes back with the reason");
    assert.match(await refused.text(), /missing a confirmed e-mail address/);

    const resent = await browser.post("/auth/confirmation", {
      _csrf: compose.csrf,
    });
    assert.equal(resent.status, 200);
    assert.match(await resent.text(), /new confirmation link is on its way/);
    const mail = await mailbox.waitFor("olga@example.com", /Confirm/);
    const confirmed = await browser.request(
      linkIn(mail, `${instance.origin}/auth/confirmation?`),
    );
    assert.equal(confirmed.status, 200);
    await confirmed.body?.cancel();

    const after = await browser.page("/compose");
    assert.doesNotMatch(after.html, /Please confirm your e-mail address/);
    const posted = await browser.post("/compose", {
      _csrf: after.csrf,
      status: "Now I can post.",
      visibility: "public",
    });
    assert.equal(posted.status, 303);
  }));

Deno.test({
  name: "the operator confirms an address by hand with the admin CLI",
  sanitizeOps: false,
  sanitizeResources: false,
}, () =>
  withMailInstance(async (instance, mailbox) => {
    const signUp = await api(
      instance,
      await appToken(instance),
      "POST",
      "/api/v1/accounts",
      {
        username: "pat",
        email: "pat@example.com",
        password: "a good password",
        agreement: true,
      },
    );
    assert.equal(signUp.status, 200);
    await mailbox.waitFor("pat@example.com", /Confirm/);
    const run = await runAdminCli(
      { DATABASE_URL: instance.deps.config.databaseUrl! },
      "accounts",
      "confirm",
      "pat",
    );
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /confirmed the e-mail address of @pat/);
    const posted = await api(
      instance,
      signUp.body.access_token,
      "POST",
      "/api/v1/statuses",
      { status: "confirmed by the operator" },
    );
    assert.equal(posted.status, 200);
  }));
