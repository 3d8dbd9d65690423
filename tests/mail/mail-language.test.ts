/**
 * Mail in the recipient's language (issue #18), through a real SMTP server: a user whose
 * interface language is German gets the password reset link, a new follower and a moderator's
 * warning in German; a user who kept English gets the same mails in English. The language is
 * the recipient's users.locale, not the browser that asked for the mail.
 */
import assert from "node:assert/strict";
import { FormClient } from "../helpers/forms.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { linkIn, withMailInstance } from "../helpers/smtp.ts";
import { createStaff } from "../moderation/helpers.ts";
import type { TestInstance } from "../helpers/app.ts";

async function askForReset(instance: TestInstance, email: string) {
  const client = new FormClient(instance.origin);
  const { csrf } = await client.page("/auth/password/new");
  // Asked from an English browser: the mail still goes in the account's own language.
  const response = await client.request("/auth/password/new", {
    method: "POST",
    headers: {
      "accept-language": "en",
      "content-type": "application/x-www-form-urlencoded",
      origin: instance.origin,
    },
    body: new URLSearchParams({ _csrf: csrf, email }),
  });
  assert.equal(response.status, 200);
  await response.body?.cancel();
}

Deno.test({
  name:
    "a German user's mails are in German, an English user's in English (reset, follower, warning)",
  sanitizeOps: false,
  sanitizeResources: false,
}, () =>
  withMailInstance(async (instance, mailbox) => {
    const greta = await createUserWithToken(instance, "greta");
    const eddie = await createUserWithToken(instance, "eddie");
    await instance.deps.sql`
      UPDATE users SET locale = 'de-AT' WHERE id = ${greta.user.id}`;

    await askForReset(instance, "greta@example.com");
    const reset = await mailbox.waitFor("greta@example.com", /Passwort/);
    assert.match(reset.subject ?? "", /^Setze dein Passwort auf .+ zurück$/);
    assert.match(reset.text ?? "", /Jemand \(hoffentlich du\)/);
    assert.match(reset.html || "", /Neues Passwort festlegen/);
    assert.doesNotMatch(reset.text ?? "", /Someone|Choose a new password/);
    assert.ok(
      linkIn(reset, `${instance.origin}/auth/password/edit?`),
      "the link is the same",
    );

    await askForReset(instance, "eddie@example.com");
    const english = await mailbox.waitFor("eddie@example.com", /password/);
    assert.match(english.subject ?? "", /^Reset your password on /);
    assert.match(english.html || "", /Choose a new password/);

    // A new follower: the notification mail and its unsubscribe footer.
    for (const target of [greta, eddie]) {
      const followed = await api(
        instance,
        target === greta ? eddie.token : greta.token,
        "POST",
        `/api/v1/accounts/${target.account.id}/follow`,
      );
      assert.equal(followed.status, 200);
    }
    const follower = await mailbox.waitFor("greta@example.com", /folgt dir/);
    assert.equal(follower.subject, "@eddie folgt dir jetzt");
    assert.match(follower.text ?? "", /Keine E-Mails mehr über neue Follower/);
    assert.match(follower.html || "", /Profil ansehen/);
    const englishFollower = await mailbox.waitFor(
      "eddie@example.com",
      /followed you/,
    );
    assert.equal(englishFollower.subject, "@greta followed you");
    assert.match(
      englishFollower.text ?? "",
      /Stop e-mails about new followers/,
    );

    // A moderator's warning.
    const moderator = await createStaff(instance, "moira", "moderator");
    const action = await api(
      instance,
      moderator.token,
      "POST",
      `/api/v1/admin/accounts/${greta.account.id}/action`,
      {
        type: "silence",
        text: "Bitte nicht überall denselben Link posten.",
        send_email_notification: true,
      },
    );
    assert.equal(action.status, 200);
    const warning = await mailbox.waitFor(
      "greta@example.com",
      /eingeschränkt/,
    );
    assert.match(
      warning.subject ?? "",
      /^Dein Konto auf .+ wurde eingeschränkt$/,
    );
    assert.match(warning.text ?? "", /Ihre Begründung:\nBitte nicht überall/);
    assert.match(warning.html || "", /Lesen und Einspruch erheben/);
  }));
