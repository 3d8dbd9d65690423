/**
 * No English left: every HTML page route of the web UI (read from fresh.gen.ts, so a new page
 * without a URL in the table below fails) is fetched twice for the same viewer — once in
 * English, once in German — and every string a reader sees or hears (text, aria-label, title,
 * alt, placeholder, button values) and every string an island gets as a prop is checked:
 *
 * - a German page may not show a string of the English catalogue whose German differs;
 * - a string identical in both renderings must be user data (seeded content, names, handles,
 *   domains, numbers, dates, URLs), a catalogue entry that is the same in both languages, or a
 *   word on the allowlist below. Anything else is text a page or component hard-codes.
 *
 * Signed-in and admin pages are read as a German staff user (users.locale flipped between the
 * two fetches), visitor pages with Accept-Language. Seeded content made here carries the marker
 * word MARK; content from tests/web/seed.ts is recognised by reading it back from the database.
 */
import assert from "node:assert/strict";
import { Parser } from "htmlparser2";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { api, createUserWithToken, follow } from "../helpers/users.ts";
import { FormClient, signedInClient } from "../helpers/forms.ts";
import * as OTPAuth from "otpauth";
import { createStaff, firstAdminIds } from "../moderation/helpers.ts";
import {
  beginEnrolment,
  confirmEnrolment,
} from "../../lib/domain/two-factor.ts";
import { unsubscribeUrl } from "../../lib/mail/notification-mail.ts";
import { smallPng, upload as uploadMedia } from "../media/helpers.ts";
import { seed } from "../web/seed.ts";
import { pageRoutes } from "../web/page_routes.ts";
import { en } from "../../lib/i18n/en.ts";
import { de } from "../../lib/i18n/de.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";

/** Every text this test seeds contains it, so "is it user data?" is a lookup, not a guess. */
const MARK = "Quokka";
/** The marker as it shows up: in names, tags, domains and texts, any case. */
const MARKER = /quokka/i;

/**
 * Words and names that are the same in English and German (or not language at all), shown by
 * the UI itself rather than coming from the catalogue. Each needs a reason.
 */
const SAME_IN_BOTH = new Set([
  "Starling", // the software's name
  "OK",
  "Filter", // German plural and singular alike
  "Mastodon", // a product name (import/export formats)
  "CSV", // a file format
  "ActivityPub",
  "RSS",
  "Deutsch", // the language choices name themselves
  "English",
  "ALT", // the badge on a described picture: Mastodon's German shows "ALT" as well
  "Enter", // the key's name, as German keyboards label it too
  "Bytes", // the unit
  "UTC", // the time zone
  "Administration", // the moderation area's headings: German words too
  "Moderation",
  // A post's language menu names each language with Intl.DisplayNames: these two are spelled
  // the same in German and English.
  "Esperanto",
  "Hindi",
]);

type Catalogue = { [key: string]: unknown };
/**
 * Who reads a page: a visitor (Accept-Language), Zoe (German owner: signed-in and admin pages),
 * Yuri (signed in, with a moderator's strike: his account-status pages), or someone halfway
 * through signing in with two-factor on (a visitor with the pending sign-in cookie).
 */
type Viewer = "visitor" | "user" | "struck" | "pending";

/** English strings whose German differs: exact ones, and `{placeholder}` ones as patterns. */
function replacedEnglish(): { exact: Set<string>; patterns: RegExp[] } {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  const germanAll = new Set(allStrings(de as unknown as Catalogue));
  const walk = (english: unknown, german: unknown) => {
    if (typeof english === "string") {
      const text = english.replace(/\s+/g, " ").trim();
      // A German string of another key that reads the same is not English left over.
      if (
        english === german || germanAll.has(english) || !/\p{L}{2}/u.test(text)
      ) return;
      if (text.includes("{")) {
        const parts = text.split(/\{\w+\}/);
        // Only patterns with enough fixed words to be recognisable.
        if (parts.join("").replace(/[^\p{L}]/gu, "").length >= 4) {
          patterns.push(placeholderPattern(text));
        }
      } else exact.add(text);
    } else if (english && typeof english === "object") {
      for (const [key, value] of Object.entries(english)) {
        walk(value, (german as Catalogue | undefined)?.[key]);
      }
    }
  };
  walk(en, de);
  return { exact, patterns };
}

/** `Mute @{acct}` → /^Mute @.+?$/ */
function placeholderPattern(text: string): RegExp {
  return new RegExp(
    "^" +
      text.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join(".+?") +
      "$",
    "su",
  );
}

function allStrings(catalogue: Catalogue): string[] {
  return Object.values(catalogue).flatMap((value) =>
    typeof value === "string"
      ? [value.replace(/\s+/g, " ").trim()]
      : value && typeof value === "object"
      ? allStrings(value as Catalogue)
      : []
  );
}

/** Catalogue strings that are the same in English and German: translated on purpose. */
function sharedCatalogueStrings(): {
  shared: Set<string>;
  sharedPatterns: RegExp[];
} {
  const found = new Set<string>();
  const sharedPatterns: RegExp[] = [];
  const walk = (english: unknown, german: unknown) => {
    if (typeof english === "string") {
      if (english !== german) return;
      const text = english.replace(/\s+/g, " ").trim();
      if (text.includes("{")) sharedPatterns.push(placeholderPattern(text));
      else found.add(text);
    } else if (english && typeof english === "object") {
      for (const [key, value] of Object.entries(english)) {
        walk(value, (german as Catalogue | undefined)?.[key]);
      }
    }
  };
  walk(en, de);
  return { shared: found, sharedPatterns };
}

/**
 * Elements whose text is not the UI's: code, and a textarea's content, which is what is stored
 * (an admin's setting, a draft) rather than a label.
 */
const SKIPPED = new Set(["script", "style", "template", "textarea"]);

/** What a page shows: text runs, the named attributes, and the islands' string props. */
export function pageStrings(
  html: string,
): { shown: string[]; props: string[] } {
  const shown: string[] = [];
  let run = "";
  let skip = 0;
  let stateJson: string | null = null;
  let inState = false;
  const flush = () => {
    const text = run.replace(/\s+/g, " ").trim();
    if (text) shown.push(text);
    run = "";
  };
  const parser = new Parser({
    onopentag(name, attributes) {
      flush();
      if (SKIPPED.has(name)) {
        skip++;
        inState = attributes.id === "__FRSH_STATE";
        if (inState) stateJson = "";
      }
      for (const attribute of ["aria-label", "title", "alt", "placeholder"]) {
        const value = attributes[attribute]?.replace(/\s+/g, " ").trim();
        if (value) shown.push(value);
      }
      if (
        name === "input" &&
        ["submit", "button", "reset"].includes(attributes.type ?? "") &&
        attributes.value
      ) shown.push(attributes.value.trim());
    },
    ontext(text) {
      if (inState) stateJson += text;
      else if (!skip) run += text;
    },
    onclosetag(name) {
      flush();
      if (SKIPPED.has(name)) {
        skip = Math.max(0, skip - 1);
        inState = false;
      }
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  flush();
  const props: string[] = [];
  if (stateJson) {
    const state = JSON.parse(stateJson) as { islands: { props: unknown }[] };
    const walk = (value: unknown, key: string) => {
      if (typeof value === "string") {
        // Markup props are rendered content (posts, bios): user data by construction.
        if (!value.startsWith("<")) {
          props.push(value.replace(/\s+/g, " ").trim());
        }
      } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) walk(v, k);
      }
    };
    for (const island of state.islands) walk(island.props, "");
  }
  return { shown, props };
}

/** What is not language at all: handles, e-mail, URLs, host names, hashtags, numbers, codes. */
const NOT_LANGUAGE = [
  /https?:\/\/\S+/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // e-mail
  /@[\w.-]+(@[\w.-]+(:\d+)?)?/g, // handles
  /#[\p{L}\w]+/gu, // hashtags
  /:\w+:/g, // custom emoji shortcodes
  /\b[\w-]+(\.[\w-]+)+(:\d+)?(\/\S*)?/g, // host names and paths on them
  /(^|\s)\/\S*/g, // paths
  /\b[\w-]{16,}\b/g, // ids, tokens, hashes
  /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g, // environment variables
  /\b\d[\d.,:/-]*\b/g, // numbers, times, dates in digits
  /\b(read|write|follow|push|admin|profile)(:[\w:]+)?(?=,|$)/g, // OAuth scopes
];

/**
 * The parts of a text that are words of the UI: user data and non-language taken out, the
 * rest split at punctuation, without the words that are German as well (allowlist, strings the
 * catalogue keeps alike or that are German catalogue entries).
 */
function uiWords(text: string, userData: UserData): string[] {
  // A run of a post or bio between its links is a piece of one of them.
  const core = text.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "");
  if (userData.strings.some((data) => withinWords(data, core))) return [];
  let rest = text;
  for (const data of userData.strings) {
    if (!rest.includes(data)) continue;
    // Whole words only: the role "Admin" is not part of "Administration".
    const escaped = data.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    rest = rest.replace(
      new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, "gu"),
      " ",
    );
  }
  if (CATALOGUE.sharedPatterns.some((p) => p.test(text))) return [];
  for (const pattern of NOT_LANGUAGE) rest = rest.replace(pattern, " ");
  return rest.split(/\s*[·—–|(),;!?…"„“”«»\[\]/]\s*|:\s|\.\s|\.$|\s-\s/)
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter((part) => /\p{L}{2}/u.test(part) && !userData.marker.test(part))
    .filter((part) =>
      !SAME_IN_BOTH.has(part) && !CATALOGUE.shared.has(part) &&
      !CATALOGUE.german.has(part) &&
      !CATALOGUE.sharedPatterns.some((p) => p.test(part))
    );
}

/** `part` occurs in `whole` and starts and ends at word boundaries there. */
function withinWords(whole: string, part: string): boolean {
  if (part.length < 4) return whole === part;
  for (
    let at = whole.indexOf(part);
    at >= 0;
    at = whole.indexOf(part, at + 1)
  ) {
    const before = whole[at - 1] ?? " ";
    const after = whole[at + part.length] ?? " ";
    if (!/\p{L}/u.test(before) && !/\p{L}/u.test(after)) return true;
  }
  return false;
}

export interface UserData {
  /** Everything seeded or typed, longest first (so a name inside a post goes with the post). */
  strings: string[];
  marker: RegExp;
}

interface Leftover {
  page: string;
  text: string;
  why: "catalogue" | "same in both";
}

/** The English left on a page, given its English and its German rendering. */
export function leftovers(
  page: string,
  englishHtml: string,
  germanHtml: string,
  userData: UserData,
): Leftover[] {
  const german = pageStrings(germanHtml);
  const english = pageStrings(englishHtml);
  const found = new Map<string, Leftover>();
  const englishSeen = new Set([...english.shown, ...english.props]);
  const check = (text: string, prop: boolean) => {
    if (
      found.has(text) || SAME_IN_BOTH.has(text) ||
      userData.strings.includes(text)
    ) return;
    if (
      CATALOGUE.exact.has(text) || CATALOGUE.patterns.some((p) => p.test(text))
    ) {
      found.set(text, { page, text, why: "catalogue" });
      return;
    }
    if (!englishSeen.has(text)) return;
    // Island props include values such as enum names ("public", "favourite"): only what
    // reads as a phrase is checked there.
    if (prop && !/^\p{Lu}|\s/u.test(text)) return;
    if (uiWords(text, userData).length) {
      found.set(text, { page, text, why: "same in both" });
    }
  };
  for (const text of german.shown) check(text, false);
  for (const text of german.props) check(text, true);
  return [...found.values()];
}

const CATALOGUE = {
  ...replacedEnglish(),
  ...sharedCatalogueStrings(),
  german: new Set(allStrings(de as unknown as Catalogue)),
};

Deno.test("the detector flags hard-coded English and catalogue English, not user data", () => {
  const page = (lang: string, body: string) =>
    `<html lang="${lang}"><body>${body}<p>${MARK} cats</p><time>2026-12-08</time></body></html>`;
  const found = leftovers(
    "/x",
    page(
      "en",
      `<p>Home</p><button aria-label="Sensitive stuff">x</button><p>Older posts</p>`,
    ),
    page(
      "de",
      `<p>Startseite</p><button aria-label="Sensitive stuff">x</button><p>Older posts</p>`,
    ),
    { strings: [], marker: MARKER },
  );
  assert.deepEqual(found.map((f) => [f.text, f.why]), [
    ["Sensitive stuff", "same in both"],
    ["Older posts", "catalogue"],
  ]);
});

interface Seeded {
  aliceId: string;
  statusId: string;
  listId: string;
  filterId: string;
  ids: Record<string, string>;
}

/** Concrete URLs (and who reads them) for every page route (tests/web/page_routes.ts). */
function urlTable(s: Seeded): Record<string, [Viewer, string][]> {
  const st = s.statusId;
  const a = (path: string): [Viewer, string] => ["user", path];
  const v = (path: string): [Viewer, string] => ["visitor", path];
  return {
    "/@[username]/[id]": [v(`/@alice/${st}`), a(`/@alice/${st}`)],
    "/@[username]/[id]/delete": [a(`/@zoe/${s.ids.ownStatus}/delete`)],
    "/@[username]/[id]/edit": [a(`/@zoe/${s.ids.ownStatus}/edit`)],
    "/@[username]/[id]/history": [v(`/@zoe/${s.ids.ownStatus}/history`)],
    "/@[username]/[id]/report": [a(`/@alice/${st}/report`)],
    "/@[username]/block": [a("/@bob/block")],
    "/@[username]/followers": [
      v("/@alice/followers"),
      a("/@alice/followers"),
    ],
    "/@[username]/following": [v("/@bob/following"), a("/@bob/following")],
    "/@[username]": [
      v("/@alice"),
      a("/@alice"),
      a("/@zoe"),
      a("/@yuri"), // boosts
    ],
    "/@[username]/media": [v("/@zoe/media")],
    "/@[username]/report": [a("/@alice/report")],
    "/@[username]/tagged/[tag]": [v("/@zoe/tagged/quokka")],
    "/@[username]/with_replies": [
      v("/@bob/with_replies"),
      a("/@bob/with_replies"),
    ],
    "/about": [v("/about")],
    "/admin/accounts/[id]": [a(`/admin/accounts/${s.aliceId}`)],
    "/admin/accounts": [a("/admin/accounts")],
    "/admin/accounts/pending": [a("/admin/accounts/pending")],
    "/admin/announcements/[id]/delete": [
      a(`/admin/announcements/${s.ids.announcement}/delete`),
    ],
    "/admin/announcements/[id]": [
      a(`/admin/announcements/${s.ids.announcement}`),
    ],
    "/admin/announcements": [a("/admin/announcements")],
    "/admin/appeals": [a("/admin/appeals")],
    "/admin/audit_log": [a("/admin/audit_log")],
    "/admin/canonical_email_blocks/[id]/delete": [
      a(`/admin/canonical_email_blocks/${s.ids.address}/delete`),
    ],
    "/admin/canonical_email_blocks": [
      a("/admin/canonical_email_blocks?test=quokka%40example.com"),
    ],
    "/admin/custom_emojis/[id]/delete": [
      a(`/admin/custom_emojis/${s.ids.emoji}/delete`),
    ],
    "/admin/custom_emojis/[id]": [
      a(`/admin/custom_emojis/${s.ids.emoji}`),
    ],
    "/admin/custom_emojis": [a("/admin/custom_emojis")],
    "/admin/domain_allows": [a("/admin/domain_allows")],
    "/admin/domain_blocks/[id]/delete": [
      a(`/admin/domain_blocks/${s.ids.block}/delete`),
    ],
    "/admin/domain_blocks/[id]": [
      a(`/admin/domain_blocks/${s.ids.block}`),
    ],
    "/admin/domain_blocks/import": [a("/admin/domain_blocks/import")],
    "/admin/domain_blocks": [a("/admin/domain_blocks")],
    "/admin/domain_blocks/new": [a("/admin/domain_blocks/new")],
    "/admin/domain_subscriptions/[id]/delete": [
      a(`/admin/domain_subscriptions/${s.ids.subscription}/delete`),
    ],
    "/admin/domain_subscriptions/[id]": [
      a(`/admin/domain_subscriptions/${s.ids.subscription}`),
    ],
    "/admin/domain_subscriptions": [a("/admin/domain_subscriptions")],
    "/admin/email_domain_blocks/[id]/delete": [
      a(`/admin/email_domain_blocks/${s.ids.emailDomain}/delete`),
    ],
    "/admin/email_domain_blocks": [a("/admin/email_domain_blocks")],
    "/admin/follow_recommendations": [
      a("/admin/follow_recommendations"),
    ],
    "/admin": [a("/admin")],
    "/admin/invites/[id]/expire": [
      a(`/admin/invites/${s.ids.invite}/expire`),
    ],
    "/admin/invites": [a("/admin/invites")],
    "/admin/ip_blocks/[id]/delete": [
      a(`/admin/ip_blocks/${s.ids.ip}/delete`),
    ],
    "/admin/ip_blocks": [a("/admin/ip_blocks")],
    "/admin/reports/[id]": [a(`/admin/reports/${s.ids.report}`)],
    "/admin/reports": [a("/admin/reports")],
    "/admin/roles/[id]/delete": [
      a(`/admin/roles/${BUILT_IN_ROLE_IDS.moderator}/delete`),
    ],
    "/admin/roles/[id]": [
      a(`/admin/roles/${BUILT_IN_ROLE_IDS.moderator}`),
    ],
    "/admin/roles": [a("/admin/roles")],
    "/admin/roles/new": [a("/admin/roles/new")],
    "/admin/rules/[id]/delete": [a(`/admin/rules/${s.ids.rule}/delete`)],
    "/admin/rules/[id]": [a(`/admin/rules/${s.ids.rule}`)],
    "/admin/rules": [a("/admin/rules")],
    "/admin/settings": [a("/admin/settings")],
    "/admin/spam_limits": [a("/admin/spam_limits")],
    "/admin/tags/[id]": [a(`/admin/tags/${s.ids.tag}`)],
    "/admin/tags": [a("/admin/tags")],
    "/admin/terms_of_service": [a("/admin/terms_of_service")],
    "/admin/trends": [a("/admin/trends")],
    "/admin/warning_presets/[id]": [
      a(`/admin/warning_presets/${s.ids.preset}`),
    ],
    "/admin/warning_presets": [a("/admin/warning_presets")],
    "/auth/confirmation": [v("/auth/confirmation?confirmation_token=nope")],
    "/auth/password/edit": [
      v("/auth/password/edit?reset_password_token=nope"),
    ],
    "/auth/password/new": [v("/auth/password/new")],
    "/auth/sign_in": [v("/auth/sign_in")],
    "/auth/sign_up": [v("/auth/sign_up")],
    "/auth/two_factor": [["pending", "/auth/two_factor"]],
    "/authorize_interaction": [a("/authorize_interaction?uri=%40alice")],
    "/bookmarks": [a("/bookmarks")],
    "/compose": [a("/compose"), a(`/compose?in_reply_to_id=${st}`)],
    "/conversations": [a("/conversations")],
    "/disputes/strikes/[id]": [[
      "struck",
      `/disputes/strikes/${s.ids.strike}`,
    ]],
    "/disputes/strikes": [["struck", "/disputes/strikes"]],
    "/explore": [
      v("/explore"),
      a("/explore"),
      a("/explore?tab=tags"),
      a("/explore?tab=links"),
      a("/explore?tab=people"),
    ],
    "/favourites": [a("/favourites")],
    "/filters/[id]/edit": [a(`/filters/${s.filterId}/edit`)],
    "/filters": [a("/filters")],
    "/filters/new": [a("/filters/new")],
    "/follow_requests": [a("/follow_requests")],
    "/home": [a("/home")],
    "/": [v("/")],
    "/interact": [
      v(`/interact?intent=follow&uri=${
        encodeURIComponent("https://remote.example/users/quokka")
      }`),
    ],
    "/invites": [a("/invites")],
    "/lists/[id]/edit": [a(`/lists/${s.listId}/edit`)],
    "/lists/[id]": [a(`/lists/${s.listId}`)],
    "/lists": [a("/lists")],
    "/mail/unsubscribe": [
      v(s.ids.unsubscribe),
      v("/mail/unsubscribe?user=1&type=mention&signature=nope"),
    ],
    "/notifications": [a("/notifications")],
    "/notifications/requests": [a("/notifications/requests")],
    "/oauth/authorize": [
      a(`/oauth/authorize?response_type=code&client_id=${s.ids.clientId}&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scope=read`),
    ],
    "/privacy-policy": [v("/privacy-policy")],
    "/public": [v("/public")],
    "/public/local": [v("/public/local"), a("/public/local")],
    "/search": [
      v("/search?q=quokka"),
      a("/search?q=alice"),
      a("/search?q=%23quokka"),
    ],
    "/settings/aliases": [a("/settings/aliases")],
    "/settings/archive": [a("/settings/archive")],
    "/settings/authorized_applications": [
      a("/settings/authorized_applications"),
    ],
    "/settings/blocks": [a("/settings/blocks")],
    "/settings/delete": [a("/settings/delete")],
    "/settings/domain_blocks": [a("/settings/domain_blocks")],
    "/settings/email": [a("/settings/email")],
    "/settings/export": [a("/settings/export")],
    "/settings/followed_tags": [a("/settings/followed_tags")],
    "/settings/import": [a("/settings/import")],
    "/settings/migration": [a("/settings/migration")],
    "/settings/mutes": [a("/settings/mutes")],
    "/settings/password": [a("/settings/password")],
    "/settings/preferences": [a("/settings/preferences")],
    "/settings/profile": [a("/settings/profile")],
    "/settings/security_keys": [a("/settings/security_keys")],
    "/settings/two_factor": [a("/settings/two_factor")],
    "/severed_relationships": [a("/severed_relationships")],
    "/tags/[tag]": [v("/tags/quokka"), a("/tags/quokka")],
    "/terms-of-service/[date]": [v("/terms-of-service/2020-01-01")],
    "/terms-of-service": [v("/terms-of-service")],
  };
}

/** The seeding: tests/web/seed.ts's people and posts, and one of each thing a page lists. */
async function seedEverything(instance: TestInstance): Promise<Seeded> {
  const { sql } = instance.deps;
  const base = await seed(instance.deps);
  const zoe = await createUserWithToken(instance, "zoe");
  const yuri = await createUserWithToken(instance, "yuri");
  const xena = await createUserWithToken(instance, "xena");
  await sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.owner}, locale = 'de'
            WHERE id = ${zoe.user.id}`;
  await sql`UPDATE accounts SET locked = true WHERE id = ${zoe.account.id}`;
  await sql`UPDATE accounts SET display_name = ${
    "Zoe " + MARK
  }, note_source = ${MARK + " bio"}
            WHERE id = ${zoe.account.id}`;
  const post = async (who: { token: string }, body: Record<string, unknown>) =>
    (await api(instance, who.token, "POST", "/api/v1/statuses", body)).body;
  const own = await post(zoe, { status: `${MARK} garden notes #quokka` });
  await api(instance, zoe.token, "PUT", `/api/v1/statuses/${own.id}`, {
    status: `${MARK} garden notes, edited #quokka`,
  });
  await post(zoe, {
    status: `${MARK} poll`,
    poll: { options: [`${MARK} yes`, `${MARK} no`], expires_in: 3600 },
  });
  await follow(instance, zoe, base.alice);
  await follow(instance, zoe, base.bob);
  await follow(instance, zoe, yuri);
  // A picture behind a content warning (the gallery's "sensitive" switch).
  const media = await (await uploadMedia(instance, zoe.token, {
    bytes: await smallPng(32, 32),
    type: "image/png",
  }, { description: `${MARK} picture` })).json();
  await post(zoe, {
    status: `${MARK} photo`,
    media_ids: [media.id],
    sensitive: true,
  });
  // Yuri mentions, favourites, boosts and writes directly; Xena asks to follow (Zoe is locked).
  await follow(instance, yuri, zoe);
  const hello = await post(yuri, { status: `@zoe ${MARK} hello` });
  await post(yuri, { status: `@zoe ${MARK} private`, visibility: "direct" });
  await api(
    instance,
    yuri.token,
    "POST",
    `/api/v1/statuses/${own.id}/favourite`,
  );
  await api(instance, yuri.token, "POST", `/api/v1/statuses/${own.id}/reblog`);
  await api(
    instance,
    yuri.token,
    "POST",
    `/api/v1/statuses/${base.first.id}/reblog`,
  );
  await api(
    instance,
    xena.token,
    "POST",
    `/api/v1/accounts/${zoe.account.id}/follow`,
  );
  await api(
    instance,
    zoe.token,
    "POST",
    `/api/v1/statuses/${base.first.id}/bookmark`,
  );
  await api(
    instance,
    zoe.token,
    "POST",
    `/api/v1/statuses/${base.first.id}/favourite`,
  );
  await api(
    instance,
    zoe.token,
    "POST",
    `/api/v1/statuses/${hello.id}/bookmark`,
  );
  await api(
    instance,
    zoe.token,
    "POST",
    `/api/v1/accounts/${xena.account.id}/mute`,
  );
  await api(instance, zoe.token, "POST", `/api/v1/tags/quokka/follow`);
  await api(instance, zoe.token, "POST", "/api/v1/domain_blocks", {
    domain: "quokka.example",
  });
  const list = (await api(instance, zoe.token, "POST", "/api/v1/lists", {
    title: `${MARK} friends`,
  })).body;
  await api(instance, zoe.token, "POST", `/api/v1/lists/${list.id}/accounts`, {
    account_ids: [base.alice.account.id],
  });
  const filter = (await api(instance, zoe.token, "POST", "/api/v2/filters", {
    title: `${MARK} filter`,
    context: ["home", "public"],
    keywords_attributes: [{ keyword: "quokkaword", whole_word: true }],
  })).body;
  await api(
    instance,
    zoe.token,
    "POST",
    `/api/v1/accounts/${yuri.account.id}/block`,
  );

  // The moderation area: one of each thing, made through its forms as the admin tests do.
  const web = await signedInClient(instance.origin, "zoe");
  const submit = async (
    path: string,
    fields: Record<string, string>,
    from = path,
  ) => {
    const response = await web.submit(path, fields, from);
    await response.body?.cancel();
    assert.ok(response.status < 400, `${path} saved (${response.status})`);
  };
  await api(instance, yuri.token, "POST", "/api/v1/reports", {
    account_id: base.alice.account.id,
    status_ids: [base.first.id],
    comment: `${MARK} spam`,
    category: "spam",
  });
  await submit("/admin/domain_blocks/new", {
    domain: "quokka-bad.example",
    severity: "suspend",
    reject_media: "true",
    public_comment: `${MARK} reason`,
  });
  await submit("/admin/domain_allows", { domain: "quokka-good.example" });
  await submit("/admin/rules", {
    text: `${MARK} be kind`,
    hint: `${MARK} hint`,
  });
  await submit("/admin/announcements", {
    text: `${MARK} maintenance`,
    publish: "true",
  });
  await submit("/admin/warning_presets", {
    title: `${MARK} tone`,
    text: `${MARK} be nice`,
  });
  await submit("/admin/ip_blocks", {
    ip: "192.0.2.0/24",
    severity: "sign_up_block",
    comment: `${MARK} wave`,
  });
  await submit("/admin/email_domain_blocks", { domain: "quokka-mail.example" });
  await submit("/admin/canonical_email_blocks", {
    email: "quokka@example.com",
  });
  await submit("/invites", { max_uses: "1", expires_in: "86400" });
  const { csrf } = await web.page("/admin/custom_emojis");
  const upload = await web.postMultipart("/admin/custom_emojis", {
    _csrf: csrf,
    shortcode: "quokka",
    category: MARK,
    image: new File([new Uint8Array(await smallPng(32, 32))], "quokka.png", {
      type: "image/png",
    }),
  });
  await upload.body?.cancel();
  await sql`INSERT INTO domain_block_subscriptions (url, auto_apply, created_by_account_id)
            VALUES ('https://quokka.example/blocks.csv', false, ${zoe.account.id})`;
  // A moderator's strike on Yuri, so his account-status pages have one.
  const moira = await createStaff(instance, "moira", "moderator");
  const action = await api(
    instance,
    moira.token,
    "POST",
    `/api/v1/admin/accounts/${yuri.account.id}/action`,
    {
      type: "silence",
      text: `${MARK} warning`,
    },
  );
  assert.equal(action.status, 200);
  // Xena turns two-factor on, so someone can stand at its sign-in step.
  const enrolment = await beginEnrolment(sql, xena.user.id, "xena", "test");
  await confirmEnrolment(sql, xena.user.id, {
    code: new OTPAuth.TOTP({
      secret: OTPAuth.Secret.fromBase32(enrolment.secret),
    }).generate(),
    password: "a good password",
  });
  const unsubscribe = new URL(
    await unsubscribeUrl(instance.deps, zoe.user.id, "mention"),
  );
  const one = async (query: Promise<{ id: string }[]>) =>
    String((await query)[0]?.id ?? "0");
  const app = (await sql<
    { client_id: string }[]
  >`SELECT client_id FROM oauth_applications LIMIT 1`)[0];
  await web.request("/auth/sign_out", { method: "POST" }).then((r) =>
    r.body?.cancel()
  );
  return {
    aliceId: base.alice.account.id,
    statusId: base.first.id,
    listId: list.id,
    filterId: filter.id,
    ids: {
      ownStatus: own.id,
      ...await firstAdminIds(instance),
      tag: await one(sql`SELECT id FROM tags WHERE name = 'quokka'`),
      clientId: app?.client_id ?? "",
      unsubscribe: unsubscribe.pathname + unsubscribe.search,
    },
  };
}

/**
 * Everything people typed or are called: what this test seeded (each with the marker) and what
 * tests/web/seed.ts wrote (no marker there), read back from the database.
 */
async function userDataOf(instance: TestInstance): Promise<UserData> {
  const { sql } = instance.deps;
  const rows = await sql<{ value: string }[]>`
    SELECT text AS value FROM statuses UNION SELECT spoiler_text FROM statuses
    UNION SELECT username FROM accounts UNION SELECT display_name FROM accounts
    UNION SELECT note_source FROM accounts UNION SELECT name FROM user_roles
    UNION SELECT name FROM oauth_applications
    UNION SELECT f->>'name' FROM accounts, jsonb_array_elements(fields) f
    UNION SELECT f->>'value' FROM accounts, jsonb_array_elements(fields) f`;
  return {
    strings: rows.map((r) => r.value).filter((v) => v && v.trim().length > 1)
      .sort((a, b) => b.length - a.length),
    marker: MARKER,
  };
}

Deno.test({
  name: "no page of the web UI shows English to a German reader",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const { sql } = instance.deps;
      const seeded = await seedEverything(instance);
      const userData = await userDataOf(instance);
      const table = urlTable(seeded);
      const routes = await pageRoutes();
      assert.ok(routes.length > 50, `only ${routes.length} page routes found`);
      assert.deepEqual(
        routes.filter((route) => !(route in table)),
        [],
        "every page route has a URL in the table",
      );
      const web = await signedInClient(instance.origin, "zoe");
      const yuri = await signedInClient(instance.origin, "yuri");
      const pending = new FormClient(instance.origin);
      const form = await pending.page("/auth/sign_in");
      (await pending.post("/auth/sign_in", {
        _csrf: form.csrf,
        login: "xena",
        password: "a good password",
        return_to: "/home",
      })).body?.cancel();
      const fetchAs = async (
        viewer: Viewer,
        path: string,
        lang: "en" | "de",
      ) => {
        if (viewer === "visitor" || viewer === "pending") {
          const client = viewer === "pending"
            ? pending
            : new FormClient(instance.origin);
          const response = await client.request(path, {
            headers: {
              "accept-language": lang === "de" ? "de-DE,de;q=0.9" : "en",
            },
          });
          return { status: response.status, html: await response.text() };
        }
        const [client, login] = viewer === "struck"
          ? [yuri, "yuri"]
          : [web, "zoe"];
        await sql`UPDATE users SET locale = ${lang}
                  WHERE email = ${login + "@example.com"}`;
        return await client.page(path);
      };
      const found: string[] = [];
      let checked = 0;
      for (const route of routes) {
        for (const [viewer, path] of table[route] ?? []) {
          const english = await fetchAs(viewer, path, "en");
          const german = await fetchAs(viewer, path, "de");
          assert.equal(german.status, english.status, `${path}: same status`);
          assert.ok(german.status < 500, `${path}: ${german.status}`);
          if (german.status >= 300 && german.status < 400) {
            found.push(
              `${viewer} ${path}: redirects (${german.status}) — give the table a page`,
            );
            continue;
          }
          assert.match(german.html, /<html lang="de"/, path);
          checked++;
          for (
            const left of leftovers(path, english.html, german.html, userData)
          ) {
            found.push(
              `${viewer} ${path}: ${JSON.stringify(left.text)} (${left.why})`,
            );
          }
        }
      }
      // A refusal is a page state no GET shows: compose's, in German (the domain says it in
      // English for the API).
      await sql`UPDATE users SET locale = 'de' WHERE email = 'zoe@example.com'`;
      const compose = await web.page("/compose");
      const refused = await web.postMultipart("/compose", {
        _csrf: compose.csrf,
        status: `${MARK} poll`,
        poll_options: "Quokka",
      });
      const refusal = await refused.text();
      assert.equal(refused.status, 422);
      assert.match(refusal, /Eine Umfrage braucht mindestens 2 Optionen/);
      assert.doesNotMatch(refusal, /Poll must have at least 2 options/);
      // Every route was read in both languages (none skipped by a redirect).
      assert.ok(checked >= routes.length, `${checked} pages read`);
      if (found.length) console.log(found.join("\n"));
      assert.deepEqual(
        found,
        [],
        `${found.length} English strings left on German pages`,
      );
    } finally {
      await instance.close();
    }
  },
});
