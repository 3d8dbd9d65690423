/**
 * The web UI's page routes, from the route manifest (`fresh.gen.ts`): entries with a page
 * component, not layouts, the app shell or the API. The page walk (every_page.test.ts) and the
 * page-weight bench (bench/scenarios/page_weight.ts) both go through this list.
 */
import manifest from "../../fresh.gen.ts";

/** Route patterns such as `/@[username]/[id]/edit`, sorted. */
export function pageRoutes(): string[] {
  return Object.entries(manifest.routes)
    .filter(([file, module]) =>
      "default" in module && !file.startsWith("./routes/api/") &&
      !/\/_[^/]*$/.test(file)
    )
    .map(([file]) =>
      file.replace(/^\.\/routes/, "").replace(/\.tsx?$/, "")
        .replace(/\/index$/, "") || "/"
    )
    .sort();
}
