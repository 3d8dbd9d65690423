/**
 * The account side of the web UI speaks German end to end (issue #18): every sign-in and
 * sign-up page to a visitor whose browser asks for German, every settings page, the account
 * status (strike) pages, severed relationships and the unsubscribe page to a user whose
 * interface language is German. Each page shows German text from the catalogue, and none of
 * the English strings the German catalogue replaces (the list is built from the catalogues,
 * so a page that still hard-codes or picks the English fails).
 */
import assert from "node:assert/strict";
import * as OTPAuth from "otpauth";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { FormClient, signedInClient } from "../helpers/forms.ts";
import { registerApp } from "../helpers/oauth.ts";
import { createStaff } from "../moderation/helpers.ts";
import { messagesFor } from "../../lib/i18n/mod.ts";
import {
  beginEnrolment,
  confirmEnrolment,
} from "../../lib/domain/two-factor.ts";
import { unsubscribeUrl } from "../../lib/mail/notification-mail.ts";

const en = messagesFor("en");
const de = messagesFor("de");

/** Every string leaf of a catalogue section, by path (tuples and maps included). */
function leaves(value: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(path, value);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      for (const [p, s] of leaves(child, `${path}.${key}`)) out.set(p, s);
    }
  }
  return out;
}

/**
 * The English that German replaces: each `auth` and `settings` string that differs in German,
 * cut at its `{placeholders}` to its longest literal piece; pieces under 8 characters ("Bio",
 * "Mode") are too common in markup to tell anything.
 */
function replacedEnglish(): string[] {
  const german = new Map([
    ...leaves(de.auth, "auth"),
    ...leaves(de.settings, "settings"),
  ]);
  const english = [
    ...leaves(en.auth, "auth"),
    ...leaves(en.settings, "settings"),
  ];
  const pieces = new Set<string>();
  for (const [path, text] of english) {
    // Strike actions are shown by their own names in English ("silence"): not prose.
    if (path.startsWith("settings.strikes.actions.")) continue;
    if (german.get(path) === text) continue;
    const piece = text.split(/\{\w+\}/).map((p) => p.trim())
      .sort((a, b) => b.length - a.length)[0];
    if (piece.length >= 8) pieces.add(piece);
  }
  return [...pieces];
}

const ENGLISH = replacedEnglish();

/**
 * The page as a reader gets it: entities decoded (so "doesn't" matches), without what only
 * the browser reads (hidden fields, field names such as `List-Unsubscribe`).
 */
function text(html: string): string {
  return html.replace(/<input type="hidden"[^>]*>/g, "")
    .replace(/ name="[^"]*"/g, "").replaceAll("&#39;", "'").replaceAll(
      "&quot;",
      '"',
    )
    .replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

function assertGerman(path: string, html: string, ...expected: string[]) {
  const page = text(html);
  assert.match(html, /<html lang="de"/, `${path} is marked German`);
  for (const german of expected) {
    assert.ok(page.includes(german), `${path} shows "${german}"`);
  }
  const left = ENGLISH.filter((english) => page.includes(english));
  assert.deepEqual(left, [], `${path} shows no replaced English`);
}

const GERMAN = { "accept-language": "de-DE,de;q=0.9" };

/** Fills in a settings form (with its page's CSRF token) and returns the answer. */
async function submit(
  web: FormClient,
  path: string,
  fields: Record<string, string>,
) {
  const response = await web.submit(path, fields);
  return { status: response.status, html: await response.text() };
}

async function visit(instance: TestInstance, path: string) {
  const response = await instance.fetch(path, { headers: GERMAN });
  return { status: response.status, html: await response.text() };
}

Deno.test({
  name:
    "sign-in, sign-up, settings, strikes and unsubscribing are in German, with no English left",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    assert.ok(ENGLISH.length > 100, "the check has English to look for");
    assert.ok(ENGLISH.includes(en.auth.signIn.forgotPassword));
    const instance = await startTestInstance({
      env: { REGISTRATIONS: "approval" },
    });
    try {
      // A visitor whose browser asks for German.
      let page = await visit(instance, "/auth/sign_in");
      assertGerman(
        "/auth/sign_in",
        page.html,
        de.auth.signIn.login,
        de.auth.signIn.forgotPassword,
      );
      page = await visit(instance, "/auth/sign_up");
      assertGerman(
        "/auth/sign_up",
        page.html,
        de.auth.signUp.heading,
        de.auth.signUp.reviewed,
        de.auth.signUp.reason,
      );
      const invite = await instance.fetch("/invite/nosuchcode", {
        headers: GERMAN,
        redirect: "manual",
      });
      await invite.body?.cancel();
      page = await visit(instance, invite.headers.get("location")!);
      assertGerman("/invite/:code", page.html, de.auth.signUp.badInvite);
      page = await visit(instance, "/auth/password/new");
      assertGerman(
        "/auth/password/new",
        page.html,
        de.auth.forgotPassword.intro,
      );
      page = await visit(
        instance,
        "/auth/password/edit?reset_password_token=x",
      );
      assert.equal(page.status, 404);
      assertGerman(
        "/auth/password/edit",
        page.html,
        de.errors.resetLinkBroken,
        de.auth.resetPassword.askAgain,
      );
      page = await visit(instance, "/auth/confirmation?confirmation_token=x");
      assertGerman(
        "/auth/confirmation",
        page.html,
        de.errors.confirmationLinkBroken,
      );

      // A refused sign-in and sign-up say why in German.
      const visitor = new FormClient(instance.origin);
      const signInForm = await visitor.page("/auth/sign_in");
      const refused = await visitor.request("/auth/sign_in", {
        method: "POST",
        headers: {
          ...GERMAN,
          "content-type": "application/x-www-form-urlencoded",
          origin: instance.origin,
        },
        body: new URLSearchParams({
          _csrf: signInForm.csrf,
          login: "nobody",
          password: "wrong password",
        }),
      });
      assert.equal(refused.status, 401);
      assertGerman(
        "/auth/sign_in (refused)",
        await refused.text(),
        de.errors.invalidLogin,
      );

      const erika = await createUserWithToken(instance, "erika");
      await instance.deps.sql`
        UPDATE users SET locale = 'de' WHERE id = ${erika.user.id}`;
      const web = await signedInClient(instance.origin, "erika");
      const settings = de.settings;
      const pages: [string, string[]][] = [
        ["/settings/profile", [
          settings.profile.displayName,
          settings.nav.migration,
        ]],
        ["/settings/preferences", [
          settings.preferences.visibility,
          de.mail.notificationTypeNames.follow,
        ]],
        ["/settings/email", [
          settings.email.newAddress,
          de.auth.passwordFields.current,
        ]],
        ["/settings/password", [
          settings.password.heading,
          de.auth.passwordFields.confirmNew,
        ]],
        ["/settings/two_factor", [settings.twoFactor.off]],
        ["/settings/security_keys", [settings.securityKeys.turnOnLink]],
        ["/settings/authorized_applications", [settings.apps.heading]],
        ["/settings/mutes", [
          settings.related.mutes.title,
          settings.related.mutes.empty,
        ]],
        ["/settings/blocks", [
          settings.related.blocks.title,
          settings.related.blocks.empty,
        ]],
        ["/settings/domain_blocks", [
          settings.domainBlocks.help,
          settings.domainBlocks.empty,
        ]],
        ["/settings/followed_tags", [settings.followedTags.empty]],
        ["/settings/import", [
          settings.import.type,
          settings.import.modes.overwrite[1],
        ]],
        ["/settings/export", [
          settings.export.rows.followers,
          "following_accounts.csv herunterladen",
        ]],
        ["/settings/aliases", [settings.aliases.intro]],
        ["/settings/migration", [settings.migration.intro]],
        ["/settings/delete", [settings.delete.submit]],
        ["/settings/archive", [
          settings.archive.exportIntro,
          settings.archive.importHeading,
        ]],
        ["/severed_relationships", [
          settings.severed.intro,
          settings.severed.none,
        ]],
        ["/disputes/strikes", [settings.strikes.goodStanding]],
      ];
      for (const [path, expected] of pages) {
        // Her own choice wins over the browser asking for English.
        const response = await web.request(path, {
          headers: { "accept-language": "en" },
        });
        assert.equal(response.status, 200, path);
        assertGerman(path, await response.text(), ...expected);
      }
      const settingsRedirect = await web.request("/settings");
      await settingsRedirect.body?.cancel();
      assert.equal(
        settingsRedirect.headers.get("location"),
        "/settings/profile",
      );

      // A refusal in a settings form is in German too.
      const wrong = await submit(web, "/settings/password", {
        current_password: "not my password",
        password: "a new good password",
        password_confirmation: "a new good password",
      });
      assert.equal(wrong.status, 422);
      assertGerman(
        "/settings/password (refused)",
        wrong.html,
        de.errors.currentPasswordWrong,
      );
      const badDomain = await submit(web, "/settings/domain_blocks", {
        domain: "not a domain",
      });
      assert.equal(badDomain.status, 422);
      assertGerman(
        "/settings/domain_blocks (refused)",
        badDomain.html,
        de.errors.domainInvalid,
      );

      // Setting up two-factor: the QR code page.
      const setup = await submit(web, "/settings/two_factor", { do: "setup" });
      assertGerman(
        "/settings/two_factor (set-up)",
        setup.html,
        settings.twoFactor.scan,
        de.auth.passwordFields.yours,
      );

      // A moderator's warning, its page, and appealing it.
      const moderator = await createStaff(instance, "moira", "moderator");
      const action = await api(
        instance,
        moderator.token,
        "POST",
        `/api/v1/admin/accounts/${erika.account.id}/action`,
        { type: "silence", text: "Bitte sachlich bleiben." },
      );
      assert.equal(action.status, 200);
      const strikes = await web.page("/disputes/strikes");
      assertGerman(
        "/disputes/strikes",
        strikes.html,
        settings.strikes.actions.silence,
      );
      const strikePath = /href="(\/disputes\/strikes\/\d+)"/.exec(strikes.html)
        ?.[1];
      assert.ok(strikePath);
      const strike = await web.page(strikePath);
      assertGerman(
        strikePath,
        strike.html,
        settings.strikes.meanings.silence,
        settings.strikes.appeal,
      );
      const appealed = await web.post(strikePath, {
        _csrf: strike.csrf,
        text: "Das war ein Zitat.",
      });
      await appealed.body?.cancel();
      assertGerman(
        strikePath,
        (await web.page(strikePath)).html,
        settings.strikes.appealStates.pending,
      );

      // The unsubscribe link from a notification e-mail.
      const link = new URL(
        await unsubscribeUrl(instance.deps, erika.user.id, "mention"),
      );
      page = await visit(instance, link.pathname + link.search);
      assertGerman(
        "/mail/unsubscribe",
        page.html,
        "Keine E-Mails mehr über Erwähnungen",
      );

      // An app asking for her account: the consent page.
      const app = await registerApp(instance);
      const consent = await web.request(
        `/oauth/authorize?${new URLSearchParams({
          client_id: app.client_id,
          redirect_uri: "com.Example.App:/oauth-callback",
          response_type: "code",
          scope: "read write:statuses",
        })}`,
      );
      assertGerman(
        "/oauth/authorize",
        await consent.text(),
        "Test Client autorisieren?",
        de.auth.oauth.scopes.read,
        "Schreibzugriff auf statuses",
        de.auth.oauth.deny,
      );

      // With two-factor on, the second sign-in step.
      const enrolment = await beginEnrolment(
        instance.deps.sql,
        erika.user.id,
        "erika",
        "test",
      );
      await confirmEnrolment(instance.deps.sql, erika.user.id, {
        code: new OTPAuth.TOTP({
          secret: OTPAuth.Secret.fromBase32(enrolment.secret),
        }).generate(),
        password: "a good password",
      });
      const second = new FormClient(instance.origin);
      const form = await second.page("/auth/sign_in");
      const step = await second.post("/auth/sign_in", {
        _csrf: form.csrf,
        login: "erika",
        password: "a good password",
        return_to: "/home",
      });
      await step.body?.cancel();
      const twoFactor = await second.request(step.headers.get("location")!, {
        headers: GERMAN,
      });
      assertGerman(
        "/auth/two_factor",
        await twoFactor.text(),
        de.auth.twoFactor.code,
      );
      page = await web.page("/settings/two_factor");
      assertGerman(
        "/settings/two_factor (on)",
        page.html,
        settings.twoFactor.newCodes,
        settings.twoFactor.keysLink,
      );
      page = await web.page("/settings/security_keys");
      assertGerman(
        "/settings/security_keys (on)",
        page.html,
        settings.securityKeys.newName,
        settings.securityKeys.needsJavaScript,
      );
    } finally {
      await instance.close();
    }
  },
});
