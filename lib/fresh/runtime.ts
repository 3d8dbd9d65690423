// `fresh/runtime`: safe to import from islands (bundled for the browser), so
// it must not import server-only modules. The server fills in the build id and
// the <Head> collector through the setters at the bottom.
import type { ComponentChildren } from "preact";

/** True in the browser, false while rendering on the server. */
export const IS_BROWSER = typeof document !== "undefined";

let serverBuildId: string | null = null;
let headCollector: ((children: ComponentChildren) => void) | null = null;

function buildId(): string | null {
  if (IS_BROWSER) {
    return (globalThis as { __FRSH_BUILD_ID?: string }).__FRSH_BUILD_ID ?? null;
  }
  return serverBuildId;
}

/**
 * Adds the build id to a same-site static URL (`/styles.css` →
 * `/styles.css?__frsh_c=<id>`), so `staticFiles` can serve it as immutable.
 */
export function asset(path: string): string {
  const id = buildId();
  if (!id || !path.startsWith("/") || path.startsWith("//")) return path;
  const url = new URL(path, "http://localhost");
  if (url.searchParams.has("__frsh_c")) return path;
  url.searchParams.set("__frsh_c", id);
  return url.pathname + url.search + url.hash;
}

/**
 * Puts its children into the page's `<head>` (inserted before `</head>` of
 * `_app`'s output). Server-only: in the browser it renders nothing.
 */
export function Head({ children }: { children?: ComponentChildren }) {
  if (!IS_BROWSER) headCollector?.(children);
  return null;
}

/** @internal used by the server App. */
export function setServerBuildId(id: string | null): void {
  serverBuildId = id;
}

/** @internal used by the server renderer. */
export function setHeadCollector(
  collector: ((children: ComponentChildren) => void) | null,
): void {
  headCollector = collector;
}
