/**
 * The moderation area speaks the moderator's language (lib/i18n): a staff member whose
 * interface language is German sees every admin page — with one of each thing on it — and the
 * invites page in German: German headings and buttons, and none of the English strings the
 * catalogue's admin sections replace (taken from the catalogue itself, so a string left in a
 * page in English, or a German entry left in English, fails the check).
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { type FormClient, signedInClient } from "../helpers/forms.ts";
import { smallPng } from "../media/helpers.ts";
import { firstAdminIds } from "../moderation/helpers.ts";
import { en } from "../../lib/i18n/en.ts";
import { de } from "../../lib/i18n/de.ts";
import {
  BUILT_IN_ROLE_IDS,
  EVERYONE_ROLE_ID,
} from "../../lib/moderation/mod.ts";

type Catalogue = { [key: string]: unknown };

/** Every English string of a section whose German differs (functions are left out). */
function replacedStrings(english: Catalogue, german: Catalogue): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(english)) {
    const other = german[key];
    if (typeof value === "string") {
      if (value !== other && value.trim().length > 1) found.push(value.trim());
    } else if (value && typeof value === "object") {
      found.push(...replacedStrings(value as Catalogue, other as Catalogue));
    }
  }
  return found;
}

/** The strings a section has in common between English and German. */
function sharedStrings(english: Catalogue, german: Catalogue): string[] {
  return Object.entries(english).flatMap(([key, value]) =>
    typeof value === "string"
      ? (value === german[key] ? [value] : [])
      : value && typeof value === "object"
      ? sharedStrings(value as Catalogue, german[key] as Catalogue)
      : []
  );
}

/** Words German writes as English does; any other string left alike is untranslated. */
const SAME_IN_GERMAN = new Set([
  "Moderation",
  "Administration",
  "Dashboard",
  "Trends",
  "Hashtags",
  "Hashtag",
  "Server",
  "Position",
  "Name",
  "Domain",
  "Link",
  "Links",
  "IP",
  "Hash",
  "Status",
  "Text",
  "Shortcode",
  "Emoji",
]);

/** Every string of a catalogue, to leave out English strings that are German words too. */
function allStrings(catalogue: Catalogue): string[] {
  return Object.values(catalogue).flatMap((value) =>
    typeof value === "string"
      ? [value]
      : value && typeof value === "object"
      ? allStrings(value as Catalogue)
      : []
  );
}

/**
 * What a reader sees of the page's own part — its `<title>` and `<main>` (the shell around it
 * belongs to other sections): text between tags and the named attributes, without scripts.
 */
function visibleText(page: string): string {
  const title = /<title>([\s\S]*?)<\/title>/.exec(page)?.[1] ?? "";
  const start = page.indexOf('<main id="main"');
  const html = title + "\n" + page.slice(start, page.indexOf("</main>", start));
  const attributes = [
    ...html.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g),
  ].map((m) => m[1]);
  const body = html
    .replace(/<script[\s\S]*?<\/script>/g, "\n")
    .replace(/<style[\s\S]*?<\/style>/g, "\n")
    .replace(/<[^>]+>/g, "\n");
  return [...attributes, body].join("\n")
    .replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/** The English strings of `strings` that the text contains as whole words. */
function englishLeft(text: string, strings: string[]): string[] {
  return strings.filter((s) => {
    const escaped = s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?<![\\p{L}_#-])${escaped}(?![\\p{L}_-]|\\.\\p{L})`, "u")
      .test(text);
  });
}

Deno.test({
  name:
    "a moderator whose interface language is German gets every admin page in German",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const { sql } = instance.deps;
      const boss = await createUserWithToken(instance, "boss");
      const alice = await createUserWithToken(instance, "alice");
      const bob = await createUserWithToken(instance, "bob");
      await sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.owner},
                  locale = 'de' WHERE id = ${boss.user.id}`;

      // Something on every list: a report about a post with a hashtag, and what the forms add.
      const post = await api(
        instance,
        alice.token,
        "POST",
        "/api/v1/statuses",
        {
          status: "Hallo #kaffee",
        },
      );
      await api(instance, bob.token, "POST", "/api/v1/reports", {
        account_id: alice.account.id,
        status_ids: [post.body.id],
        comment: "Werbung",
        category: "spam",
      });
      const web = await signedInClient(instance.origin, "boss");
      const submit = async (
        path: string,
        fields: Record<string, string>,
        from = path,
      ) => {
        const response = await web.submit(path, fields, from);
        await response.body?.cancel();
        assert.equal(response.status, 303, `${path} saved`);
      };
      await submit("/admin/domain_blocks/new", {
        domain: "bad.example",
        severity: "suspend",
        reject_media: "true",
        public_comment: "Belästigung",
      });
      await submit("/admin/domain_allows", { domain: "good.example" });
      await submit("/admin/rules", { text: "Sei nett", hint: "Zu allen" });
      await submit("/admin/announcements", {
        text: "Wartung am Sonntag",
        publish: "true",
      });
      await submit("/admin/warning_presets", {
        title: "Ton",
        text: "Bitte freundlich bleiben.",
      });
      await submit("/admin/ip_blocks", {
        ip: "192.0.2.0/24",
        severity: "sign_up_block",
        comment: "Welle",
      });
      await submit("/admin/email_domain_blocks", { domain: "wegwerf.example" });
      await submit("/admin/canonical_email_blocks", {
        email: "troll@example.com",
      });
      await submit("/invites", { max_uses: "1", expires_in: "86400" });
      const { csrf } = await web.page("/admin/custom_emojis");
      const upload = await web.postMultipart("/admin/custom_emojis", {
        _csrf: csrf,
        shortcode: "blobkatze",
        category: "Katzen",
        image: new File(
          [new Uint8Array(await smallPng(32, 32))],
          "blobkatze.png",
          {
            type: "image/png",
          },
        ),
      });
      await upload.body?.cancel();
      assert.equal(upload.status, 303, "emoji uploaded");
      await sql`INSERT INTO domain_block_subscriptions (url, auto_apply, created_by_account_id)
                VALUES ('https://lists.example/blocks.csv', false, ${boss.account.id})`;

      const ids = {
        ...await firstAdminIds(instance),
        tag: String(
          (await sql<
            { id: string }[]
          >`SELECT id FROM tags WHERE name = 'kaffee'`)[0]
            .id,
        ),
      };
      const pages: [string, RegExp][] = [
        ["/admin", />Offene Meldungen</],
        ["/admin/reports", /Meldung #\d+ zu @alice/],
        ["/admin/reports?resolved=1", />Keine geklärten Meldungen\.</],
        [`/admin/reports/${ids.report}`, />Mir zuweisen</],
        ["/admin/accounts", />Suchen</],
        ["/admin/accounts/pending", />Niemand wartet\.</],
        [`/admin/accounts/${alice.account.id}`, />Maßnahme ausführen</],
        ["/admin/appeals", />Keine offenen Einsprüche\.</],
        ["/admin/trends", /Nur genehmigte Einträge/],
        ["/admin/tags", /#kaffee/],
        [`/admin/tags/${ids.tag}`, />Zurück zu den Hashtags</],
        ["/admin/follow_recommendations", />Empfehlen</],
        ["/admin/domain_blocks", />Gesperrte Domains</],
        ["/admin/domain_blocks/new", />Domain sperren</],
        ["/admin/domain_blocks/import", />Vorschau</],
        [`/admin/domain_blocks/${ids.block}`, /Mediendateien ablehnen/],
        [`/admin/domain_blocks/${ids.block}/delete`, /bad\.example entsperren/],
        ["/admin/domain_allows", />Erlauben</],
        ["/admin/domain_subscriptions", />Liste abonnieren</],
        [`/admin/domain_subscriptions/${ids.subscription}`, />Jetzt abrufen</],
        [
          `/admin/domain_subscriptions/${ids.subscription}/delete`,
          />Abo beenden</,
        ],
        ["/admin/roles", />Rolle erstellen</],
        ["/admin/roles/new", />Berechtigungen</],
        [`/admin/roles/${BUILT_IN_ROLE_IDS.moderator}`, /Meldungen verwalten/],
        [
          `/admin/roles/${EVERYONE_ROLE_ID}`,
          />Was alle Benutzer\*innen dürfen</,
        ],
        [`/admin/roles/${BUILT_IN_ROLE_IDS.moderator}/delete`, /löschen\?</],
        ["/admin/warning_presets", />Vorlage hinzufügen</],
        [`/admin/warning_presets/${ids.preset}`, />Warnvorlage</],
        ["/admin/settings", />Einstellungen speichern</],
        ["/admin/terms_of_service", /Gültig ab/],
        ["/admin/rules", />Regel hinzufügen</],
        [`/admin/rules/${ids.rule}`, />Regel bearbeiten</],
        [`/admin/rules/${ids.rule}/delete`, />Diese Regel löschen\?</],
        ["/admin/announcements", /Veröffentlicht /],
        [`/admin/announcements/${ids.announcement}`, /Ganztägig/],
        [`/admin/announcements/${ids.announcement}/delete`, />Abbrechen</],
        ["/admin/custom_emojis", />Emoji hochladen</],
        [`/admin/custom_emojis/${ids.emoji}`, />Kategorie speichern</],
        [`/admin/custom_emojis/${ids.emoji}/delete`, /:blobkatze: löschen/],
        ["/admin/audit_log", />Domain-Sperre bad\.example</],
        ["/admin/email_domain_blocks", />E-Mail-Domain sperren</],
        [`/admin/email_domain_blocks/${ids.emailDomain}/delete`, /Subdomains/],
        [
          "/admin/canonical_email_blocks?test=troll%40example.com",
          /ist gesperrt\./,
        ],
        [
          `/admin/canonical_email_blocks/${ids.address}/delete`,
          />Sperre aufheben</,
        ],
        ["/admin/ip_blocks", />Registrierungen sperren</],
        [`/admin/ip_blocks/${ids.ip}/delete`, /Regel für 192\.0\.2\.0\/24/],
        ["/admin/spam_limits", />Beschränkungen für neue Konten</],
        ["/admin/invites", />Ablaufen lassen</],
        [`/admin/invites/${ids.invite}/expire`, />Einladung ablaufen lassen</],
      ];
      const germanWords = new Set(allStrings(de as unknown as Catalogue));
      // Role names are data (the built-in "Moderator" role is named in English).
      const roleNames = new Set(
        (await sql<{ name: string }[]>`SELECT name FROM user_roles`).map((r) =>
          r.name
        ),
      );
      const adminEnglish = [
        "admin",
        "adminModeration",
        "adminFederation",
        "adminServer",
        "invites",
      ].flatMap((section) =>
        replacedStrings(
          (en as unknown as Catalogue)[section] as Catalogue,
          (de as unknown as Catalogue)[section] as Catalogue,
        )
      ).filter((s) => !germanWords.has(s) && !roleNames.has(s));
      assert.ok(adminEnglish.includes("Take action"), "the list is real");
      const sections = [
        "admin",
        "adminModeration",
        "adminFederation",
        "adminServer",
        "invites",
      ] as const;
      const untranslated = sections.flatMap((section) =>
        sharedStrings(
          en[section] as unknown as Catalogue,
          de[section] as unknown as Catalogue,
        )
      ).filter((s) => !SAME_IN_GERMAN.has(s));
      assert.deepEqual(untranslated, [], "every German entry is German");
      const check = async (
        client: FormClient,
        path: string,
        german: RegExp,
        english: string[],
      ) => {
        const { status, html } = await client.page(path);
        assert.equal(status, 200, path);
        assert.match(html, /<html lang="de"/, path);
        assert.match(html, german, path);
        assert.deepEqual(englishLeft(visibleText(html), english), [], path);
      };
      for (const [path, german] of pages) {
        await check(web, path, german, adminEnglish);
      }
      // The admin tabs are German on every page, e.g. the dashboard's.
      const dashboard = await web.page("/admin");
      assert.match(dashboard.html, />Meldungen</);
      assert.match(dashboard.html, />Gesperrte E-Mail-Adressen</);
      assert.match(dashboard.html, /aria-label="Moderation"/);
      // The user's own invites page (its settings tabs belong to another section).
      await check(
        web,
        "/invites",
        />Einladungslink erstellen</,
        replacedStrings(en.invites, de.invites),
      );

      // A refusal is worded in German too: suspending needs the confirmation box.
      const account = await web.page(`/admin/accounts/${alice.account.id}`);
      const refused = await web.post(`/admin/accounts/${alice.account.id}`, {
        _csrf: account.csrf,
        type: "suspend",
      });
      assert.equal(refused.status, 422);
      assert.match(
        await refused.text(),
        /Setze zur Bestätigung das Häkchen: Sperren\./,
      );

      // English stays the default: the same pages for an English-speaking moderator.
      await sql`UPDATE users SET locale = 'en' WHERE id = ${boss.user.id}`;
      const english = await web.page(`/admin/accounts/${alice.account.id}`);
      assert.match(english.html, />Take action</);
      assert.doesNotMatch(english.html, />Maßnahme ergreifen</);
    } finally {
      await instance.close();
    }
  },
});
