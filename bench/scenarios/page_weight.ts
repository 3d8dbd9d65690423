/**
 * Scenario 2b: what each web page costs a browser (issue 18's budgets). Headless Chromium loads
 * each page twice, signed in or as a visitor: the first load fills the cache, the second is the
 * "warm" one. Recorded per page from the browser's own Performance API: the HTML, JavaScript and
 * CSS bytes (transferred, i.e. compressed, and decoded) and the first contentful paint of the
 * warm load. Budgets: first paint < 100 ms warm on loopback, < 50 KB of JavaScript (decoded) on
 * any page, the HTML compressed. Byte counts are exact; the paint time is load-dependent, so
 * read it against the run's other figures.
 */
import type { BenchOptions, Dataset } from "../lib/context.ts";
import { verdict } from "../lib/results.ts";
import { signIn } from "./pages.ts";
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
  const user = [...data.accountIds.keys()][0];
  const cookie = (await signIn(data, [user])).get(user)!;
  const [thread] = await data.sql<{ id: string; username: string }[]>`
    SELECT s.id, a.username FROM statuses s JOIN accounts a ON a.id = s.account_id
    WHERE s.local AND s.visibility = 'public' AND s.replies_count > 0
      AND s.reblog_of_id IS NULL
    ORDER BY s.id DESC LIMIT 1`;
  const [tag] = await data.sql<{ name: string }[]>`
    SELECT name FROM tags ORDER BY id LIMIT 1`;
  const signedIn = [
    "/home",
    "/notifications",
    "/explore",
    "/public/local",
    "/settings/preferences",
    `/@user${user}`,
  ];
  const visitor = [
    `/@user${user}`,
    ...(thread ? [`/@${thread.username}/${thread.id}`] : []),
    ...(tag ? [`/tags/${tag.name}`] : []),
    "/about",
    "/auth/sign_in",
  ];

  const browser = await launchBrowser();
  try {
    for (
      const [who, paths] of [["signed in", signedIn], [
        "visitor",
        visitor,
      ]] as const
    ) {
      const context = await browser.newContext({
        baseURL: data.server.origin,
        viewport: { width: 1280, height: 900 },
      });
      if (who === "signed in") {
        const { hostname } = new URL(data.server.origin);
        await context.addCookies([{
          name: "starling_session",
          value: cookie,
          domain: hostname,
          path: "/",
        }]);
      }
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(path, { waitUntil: "load" }); // fills the cache
        const response = await page.goto(path, { waitUntil: "load" });
        const weight = await page.evaluate(measure);
        const status = response?.status() ?? 0;
        const encoding = response?.headers()["content-encoding"] ?? "none";
        const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
        const ok = status === 200 && encoding !== "none" &&
          weight.js.decoded <= JS_BUDGET &&
          weight.fcpMs !== null && weight.fcpMs < FCP_BUDGET_MS;
        options.results.add({
          scenario: NAME,
          size: data.label,
          metric:
            `${path} (${who}): HTML, JS, CSS transferred/decoded; warm FCP`,
          figure: status !== 200
            ? `HTTP ${status}`
            : `HTML ${kb(weight.html.transferred)}/${
              kb(weight.html.decoded)
            } (${encoding}); JS ${kb(weight.js.transferred)}/${
              kb(weight.js.decoded)
            } in ${weight.js.files} files; CSS ${kb(weight.css.transferred)}/${
              kb(weight.css.decoded)
            }; FCP ${
              weight.fcpMs === null ? "none" : `${weight.fcpMs.toFixed(0)} ms`
            } (first byte at ${weight.ttfbMs.toFixed(0)} ms)`,
          floor: "–",
          ratio: "–",
          target: "FCP < 100 ms warm; JS < 50 KB; HTML compressed",
          verdict: verdict(ok),
        });
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
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
