/**
 * Every page of the web UI, walked in headless Chromium as the person it is for (a visitor, a
 * signed-in user, staff), at 1280 px and 390 px, light and dark: a screenshot of each into
 * `test-artifacts/screenshots/` (CI keeps them), and axe-core's audit, failing on any serious or
 * critical violation. The pages come from the route manifest (`fresh.gen.ts`): a page without an
 * entry in `VISITS` below fails the first test, so a new page is walked from its first day.
 */
import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import axe from "axe-core";
import { pageRoutes } from "./page_routes.ts";
import { options, type Seeded, signIn, withBrowser } from "./harness.ts";
import { PASSWORD, seedEveryPage } from "./seed.ts";
import { registerApp } from "../helpers/oauth.ts";
import type { TestInstance } from "../helpers/app.ts";

/** Who visits: signed out, a seeded user, or erin halfway through her two-factor sign-in. */
type Who = "visitor" | "bob" | "dave" | "ada" | "erin-pending";

interface Visit {
  path: string;
  as: Who;
  /** The status the page answers with (a page showing an error is still a page). */
  status?: number;
}

type Seeds = Seeded & Awaited<ReturnType<typeof seedEveryPage>> & {
  clientId: string;
  origin: string;
};

/** Routes without parameters, each visited once at its own path by `as`. */
function asTheyAre(
  routes: string[],
  as: Who,
): Record<string, () => Visit[]> {
  return Object.fromEntries(
    routes.map((route) => [route, () => [{ path: route, as }]]),
  );
}

const post = (s: Seeds) => `/@alice/${s.first.id}`;

/**
 * One or more concrete visits per page route. Visitor pages signed out, a user's pages as bob
 * (locked, with a follow request, a list, a filter…), dave's strike pages as dave (he was
 * warned), admin pages as ada (Admin).
 */
const VISITS: Record<string, (s: Seeds) => Visit[]> = {
  ...asTheyAre(
    [
      "/",
      "/about",
      "/privacy-policy",
      "/terms-of-service",
      "/auth/sign_in",
      "/auth/sign_up",
      "/auth/password/new",
      "/public",
    ],
    "visitor",
  ),
  ...asTheyAre(
    [
      "/public/local",
      "/home",
      "/compose",
      "/notifications",
      "/notifications/requests",
      "/conversations",
      "/bookmarks",
      "/favourites",
      "/follow_requests",
      "/lists",
      "/filters",
      "/filters/new",
      "/severed_relationships",
    ],
    "bob",
  ),
  "/terms-of-service/[date]": () => [
    { path: "/terms-of-service/2026-01-01", as: "visitor" },
  ],
  "/auth/password/edit": () => [
    {
      path: "/auth/password/edit?reset_password_token=expired",
      as: "visitor",
      status: 404,
    },
  ],
  "/auth/confirmation": () => [
    {
      path: "/auth/confirmation?confirmation_token=unknown",
      as: "visitor",
      status: 404,
    },
  ],
  "/auth/two_factor": () => [{ path: "/auth/two_factor", as: "erin-pending" }],
  "/mail/unsubscribe": (s) => [{ path: s.unsubscribe, as: "visitor" }],
  "/interact": (s) => [{
    path: `/interact?intent=favourite&uri=${
      encodeURIComponent(`${s.origin}/users/alice/statuses/${s.first.id}`)
    }`,
    as: "visitor",
  }],
  "/authorize_interaction": () => [{
    path:
      "/authorize_interaction?uri=https%3A%2F%2Fnowhere.invalid%2Fnotes%2F1",
    as: "bob",
    status: 404,
  }],
  "/oauth/authorize": (s) => [{
    path: `/oauth/authorize?${new URLSearchParams({
      client_id: s.clientId,
      redirect_uri: "urn:ietf:wg:oauth:2.0:oob",
      response_type: "code",
      scope: "read write",
    })}`,
    as: "bob",
  }],
  "/explore": () => [
    { path: "/explore", as: "visitor" },
    { path: "/explore?tab=people", as: "bob" },
  ],
  "/search": () => [{ path: "/search?q=sourdough", as: "bob" }],
  "/tags/[tag]": () => [{ path: "/tags/starling", as: "visitor" }],
  "/@[username]": () => [
    { path: "/@alice", as: "visitor" },
    { path: "/@alice", as: "bob" },
  ],
  "/@[username]/followers":
    () => [{ path: "/@alice/followers", as: "visitor" }],
  "/@[username]/following": () => [{ path: "/@bob/following", as: "bob" }],
  "/@[username]/media": () => [{ path: "/@alice/media", as: "visitor" }],
  "/@[username]/with_replies": () => [
    { path: "/@alice/with_replies", as: "visitor" },
  ],
  "/@[username]/tagged/[tag]": () => [
    { path: "/@alice/tagged/starling", as: "visitor" },
  ],
  "/@[username]/block": () => [{ path: "/@dave/block", as: "bob" }],
  "/@[username]/report": () => [{ path: "/@dave/report", as: "bob" }],
  "/@[username]/[id]": (s) => [
    { path: post(s), as: "visitor" },
    { path: `/@alice/${s.withMedia.id}`, as: "bob" },
    { path: `/@alice/${s.poll.id}`, as: "bob" },
  ],
  "/@[username]/[id]/history": (s) => [
    { path: `${post(s)}/history`, as: "bob" },
  ],
  "/@[username]/[id]/report": (s) => [{ path: `${post(s)}/report`, as: "bob" }],
  "/@[username]/[id]/edit": (s) => [
    { path: `/@bob/${s.reply.id}/edit`, as: "bob" },
  ],
  "/@[username]/[id]/delete": (s) => [
    { path: `/@bob/${s.reply.id}/delete`, as: "bob" },
  ],
  "/lists/[id]": (s) => [{ path: `/lists/${s.list.id}`, as: "bob" }],
  "/lists/[id]/edit": (s) => [{ path: `/lists/${s.list.id}/edit`, as: "bob" }],
  "/filters/[id]/edit": (s) => [
    { path: `/filters/${s.filter.id}/edit`, as: "bob" },
  ],
  "/invites": () => [{ path: "/invites", as: "ada" }],
  "/disputes/strikes": () => [{ path: "/disputes/strikes", as: "dave" }],
  "/disputes/strikes/[id]": (s) => [
    { path: `/disputes/strikes/${s.warning.id}`, as: "dave" },
  ],
  ...asTheyAre(
    [
      "aliases",
      "archive",
      "authorized_applications",
      "blocks",
      "delete",
      "domain_blocks",
      "email",
      "export",
      "followed_tags",
      "import",
      "migration",
      "mutes",
      "password",
      "preferences",
      "profile",
      "security_keys",
      "two_factor",
    ].map((name) => `/settings/${name}`),
    "bob",
  ),
  // Admin pages, as ada (Admin). Lists without an id are visited as they are.
  ...asTheyAre(
    [
      "",
      "/accounts",
      "/accounts/pending",
      "/announcements",
      "/appeals",
      "/audit_log",
      "/canonical_email_blocks",
      "/custom_emojis",
      "/domain_allows",
      "/domain_blocks",
      "/domain_blocks/import",
      "/domain_blocks/new",
      "/domain_subscriptions",
      "/email_domain_blocks",
      "/follow_recommendations",
      "/invites",
      "/ip_blocks",
      "/reports",
      "/roles",
      "/roles/new",
      "/rules",
      "/settings",
      "/spam_limits",
      "/tags",
      "/terms_of_service",
      "/trends",
      "/warning_presets",
    ].map((name) => `/admin${name}`),
    "ada",
  ),
  "/admin/accounts/[id]": (s) => [
    { path: `/admin/accounts/${s.dave.account.id}`, as: "ada" },
  ],
  "/admin/reports/[id]": (s) => [
    { path: `/admin/reports/${s.report.id}`, as: "ada" },
  ],
  "/admin/announcements/[id]": (s) => [
    { path: `/admin/announcements/${s.announcement.id}`, as: "ada" },
  ],
  "/admin/announcements/[id]/delete": (s) => [
    { path: `/admin/announcements/${s.announcement.id}/delete`, as: "ada" },
  ],
  "/admin/canonical_email_blocks/[id]/delete": (s) => [{
    path: `/admin/canonical_email_blocks/${s.canonicalEmailBlock.id}/delete`,
    as: "ada",
  }],
  "/admin/custom_emojis/[id]": (s) => [
    { path: `/admin/custom_emojis/${s.emoji.id}`, as: "ada" },
  ],
  "/admin/custom_emojis/[id]/delete": (s) => [
    { path: `/admin/custom_emojis/${s.emoji.id}/delete`, as: "ada" },
  ],
  "/admin/domain_blocks/[id]": (s) => [
    { path: `/admin/domain_blocks/${s.domainBlock.id}`, as: "ada" },
  ],
  "/admin/domain_blocks/[id]/delete": (s) => [
    { path: `/admin/domain_blocks/${s.domainBlock.id}/delete`, as: "ada" },
  ],
  "/admin/domain_subscriptions/[id]": (s) => [
    { path: `/admin/domain_subscriptions/${s.subscription.id}`, as: "ada" },
  ],
  "/admin/domain_subscriptions/[id]/delete": (s) => [{
    path: `/admin/domain_subscriptions/${s.subscription.id}/delete`,
    as: "ada",
  }],
  "/admin/email_domain_blocks/[id]/delete": (s) => [{
    path: `/admin/email_domain_blocks/${s.emailDomainBlock.id}/delete`,
    as: "ada",
  }],
  "/admin/invites/[id]/expire": (s) => [
    { path: `/admin/invites/${s.invite.id}/expire`, as: "ada" },
  ],
  "/admin/ip_blocks/[id]/delete": (s) => [
    { path: `/admin/ip_blocks/${s.ipBlock.id}/delete`, as: "ada" },
  ],
  "/admin/roles/[id]": (
    s,
  ) => [{ path: `/admin/roles/${s.role.id}`, as: "ada" }],
  "/admin/roles/[id]/delete": (s) => [
    { path: `/admin/roles/${s.role.id}/delete`, as: "ada" },
  ],
  "/admin/rules/[id]": (
    s,
  ) => [{ path: `/admin/rules/${s.rule.id}`, as: "ada" }],
  "/admin/rules/[id]/delete": (s) => [
    { path: `/admin/rules/${s.rule.id}/delete`, as: "ada" },
  ],
  "/admin/tags/[id]": (s) => [{ path: `/admin/tags/${s.tag.id}`, as: "ada" }],
  "/admin/warning_presets/[id]": (s) => [
    { path: `/admin/warning_presets/${s.preset.id}`, as: "ada" },
  ],
};

Deno.test("web UI: every page route has an entry in the page walk", async () => {
  const routes = await pageRoutes();
  assert.ok(routes.length > 50, `only ${routes.length} page routes found`);
  assert.deepEqual(
    routes.filter((route) => !(route in VISITS)),
    [],
    "pages the walk does not visit: add them to VISITS in tests/web/every_page.test.ts",
  );
  assert.deepEqual(
    Object.keys(VISITS).filter((route) => !routes.includes(route)),
    [],
    "entries in VISITS for pages that no longer exist",
  );
});

export const SCREENSHOTS = new URL(
  "../../test-artifacts/screenshots/",
  import.meta.url,
).pathname;
const WIDTHS = [1280, 390] as const;
const SCHEMES = ["light", "dark"] as const;
/** Pages in flight at once: one browser, a few contexts (the machine has few cores). */
const PARALLEL = 3;
const FAILING_IMPACTS = ["serious", "critical"];
/**
 * Rules that fail the walk at any impact: every page has a top heading, and ids are unique (what
 * the walk's hand-rolled predecessor checked besides axe's serious ones).
 */
const FAILING_RULES = [
  "page-has-heading-one",
  "duplicate-id",
  "duplicate-id-active",
  "duplicate-id-aria",
];

/** The file name of a visit's screenshots, before `-<width>-<scheme>.png`. */
function shotName(route: string, visit: Visit, index: number): string {
  const slug = route.slice(1).replaceAll("/", "_").replace(/[@\[\]]/g, "") ||
    "landing";
  return `${slug}${index ? `.${index + 1}` : ""}.${visit.as}`;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * The axe-core rules whose outcome depends on the colours, the only thing the colour scheme
 * changes: the dark scheme is audited for these, the light one for every rule.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * axe-core in the page (injected; the contexts bypass our CSP for it): its violations, of
 * every rule or of `rules`.
 */
async function axeViolations(
  page: Page,
  rules?: string[],
): Promise<AxeViolation[]> {
  if (!await page.evaluate(() => "axe" in globalThis)) {
    await page.addScriptTag({ content: axe.source });
  }
  return await page.evaluate(async (rules) => {
    const { axe } = globalThis as unknown as {
      axe: {
        run(
          context: Document,
          options: unknown,
        ): Promise<{ violations: AxeViolation[] }>;
      };
    };
    const { violations } = await axe.run(document, {
      resultTypes: ["violations"],
      ...rules ? { runOnly: { type: "rule", values: rules } } : {},
    });
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact: impact ?? null,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({
        target: target.map(String),
        failureSummary,
      })),
    }));
  }, rules);
}

/** Browser contexts signed in once per visitor kind, their cookies reused by every worker. */
async function storageStates(
  browser: Browser,
  instance: TestInstance,
): Promise<Map<Who, Awaited<ReturnType<BrowserContext["storageState"]>>>> {
  const states = new Map<
    Who,
    Awaited<ReturnType<BrowserContext["storageState"]>>
  >();
  for (
    const who of ["visitor", "bob", "dave", "ada", "erin-pending"] as const
  ) {
    const context = await browser.newContext({ baseURL: instance.origin });
    const page = await context.newPage();
    if (who === "erin-pending") {
      await page.goto("/auth/sign_in");
      await page.getByLabel("Username or email").fill("erin");
      await page.getByLabel("Password").fill(PASSWORD);
      await Promise.all([
        page.waitForURL("**/auth/two_factor**"),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
    } else if (who !== "visitor") {
      await signIn(page, who);
    }
    states.set(who, await context.storageState());
    await context.close();
  }
  return states;
}

Deno.test(
  "web UI: every page, as its user, at 1280 and 390 px, light and dark: screenshots, and no serious axe-core violation",
  options,
  async () => {
    await withBrowser(async (browser, instance, seeded) => {
      const seeds: Seeds = {
        ...await seedEveryPage(instance.deps, seeded),
        ...seeded,
        clientId: (await registerApp(instance, "urn:ietf:wg:oauth:2.0:oob"))
          .client_id,
        origin: instance.origin,
      };
      await Deno.mkdir(SCREENSHOTS, { recursive: true });
      const states = await storageStates(browser, instance);
      const queue = (await pageRoutes()).flatMap((route) =>
        VISITS[route](seeds).map((visit, i) => ({
          route,
          visit,
          name: shotName(route, visit, i),
        }))
      );
      const problems: string[] = [];
      const worker = async () => {
        const contexts = new Map<Who, BrowserContext>();
        const pageOf = async (who: Who) => {
          let context = contexts.get(who);
          if (!context) {
            context = await browser.newContext({
              baseURL: instance.origin,
              viewport: { width: WIDTHS[0], height: 900 },
              storageState: states.get(who),
              // axe-core goes in as an inline script, which our CSP rightly refuses.
              bypassCSP: true,
            });
            contexts.set(who, context);
            await context.newPage();
          }
          return context.pages()[0];
        };
        for (let job = queue.shift(); job; job = queue.shift()) {
          const { visit, name } = job;
          const page = await pageOf(visit.as);
          const where = `${visit.path} (as ${visit.as})`;
          const response = await page.goto(visit.path, { waitUntil: "load" });
          const status = response?.status() ?? 0;
          if (status !== (visit.status ?? 200)) {
            problems.push(`${where}: HTTP ${status}`);
            continue;
          }
          // One line per violation, its schemes together (only contrast tends to differ).
          const found = new Map<string, string[]>();
          for (const scheme of SCHEMES) {
            await page.emulateMedia({ colorScheme: scheme });
            // axe at 1280 px only: the pages are rendered on the server and only CSS
            // (media queries) differs at 390 px; the DOM axe reads is the same.
            const rules = scheme === "light" ? undefined : COLOUR_RULES;
            for (const violation of await axeViolations(page, rules)) {
              if (
                !FAILING_IMPACTS.includes(violation.impact ?? "") &&
                !FAILING_RULES.includes(violation.id)
              ) continue;
              const line =
                `${violation.id} (${violation.impact}: ${violation.help}) on ${
                  violation.nodes.map((n) => n.target.join(" ")).join(", ")
                } — ${
                  violation.nodes[0]?.failureSummary?.replace(/\s+/g, " ")
                }`;
              found.set(line, [...found.get(line) ?? [], scheme]);
            }
            for (const width of WIDTHS) {
              await page.setViewportSize({ width, height: 900 });
              await page.screenshot({
                path: `${SCREENSHOTS}${name}-${width}-${scheme}.png`,
                // The first screenful: what a reviewer compares; full pages cost too much.
                fullPage: false,
              });
            }
            await page.setViewportSize({ width: WIDTHS[0], height: 900 });
          }
          for (const [line, schemes] of found) {
            problems.push(`${where}, ${schemes.join(" and ")}: ${line}`);
          }
        }
        await Promise.all([...contexts.values()].map((c) => c.close()));
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      assert.deepEqual(problems, []);
    });
  },
);
