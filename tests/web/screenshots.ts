/**
 * Screenshots of the main pages, light and dark, desktop and phone width:
 * `deno run -A tests/web/screenshots.ts [outDir]` (default /tmp/shots).
 */
import { startTestInstance } from "../helpers/app.ts";
import { launchBrowser } from "./browser.ts";
import { PASSWORD, seed } from "./seed.ts";

const outDir = Deno.args[0] ?? "/tmp/shots";
await Deno.mkdir(outDir, { recursive: true });
const instance = await startTestInstance();
const browser = await launchBrowser();
try {
  const { first } = await seed(instance.deps);
  for (const scheme of ["light", "dark"] as const) {
    for (
      const [device, width] of [["desktop", 1100], ["phone", 360]] as const
    ) {
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width, height: 900 },
        baseURL: instance.origin,
      });
      const page = await context.newPage();
      const shot = async (name: string, path: string) => {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        await page.screenshot({
          path: `${outDir}/${name}-${device}-${scheme}.png`,
          fullPage: device === "desktop",
        });
      };
      await shot("landing", "/");
      await shot("sign-up", "/auth/sign_up");
      await shot("profile-anonymous", "/@alice");
      await shot("status-anonymous", `/@alice/${first.id}`);
      await shot(
        "interact",
        `/interact?intent=favourite&uri=${
          encodeURIComponent(
            `${instance.origin}/users/alice/statuses/${first.id}`,
          )
        }`,
      );
      await page.goto("/auth/sign_in");
      await page.fill("input[name=login]", "alice");
      await page.fill("input[name=password]", PASSWORD);
      await Promise.all([
        page.waitForURL("**/home"),
        page.click("form[action='/auth/sign_in'] button[type=submit]"),
      ]);
      await shot("home", "/home");
      await shot("local", "/public/local");
      await shot("profile", "/@bob");
      await shot("status", `/@alice/${first.id}`);
      await shot("notifications", "/notifications");
      await shot("search", "/search?q=coffee");
      await shot("settings", "/settings/profile");
      await shot("follow-requests", "/follow_requests");
      await shot("tag", "/tags/starling");
      await shot("block-confirm", "/@carol/block");
      await shot("bookmarks", "/bookmarks");
      await shot("lists", "/lists");
      await shot("notification-requests", "/notifications/requests");
      await shot("muted", "/settings/mutes");
      await shot("domain-blocks", "/settings/domain_blocks");
      await shot("remote-404", "/@nobody@remote.example");
      await shot("conversations", "/conversations");
      await shot("filters-new", "/filters/new");
      await shot("explore-people", "/explore?tab=people");
      await shot("preferences", "/settings/preferences");
      await context.close();
    }
  }
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
  await instance.close();
}
