/**
 * The web UI's page routes, from the route manifest (`fresh.gen.ts`): entries with a page
 * component, not layouts, the app shell or the API. The page walk (every_page.test.ts), the
 * i18n detector (tests/i18n/no-english-left.test.ts) and the page-weight bench
 * (bench/scenarios/page_weight.ts) all go through this list.
 */
import manifest from "../../fresh.gen.ts";

/**
 * Route patterns such as `/@[username]/[id]/edit`, sorted. The manifest imports pages lazily
 * (`() => import(…)`, so they load at their first request): each is loaded here to see
 * whether it has a page component.
 */
export async function pageRoutes(): Promise<string[]> {
  const entries = await Promise.all(
    Object.entries(manifest.routes)
      .filter(([file]) =>
        !file.startsWith("./routes/api/") && !/\/_[^/]*$/.test(file)
      )
      .map(async ([file, entry]) => {
        const module: object = typeof entry === "function"
          ? await entry()
          : entry;
        return "default" in module ? [file] : [];
      }),
  );
  return entries.flat()
    .map((file) =>
      file.replace(/^\.\/routes/, "").replace(/\.tsx?$/, "")
        .replace(/\/index$/, "") || "/"
    )
    .sort();
}
