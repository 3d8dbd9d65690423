/**
 * Notification e-mails through a real SMTP server: a new follower and a mention are mailed
 * (Mastodon's defaults), a favourite isn't; each mail carries `List-Unsubscribe` and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), and the one-click POST to
 * that signed URL, without signing in, turns that type off, as the preferences page then shows.
 */
import assert from "node:assert/strict";
import type { ParsedMail } from "mailparser";
import { FormClient } from "../helpers/forms.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { mailQueueSettled, withMailInstance } from "../helpers/smtp.ts";

function header(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase());
  return line?.line.slice(line.line.indexOf(":") + 1).trim();
}

Deno.test({
  name:
    "notification e-mails per type, with a one-click unsubscribe that works without signing in",
  sanitizeOps: false,
  sanitizeResources: false,
}, () =>
  withMailInstance(async (instance, mailbox) => {
    const hana = await createUserWithToken(instance, "hana");
    const ivan = await createUserWithToken(instance, "ivan");
    const jack = await createUserWithToken(instance, "jack");
    const followed = await api(
      instance,
      ivan.token,
      "POST",
      `/api/v1/accounts/${hana.account.id}/follow`,
    );
    assert.equal(followed.status, 200);

    const mail = await mailbox.waitFor("hana@example.com", /followed you/);
    assert.match(mail.subject ?? "", /@ivan followed you/);
    assert.match(mail.html || "", /View profile/);
    assert.equal(
      header(mail, "List-Unsubscribe-Post"),
      "List-Unsubscribe=One-Click",
    );
    const unsubscribeUrl = /^<(.+)>$/.exec(
      header(mail, "List-Unsubscribe") ?? "",
    )?.[1] ?? "";
    assert.ok(
      unsubscribeUrl.startsWith(`${instance.origin}/mail/unsubscribe?`),
    );
    assert.ok((mail.text ?? "").includes(unsubscribeUrl));

    // The event handled a second time (a retried event job) mails nothing more.
    const [notification] = (await api(
      instance,
      hana.token,
      "GET",
      "/api/v1/notifications?types[]=follow",
    )).body;
    await instance.deps.effects.dispatch({
      type: "notification.created",
      notificationId: notification.id,
      recipientId: hana.account.id,
      notificationType: "follow",
    });
    await mailQueueSettled(instance);
    assert.deepEqual(mailbox.received.map((m) => m.subject), []);

    // A forged link is refused; the real one, POSTed as a mail client does, works.
    const forged = new URL(unsubscribeUrl);
    forged.searchParams.set("type", "mention");
    const refused = await fetch(forged, { method: "POST" });
    assert.equal(refused.status, 403);
    await refused.body?.cancel();
    const oneClick = await fetch(unsubscribeUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    assert.equal(oneClick.status, 200);
    assert.match(
      await oneClick.text(),
      /won't get e-mails about new followers/,
    );

    // Follows are no longer mailed; mentions still are; favourites never were (off by default).
    assert.equal(
      (await api(
        instance,
        jack.token,
        "POST",
        `/api/v1/accounts/${hana.account.id}/follow`,
      )).status,
      200,
    );
    const own = await api(instance, hana.token, "POST", "/api/v1/statuses", {
      status: "Sourdough day.",
    });
    assert.equal(
      (await api(
        instance,
        jack.token,
        "POST",
        `/api/v1/statuses/${own.body.id}/favourite`,
      )).status,
      200,
    );
    const mention = await api(
      instance,
      ivan.token,
      "POST",
      "/api/v1/statuses",
      {
        status: "@hana how is the bread going?",
      },
    );
    assert.equal(mention.status, 200);
    const mentioned = await mailbox.waitFor(
      "hana@example.com",
      /mentioned you/,
    );
    assert.match(mentioned.text ?? "", /how is the bread going/);
    await mailQueueSettled(instance);
    assert.deepEqual(mailbox.received.map((m) => m.subject), []);

    // The preferences page shows the choice, and saving it there turns follows back on.
    const browser = new FormClient(instance.origin);
    const signIn = await browser.page("/auth/sign_in");
    await browser.post("/auth/sign_in", {
      _csrf: signIn.csrf,
      login: "hana",
      password: "a good password",
    });
    const prefs = await browser.page("/settings/preferences");
    assert.match(prefs.html, /<input type="checkbox" name="follow"\/>/);
    assert.match(prefs.html, /<input type="checkbox" name="mention" checked/);
    const saved = await browser.post("/settings/preferences", {
      _csrf: prefs.csrf,
      form: "notification_emails",
      follow: "on",
      mention: "on",
    });
    assert.equal(saved.status, 303);
    assert.match(
      (await browser.page("/settings/preferences")).html,
      /<input type="checkbox" name="follow" checked/,
    );
  }));
