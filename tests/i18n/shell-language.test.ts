/**
 * The page shell speaks the reader's language (lib/i18n): a visitor gets the language their
 * browser asks for (and caches are told the page varies by it), a signed-in user the interface
 * language chosen in Settings › Posting › Appearance, whatever the browser says; a language
 * the server doesn't have is refused with a message.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { signedInClient } from "../helpers/forms.ts";

Deno.test({
  name:
    "the shell is in the visitor's browser language, or in the user's chosen interface language",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const visit = async (acceptLanguage: string) => {
        const response = await instance.fetch("/about", {
          headers: { "accept-language": acceptLanguage },
        });
        return { response, html: await response.text() };
      };
      const german = await visit("de-AT,de;q=0.9,en;q=0.5");
      assert.match(german.html, /<html lang="de"/);
      assert.match(german.html, />Anmelden</);
      assert.match(german.html, />Zum Inhalt springen</);
      assert.match(
        german.response.headers.get("vary") ?? "",
        /Accept-Language/i,
      );
      const english = await visit("fr,en;q=0.8");
      assert.match(english.html, /<html lang="en"/);
      assert.match(english.html, />Sign in</);

      const alice = await createUserWithToken(instance, "alice");
      await api(instance, alice.token, "POST", "/api/v1/statuses", {
        status: "Guten Morgen",
        spoiler_text: "Kaffee",
      });
      // A visitor reading her profile in German: the post's counts and warning in German.
      const profile = await instance.fetch("/@alice", {
        headers: { "accept-language": "de" },
      });
      const profileHtml = await profile.text();
      assert.match(profileHtml, />Inhaltswarnung:</);
      assert.match(profileHtml, />Antworten — Anzahl:</);
      const web = await signedInClient(instance.origin, "alice");
      let page = await web.page("/settings/preferences");
      assert.match(page.html, /Interface language/);
      assert.match(page.html, />Home</);

      const refused = await web.post("/settings/preferences", {
        _csrf: page.csrf,
        form: "appearance",
        theme: "system",
        locale: "xx",
      });
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /interface language is not available/);

      const saved = await web.post("/settings/preferences", {
        _csrf: page.csrf,
        form: "appearance",
        theme: "system",
        locale: "de",
      });
      await saved.body?.cancel();
      assert.equal(saved.status, 303);
      // The browser asks for English; her own choice wins.
      const home = await web.request("/home", {
        headers: { "accept-language": "en" },
      });
      const html = await home.text();
      assert.match(html, /<html lang="de"/);
      assert.match(html, />Startseite</);
      assert.match(html, />Abmelden</);
      // Her own post's actions, rendered by the action bar island, are named in German too.
      assert.match(html, /aria-label="Antworten"/);
      assert.match(html, />Unterhaltung stummschalten</);
      // Bob favourites her post: the notification reads in German.
      const bob = await createUserWithToken(instance, "bob");
      const [post] = (await api(
        instance,
        alice.token,
        "GET",
        `/api/v1/accounts/${alice.account.id}/statuses`,
      )).body;
      await api(
        instance,
        bob.token,
        "POST",
        `/api/v1/statuses/${post.id}/favourite`,
      );
      const notifications = await web.page("/notifications");
      assert.match(notifications.html, /hat deinen Beitrag favorisiert/);
      page = await web.page("/settings/preferences");
      assert.match(page.html, /Sprache der Oberfläche/);
      assert.match(page.html, /value="de"[^>]*checked|checked[^>]*value="de"/);
    } finally {
      await instance.close();
    }
  },
});
