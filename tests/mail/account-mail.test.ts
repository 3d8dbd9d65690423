/**
 * Mails about one's own account, through a real SMTP server: changing the address (the
 * current password, a link to the new address, a notice to the old, the change only once
 * confirmed), a moderator's warning with `send_email_notification`, and the alert for a
 * sign-in from an address the account never signed in from.
 */
import assert from "node:assert/strict";
import { FormClient } from "../helpers/forms.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { linkIn, mailQueueSettled, withMailInstance } from "../helpers/smtp.ts";
import { createStaff } from "../moderation/helpers.ts";
import type { TestInstance } from "../helpers/app.ts";

const PASSWORD = "a good password";
const test = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });

async function signIn(
  instance: TestInstance,
  login: string,
  headers: Record<string, string> = {},
) {
  const browser = new FormClient(instance.origin);
  const { csrf } = await browser.page("/auth/sign_in");
  const response = await browser.request("/auth/sign_in", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: instance.origin,
      ...headers,
    },
    body: new URLSearchParams({ _csrf: csrf, login, password: PASSWORD }),
  });
  await response.body?.cancel();
  return { browser, status: response.status };
}

test("the e-mail address changes once the new one is confirmed; the old one is told", () =>
  withMailInstance(async (instance, mailbox) => {
    await createUserWithToken(instance, "erin");
    const { browser } = await signIn(instance, "erin");
    const form = await browser.page("/settings/email");
    assert.match(form.html, /erin@example\.com/);

    const wrong = await browser.post("/settings/email", {
      _csrf: form.csrf,
      email: "erin@new.example",
      current_password: "not my password",
    });
    assert.equal(wrong.status, 422);
    assert.match(await wrong.text(), /Current password is wrong/);

    const asked = await browser.post("/settings/email", {
      _csrf: form.csrf,
      email: "erin@new.example",
      current_password: PASSWORD,
    });
    assert.equal(asked.status, 200);
    assert.match(await asked.text(), /confirmation link is on its way/);

    const notice = await mailbox.waitFor("erin@example.com", /being changed/);
    assert.match(notice.text ?? "", /erin@new\.example/);
    const confirm = await mailbox.waitFor("erin@new.example", /Confirm/);

    // Not changed yet: the old address still signs in, the new one doesn't.
    assert.equal((await signIn(instance, "erin@new.example")).status, 401);
    const link = linkIn(confirm, `${instance.origin}/auth/confirmation?`);
    const confirmed = await fetch(link);
    assert.equal(confirmed.status, 200);
    assert.match(await confirmed.text(), /new e-mail address is confirmed/);

    assert.equal((await signIn(instance, "erin@new.example")).status, 303);
    assert.equal((await signIn(instance, "erin@example.com")).status, 401);
    assert.match((await browser.page("/settings/email")).html, /erin@new/);
  }));

test("a moderator's warning with send_email_notification is mailed with the strike's link", () =>
  withMailInstance(async (instance, mailbox) => {
    const moderator = await createStaff(instance, "moira", "moderator");
    const frank = await createUserWithToken(instance, "frank");
    const action = await api(
      instance,
      moderator.token,
      "POST",
      `/api/v1/admin/accounts/${frank.account.id}/action`,
      {
        type: "silence",
        text: "Please stop posting the same link everywhere.",
        send_email_notification: true,
      },
    );
    assert.equal(action.status, 200);
    const mail = await mailbox.waitFor("frank@example.com", /limited/);
    assert.match(mail.text ?? "", /same link everywhere/);
    const strike = linkIn(mail, `${instance.origin}/disputes/strikes/`);
    assert.match(mail.text ?? "", /appeal/);

    // The link is the strike page, where frank reads it and may appeal.
    const { browser } = await signIn(instance, "frank");
    const page = await browser.page(new URL(strike).pathname);
    assert.equal(page.status, 200);
    assert.match(page.html, /same link everywhere/);

    // Without send_email_notification nobody is mailed (the warning is still kept).
    const quiet = await api(
      instance,
      moderator.token,
      "POST",
      `/api/v1/admin/accounts/${frank.account.id}/action`,
      { type: "none", text: "A quiet note.", send_email_notification: false },
    );
    assert.equal(quiet.status, 200);
    await mailQueueSettled(instance);
    assert.deepEqual(mailbox.received.map((m) => m.subject), []);
  }));

test("a sign-in from a new address is mailed about; known addresses are not", () =>
  withMailInstance(async (instance, mailbox) => {
    await createUserWithToken(instance, "gina");
    // The first address an account signs in from is no news, nor is signing in from it again.
    const home = { "x-forwarded-for": "198.51.100.7" };
    assert.equal((await signIn(instance, "gina", home)).status, 303);
    assert.equal((await signIn(instance, "gina", home)).status, 303);
    await mailQueueSettled(instance);
    assert.deepEqual(mailbox.received.map((m) => m.subject), []);
    const away = {
      "x-forwarded-for": "203.0.113.50",
      "user-agent": "Firefox on a train",
    };
    assert.equal((await signIn(instance, "gina", away)).status, 303);
    const alert = await mailbox.waitFor("gina@example.com", /New sign-in/);
    assert.match(alert.text ?? "", /203\.0\.113\.50/);
    assert.match(alert.text ?? "", /Firefox on a train/);
    await mailQueueSettled(instance);
    assert.deepEqual(mailbox.received.map((m) => m.subject), []);
  }));
