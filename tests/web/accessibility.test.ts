/**
 * What the page walk (every_page.test.ts: axe-core on every page, light and dark) does not
 * cover: keyboard focus is visible on the main pages (JavaScript on, islands hydrated), and the
 * high-contrast theme chosen in the settings meets WCAG AA contrast.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { options, signIn, withBrowser } from "./harness.ts";
import { createList } from "../../lib/domain/lists.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { createFilter } from "../../lib/domain/filters.ts";
import axe from "axe-core";

/** Tabs through the first controls; each focused one must show an outline or a ring. */
async function focusProblems(page: Page, steps = 12): Promise<string[]> {
  const problems: string[] = [];
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press("Tab");
    const problem = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== "none" &&
        parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
      return visible
        ? null
        : `focus not visible on <${el.tagName.toLowerCase()} class="${
          el.getAttribute("class") ?? ""
        }">`;
    });
    if (problem) problems.push(problem);
  }
  return problems;
}

async function audit(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  assert.ok(
    response && response.status() < 400,
    `${path}: ${response?.status()}`,
  );
  await page.waitForLoadState("networkidle");
  return (await focusProblems(page)).map((p) => `${path}: ${p}`);
}

Deno.test(
  "web UI: keyboard focus is visible on the main pages",
  options,
  async () => {
    await withBrowser(async (browser, instance, { first, reply, bob }) => {
      const list = await createList(instance.deps.sql, bob.account.id, {
        title: "Friends",
      });
      const context = await browser.newContext({ baseURL: instance.origin });
      const page = await context.newPage();
      const problems: string[] = [];
      for (
        const path of [
          "/",
          "/auth/sign_in",
          "/auth/sign_up",
          "/auth/password/new",
          "/@alice",
          `/@alice/${first.id}`,
          "/public/local",
          "/tags/starling",
          "/search?q=coffee",
          "/explore",
          `/interact?intent=favourite&uri=${
            encodeURIComponent(
              `${instance.origin}/users/alice/statuses/${first.id}`,
            )
          }`,
        ]
      ) {
        problems.push(...await audit(page, path));
      }
      await signIn(page, "bob");
      for (
        const path of [
          "/home",
          "/notifications",
          "/@alice",
          "/@alice/followers",
          "/@carol/block",
          `/@alice/${first.id}`,
          "/public",
          "/search?q=alice",
          "/follow_requests",
          "/settings/profile",
          "/settings/preferences",
          "/settings/password",
          "/settings/email",
          "/settings/two_factor",
          "/invites",
          "/settings/mutes",
          "/settings/blocks",
          "/settings/domain_blocks",
          "/settings/followed_tags",
          "/settings/import",
          "/settings/export",
          "/settings/aliases",
          "/settings/migration",
          "/settings/delete",
          "/settings/archive",
          "/notifications/requests",
          "/bookmarks",
          "/favourites",
          "/lists",
          `/lists/${list.id}`,
          `/lists/${list.id}/edit`,
          "/compose",
          `/@alice/${first.id}/report`,
          "/@alice/report",
          `/@alice/${first.id}/history`,
          `/@bob/${reply.id}/edit`,
          `/@bob/${reply.id}/delete`,
          "/conversations",
          "/filters",
          "/filters/new",
          "/explore?tab=people",
        ]
      ) {
        problems.push(...await audit(page, path));
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  },
);

/** Runs axe-core's WCAG 2 AA colour-contrast rule in the page: the failing elements. */
async function contrastProblems(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  assert.ok(
    response && response.status() < 400,
    `${path}: ${response?.status()}`,
  );
  await page.waitForLoadState("networkidle");
  if (!(await page.evaluate(() => "axe" in globalThis))) {
    await page.addScriptTag({ content: axe.source });
  }
  const violations = await page.evaluate(async () => {
    const run = (globalThis as unknown as {
      axe: {
        run: (
          context: Document,
          options: unknown,
        ) => Promise<
          {
            violations: {
              id: string;
              nodes: { target: string[]; failureSummary?: string }[];
            }[];
            passes: { nodes: unknown[] }[];
          }
        >;
      };
    }).axe.run;
    const result = await run(document, {
      runOnly: { type: "rule", values: ["color-contrast"] },
    });
    const checked = result.passes.reduce((n, p) => n + p.nodes.length, 0);
    return [
      ...(checked === 0 ? ["no text was checked"] : []),
      ...result.violations.flatMap((v) =>
        v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? v.id}`)
      ),
    ];
  });
  return violations.map((v) => `${path}: ${v}`);
}

Deno.test(
  "web UI: text meets WCAG AA contrast in the high-contrast theme (axe-core; light and dark are in the page walk)",
  options,
  async () => {
    await withBrowser(async (browser, instance, { alice, bob, first }) => {
      const { deps } = instance;
      await createStatus(deps, alice, {
        status: "@bob a direct word",
        visibility: "direct",
      });
      await createFilter(deps.sql, bob.account.id, {
        title: "Spoilers",
        context: ["home"],
        filterAction: "warn",
        keywords: [{ keyword: "finale" }],
      });
      const problems: string[] = [];
      // The high-contrast theme, chosen in the settings (a light device: the theme wins).
      const context = await browser.newContext({
        baseURL: instance.origin,
        colorScheme: "light",
        bypassCSP: true,
      });
      const page = await context.newPage();
      await signIn(page, "bob", "/settings/preferences");
      await page.getByLabel("High contrast").check();
      await page.getByRole("button", { name: "Save appearance" }).click();
      await page.getByText("Preferences saved.").waitFor();
      assert.equal(
        await page.evaluate(() =>
          getComputedStyle(document.body).backgroundColor
        ),
        "rgb(0, 0, 0)",
      );
      for (
        const path of [
          "/home",
          `/@alice/${first.id}`,
          "/conversations",
          "/filters/new",
          "/settings/preferences",
          "/explore?tab=people",
        ]
      ) {
        problems.push(
          ...(await contrastProblems(page, path)).map((p) => `contrast: ${p}`),
        );
      }
      await context.close();
      assert.deepEqual(problems, []);
    });
  },
);
