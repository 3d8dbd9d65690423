/** What the browser tests share: a seeded instance with a browser, problem watching, signing in. */
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  settleWithin,
  startTestInstance,
  type TestInstance,
  type TestInstanceOptions,
} from "../helpers/app.ts";
import { hasChromium, launchBrowser, SKIP_MESSAGE } from "./browser.ts";
import { PASSWORD, seed } from "./seed.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";

const ignore = !hasChromium();
if (ignore) console.warn(SKIP_MESSAGE);

export const options = {
  ignore,
  sanitizeOps: false,
  sanitizeResources: false,
};

export type Seeded = Awaited<ReturnType<typeof seed>>;

export async function withBrowser(
  fn: (
    browser: Browser,
    instance: TestInstance,
    seeded: Seeded,
  ) => Promise<void>,
  instanceOptions: TestInstanceOptions = {},
) {
  const instance = await startTestInstance(instanceOptions);
  let browser: Browser | null = null;
  try {
    const seeded = await seed(instance.deps);
    browser = await launchBrowser();
    await fn(browser, instance, seeded);
  } finally {
    await settleWithin(browser?.close(), 10, "browser close");
    await instance.close();
  }
}

/** Fails the test on CSP violations and uncaught page errors. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" || /Content.Security.Policy/i.test(text)) {
      problems.push(`console ${message.type()}: ${text}`);
    }
  });
  page.on(
    "pageerror",
    (error) => problems.push(`page error: ${error.message}`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  return problems;
}

/** Signs in through the web form (works with JavaScript on or off). */
export async function signIn(
  page: Page,
  username: string,
  returnTo = "/home",
): Promise<void> {
  await page.goto(`/auth/sign_in?return_to=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await Promise.all([
    page.waitForURL(`**${returnTo}`),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
}

/** The session cookies of a browser context, as a `cookie` header. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`)
    .join("; ");
}

/** The JavaScript a page loads: its module scripts and everything they import, gzipped. */
export async function javascriptSize(
  origin: string,
  html: string,
): Promise<number> {
  const pending = [...html.matchAll(/<script type="module" src="([^"]+)"/g)]
    .map((m) => new URL(m[1], origin).href);
  const seen = new Set<string>();
  let total = 0;
  while (pending.length) {
    const url = pending.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const source = await (await fetch(url)).text();
    const gzipped = new Response(
      new Blob([source]).stream().pipeThrough(new CompressionStream("gzip")),
    );
    total += (await gzipped.arrayBuffer()).byteLength;
    for (const m of source.matchAll(/(?:from|import)\s*"(\.\/[^"]+)"/g)) {
      pending.push(new URL(m[1], url).href);
    }
  }
  return total;
}

/**
 * A new browser context with JavaScript off (the pages must work without it), signed in as
 * `username` and on `path`, with problems watched: how the no-JavaScript walks begin.
 */
export async function signedInWithoutJs(
  browser: Browser,
  instance: TestInstance,
  username: string,
  path: string,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL: instance.origin,
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await signIn(page, username, path);
  return { context, page, problems };
}

/**
 * A seeded user given a built-in staff role, then signed in without JavaScript on `path`
 * (the admin pages' walks begin so).
 */
export async function staffWithoutJs(
  browser: Browser,
  instance: TestInstance,
  staff: { user: { id: string }; account: { username: string } },
  role: keyof typeof BUILT_IN_ROLE_IDS,
  path = "/admin",
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  await instance.deps.sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS[role]}
                          WHERE id = ${staff.user.id}`;
  return await signedInWithoutJs(
    browser,
    instance,
    staff.account.username,
    path,
  );
}
