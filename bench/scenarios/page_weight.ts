/**
 * Scenario 2b: what each web page costs a browser (issue 18's budgets). Every page of the web UI
 * (the route manifest's pages, as the page walk test lists them) is loaded by headless Chromium
 * twice, signed in (as an Admin, so the admin pages count too) or as a visitor: the first load
 * fills the cache, the second is the "warm" one. Recorded per page from the browser's own
 * Performance API: the HTML, JavaScript and CSS bytes (transferred, i.e. compressed, and decoded)
 * and the first contentful paint of the warm load.
 *
 * Floor, in the same run: the same page's HTML, saved, served by a bare `Deno.serve` on loopback
 * (its other requests passed through to Starling, so the page loads the same CSS and scripts,
 * warm from the cache). The ratio FCP / floor FCP is what Starling's server adds to what the
 * browser's own paint costs on this machine (no GPU). Budgets: first paint < 100 ms warm on
 * loopback, < 50 KB of JavaScript (decoded) on any page, the HTML compressed. Byte counts are
 * exact; paint times depend on the machine's load, so read the ratios.
 */
import type { BenchOptions, Dataset } from "../lib/context.ts";
import { verdict } from "../lib/results.ts";
import { fmtRatio } from "../lib/stats.ts";
import { signIn } from "./pages.ts";
import { pageRoutes } from "../../tests/web/page_routes.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";
import { createList } from "../../lib/domain/lists.ts";
import { createFilter } from "../../lib/domain/filters.ts";
import {
  CHROMIUM,
  hasChromium,
  launchBrowser,
} from "../../tests/web/browser.ts";

const NAME = "2b page weight";
const JS_BUDGET = 50 * 1024;
const FCP_BUDGET_MS = 100;

interface Weight {
  html: { transferred: number; decoded: number };
  js: { transferred: number; decoded: number; files: number };
  css: { transferred: number; decoded: number };
  fcpMs: number | null;
  /** From navigation start to the first byte of the HTML: the server's share of the paint. */
  ttfbMs: number;
}

export async function pageWeight(
  options: BenchOptions,
  data: Dataset,
): Promise<void> {
  if (!hasChromium()) {
    options.results.note(`${NAME}: not measured (no Chromium at ${CHROMIUM})`);
    return;
  }
  const users = [...data.accountIds.keys()];
  const user = users[0];
  // The admin pages need staff: a user of its own, so the other scenarios' users stay as they are.
  const admin = users[users.length - 1];
  const adminAccountId = data.accountIds.get(admin)!;
  await data.sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.admin}
                 WHERE account_id = ${adminAccountId}`;
  const cookies = await signIn(data, [user, admin]);
  const paths = await pagePaths(data, user, admin, adminAccountId);

  // The floor: each page's HTML as a static file, everything else passed through to Starling.
  const saved = new Map<string, string>();
  const floor = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (request) => {
      const url = new URL(request.url);
      const html = saved.get(url.pathname);
      if (html !== undefined) {
        return new Response(html, {
          headers: { "content-type": "text/html; charset=utf-8" },
        });
      }
      const upstream = await fetch(
        new URL(url.pathname + url.search, data.server.origin),
        { headers: { "accept-encoding": "identity" } },
      );
      return new Response(upstream.body, {
        status: upstream.status,
        headers: upstream.headers,
      });
    },
  );
  const floorOrigin = `http://127.0.0.1:${floor.addr.port}`;

  const browser = await launchBrowser();
  try {
    for (const who of ["signed in", "visitor"] as const) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
      });
      const cookie = who === "signed in" ? cookies.get(admin)! : null;
      if (cookie) {
        const { hostname } = new URL(data.server.origin);
        await context.addCookies([{
          name: "starling_session",
          value: cookie,
          domain: hostname,
          path: "/",
        }]);
      }
      const page = await context.newPage();
      for (const { route, path, as } of paths) {
        if (as !== who) continue;
        if (path === null) {
          options.results.add({
            scenario: NAME,
            size: data.label,
            metric: `${route} (${who})`,
            figure:
              "not measured: needs a token, a pending sign-in or a row the bench data lacks",
            floor: "–",
            ratio: "–",
            target: "FCP < 100 ms warm; JS < 50 KB; HTML compressed",
            verdict: "not measured",
          });
          continue;
        }
        const url = `${data.server.origin}${path}`;
        await page.goto(url, { waitUntil: "load" }); // fills the cache
        const response = await page.goto(url, { waitUntil: "load" });
        const weight = await page.evaluate(measure);
        const status = response?.status() ?? 0;
        const encoding = response?.headers()["content-encoding"] ?? "none";

        // The same HTML from the bare server, warm too.
        const floorPath = `/floor${saved.size}`;
        saved.set(
          floorPath,
          await (await fetch(url, {
            headers: cookie ? { cookie: `starling_session=${cookie}` } : {},
          })).text(),
        );
        await page.goto(`${floorOrigin}${floorPath}`, { waitUntil: "load" });
        await page.goto(`${floorOrigin}${floorPath}`, { waitUntil: "load" });
        const floorWeight = await page.evaluate(measure);

        const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
        const ms = (n: number | null) =>
          n === null ? "none" : `${n.toFixed(0)} ms`;
        const ok = status === 200 && encoding !== "none" &&
          weight.js.decoded <= JS_BUDGET &&
          weight.fcpMs !== null && weight.fcpMs < FCP_BUDGET_MS;
        options.results.add({
          scenario: NAME,
          size: data.label,
          metric:
            `${route} (${who}): HTML, JS, CSS transferred/decoded; warm FCP`,
          figure: status !== 200
            ? `HTTP ${status}`
            : `HTML ${kb(weight.html.transferred)}/${
              kb(weight.html.decoded)
            } (${encoding}); JS ${kb(weight.js.transferred)}/${
              kb(weight.js.decoded)
            } in ${weight.js.files} files; CSS ${kb(weight.css.transferred)}/${
              kb(weight.css.decoded)
            }; FCP ${ms(weight.fcpMs)} (first byte at ${
              weight.ttfbMs.toFixed(0)
            } ms)`,
          floor: `static HTML: FCP ${ms(floorWeight.fcpMs)} (first byte at ${
            floorWeight.ttfbMs.toFixed(0)
          } ms)`,
          ratio: weight.fcpMs !== null && floorWeight.fcpMs
            ? fmtRatio(weight.fcpMs / floorWeight.fcpMs)
            : "–",
          target: "FCP < 100 ms warm; JS < 50 KB; HTML compressed",
          verdict: verdict(ok),
        });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await floor.shutdown();
  }
}

interface PagePath {
  route: string;
  /** null: the page needs what the bench data does not have (a token, a pending sign-in…). */
  path: string | null;
  as: "signed in" | "visitor";
}

/**
 * A concrete URL for every page route, from the bench data: the visitor's pages signed out
 * (and the public ones both ways), the rest signed in as the Admin user.
 */
async function pagePaths(
  data: Dataset,
  user: number,
  admin: number,
  adminAccountId: string,
): Promise<PagePath[]> {
  const [thread] = await data.sql<{ id: string; username: string }[]>`
    SELECT s.id, a.username FROM statuses s JOIN accounts a ON a.id = s.account_id
    WHERE s.local AND s.visibility = 'public' AND s.replies_count > 0
      AND s.reblog_of_id IS NULL
    ORDER BY s.id DESC LIMIT 1`;
  const [own] = await data.sql<{ id: string }[]>`
    SELECT id FROM statuses WHERE account_id = ${adminAccountId}
      AND reblog_of_id IS NULL ORDER BY id DESC LIMIT 1`;
  const [tag] = await data.sql<{ id: string; name: string }[]>`
    SELECT id::text, name FROM tags ORDER BY id LIMIT 1`;
  const list = await createList(data.sql, adminAccountId, { title: "Bench" });
  const filter = await createFilter(data.sql, adminAccountId, {
    title: "Bench",
    context: ["home"],
    filterAction: "warn",
    keywords: [{ keyword: "bench" }],
  });
  const [account] = await data.sql<{ id: string }[]>`
    SELECT id FROM accounts WHERE id = ${data.accountIds.get(user)!}`;
  const ids: Record<string, string | undefined> = {
    "/@[username]/[id]": thread && `/@${thread.username}/${thread.id}`,
    "/lists/[id]": `/lists/${list.id}`,
    "/filters/[id]": `/filters/${filter.id}`,
    "/admin/accounts/[id]": account && `/admin/accounts/${account.id}`,
    "/admin/tags/[id]": tag && `/admin/tags/${tag.id}`,
  };
  const visitorOnly =
    /^\/(auth\/|about|privacy-policy|terms-of-service|interact$|$)/;
  const bothWays =
    /^\/(@\[username\](\/(\[id\]|followers|following|media|with_replies|tagged\/\[tag\]))?|tags\/\[tag\]|public(\/local)?|explore)$/;
  const paths: PagePath[] = [];
  for (const route of await pageRoutes()) {
    let path: string | null = route
      .replace("/@[username]/[id]/", `/@user${admin}/${own?.id ?? "0"}/`)
      .replace("/@[username]/[id]", ids["/@[username]/[id]"] ?? "/")
      .replace("[username]", `user${user}`)
      .replace("[tag]", tag?.name ?? "bench");
    for (const [pattern, concrete] of Object.entries(ids)) {
      if (path?.startsWith(pattern)) {
        path = concrete ? concrete + path.slice(pattern.length) : null;
      }
    }
    // Left: pages that need a token, a pending sign-in or rows this data set has none of.
    if (
      path === null || path.includes("[") ||
      /^\/(auth\/(two_factor|confirmation|password\/edit)|mail\/|oauth\/|authorize_interaction)/
        .test(route) ||
      (route.endsWith("/[id]/edit") || route.endsWith("/[id]/delete") ||
          route.endsWith("/[id]/history") || route.endsWith("/[id]/report")) &&
        route.startsWith("/@") && !own
    ) {
      paths.push({ route, path: null, as: "signed in" });
      continue;
    }
    if (route === "/search") path = "/search?q=bench";
    if (route === "/interact" && thread) {
      path = `/interact?intent=favourite&uri=${
        encodeURIComponent(
          `${data.server.origin}/users/${thread.username}/statuses/${thread.id}`,
        )
      }`;
    }
    if (visitorOnly.test(route) || bothWays.test(route)) {
      paths.push({ route, path, as: "visitor" });
    }
    if (!visitorOnly.test(route)) paths.push({ route, path, as: "signed in" });
  }
  return paths;
}

/** Runs in the page: its navigation and resource entries, summed by kind. */
async function measure(): Promise<Weight> {
  const nav = performance.getEntriesByType(
    "navigation",
  )[0] as PerformanceNavigationTiming;
  const resources = performance.getEntriesByType(
    "resource",
  ) as PerformanceResourceTiming[];
  const sum = (list: PerformanceResourceTiming[]) => ({
    // A warm load served from the cache transfers 0: count what a cold load would (encoded).
    transferred: list.reduce((n, r) => n + r.encodedBodySize, 0),
    decoded: list.reduce((n, r) => n + r.decodedBodySize, 0),
  });
  const scripts = resources.filter((r) =>
    r.initiatorType === "script" || /\.m?js(\?|$)/.test(r.name)
  );
  const styles = resources.filter((r) =>
    r.initiatorType === "link" && /\.css(\?|$)/.test(r.name) ||
    r.initiatorType === "css"
  );
  // The paint entry can come after `load`: wait for it (buffered), up to 3 s.
  const fcp = await new Promise<PerformanceEntry | null>((resolve) => {
    const found = () =>
      performance.getEntriesByName("first-contentful-paint")[0];
    if (found()) return resolve(found());
    const observer = new PerformanceObserver(() => {
      if (found()) {
        observer.disconnect();
        resolve(found());
      }
    });
    observer.observe({ type: "paint", buffered: true });
    setTimeout(() => resolve(found() ?? null), 3000);
  });
  return {
    html: { transferred: nav.encodedBodySize, decoded: nav.decodedBodySize },
    js: { ...sum(scripts), files: scripts.length },
    css: sum(styles),
    fcpMs: fcp ? fcp.startTime : null,
    ttfbMs: nav.responseStart,
  };
}
