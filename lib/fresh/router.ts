// File path → URL pattern, and matching. Patterns use Fresh's syntax:
// `[id]` → `:id`, `@[username]` → `@:username`, `[...rest]` → `:rest*`,
// `(group)` folders vanish from the URL.

export interface CompiledPattern {
  /** Human-readable pattern, e.g. `/@:username/:id` (also `ctx.route`). */
  pattern: string;
  regex: RegExp;
  paramNames: string[];
  /** One rank per segment (higher matches first), used for ordering. */
  ranks: number[];
  /**
   * Characters matched literally: between equal ranks the longer wins, so `/@[name].rss` is
   * tried before `/@[name]` (which would also match `/@alice.rss`).
   */
  literalLength: number;
}

// Segment ranks: static beats mixed (`@[name]`), mixed beats `[param]`, rest is last.
const RANK_STATIC = 3, RANK_MIXED = 2, RANK_PARAM = 1, RANK_REST = 0;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * `blog/[id].tsx` → segments of the URL, without the extension, `index` and
 * `(group)` folders. Returns the path the route lives at in Fresh syntax.
 */
export function routeFileToSegments(relativeFile: string): string[] {
  const withoutExt = relativeFile.replace(/\.[jt]sx?$/, "");
  const parts = withoutExt.split("/").filter((p) => p !== "");
  if (parts.at(-1) === "index") parts.pop();
  return parts.filter((p) => !/^\(.+\)$/.test(p));
}

/** Compiles Fresh-syntax segments (`[id]`, `[...rest]`, `@[name]`). */
export function compileSegments(segments: string[]): CompiledPattern {
  const paramNames: string[] = [];
  const ranks: number[] = [];
  let literalLength = 0;
  let regex = "^";
  let pattern = "";
  for (const segment of segments) {
    const rest = /^\[\.\.\.([^\]]+)\]$/.exec(segment);
    if (rest) {
      paramNames.push(rest[1]);
      ranks.push(RANK_REST);
      // Optional: `/[...path]` also matches `/`.
      regex += "(?:/(.*))?";
      pattern += `/:${rest[1]}*`;
      break; // a rest segment ends the pattern
    }
    let segmentRegex = "";
    let hasParam = false;
    let hasStatic = false;
    for (const piece of segment.split(/(\[[^\]]+\])/)) {
      if (piece === "") continue;
      const param = /^\[([^\]]+)\]$/.exec(piece);
      if (param) {
        hasParam = true;
        paramNames.push(param[1]);
        segmentRegex += "([^/]+?)";
      } else {
        hasStatic = true;
        literalLength += piece.length;
        segmentRegex += escapeRegex(encodeURI(piece));
      }
    }
    pattern += "/" + segment.replace(/\[([^\]]+)\]/g, ":$1");
    regex += "/" + segmentRegex;
    ranks.push(
      hasParam ? (hasStatic ? RANK_MIXED : RANK_PARAM) : RANK_STATIC,
    );
  }
  if (regex === "^") regex += "/";
  return {
    pattern: pattern || "/",
    regex: new RegExp(regex + "$"),
    paramNames,
    ranks,
    literalLength,
  };
}

/** Compiles an express-style pattern (`/users/:id`, `/files/:path*`) for `app.get()`. */
export function compilePattern(pattern: string): CompiledPattern {
  const segments = pattern.split("/").filter((s) => s !== "").map((s) =>
    s.replace(/^:([\w]+)\*$/, "[...$1]").replace(/:(\w+)/g, "[$1]")
  );
  return compileSegments(segments);
}

/**
 * Sort comparator: more specific patterns first (static > mixed > param > rest; then more
 * literal characters).
 */
export function comparePatterns(
  a: CompiledPattern,
  b: CompiledPattern,
): number {
  const length = Math.max(a.ranks.length, b.ranks.length);
  for (let i = 0; i < length; i++) {
    // A missing segment ranks just above rest: `/blog` before `/blog/[...rest]`.
    const rankA = a.ranks[i] ?? RANK_REST + 0.5;
    const rankB = b.ranks[i] ?? RANK_REST + 0.5;
    if (rankA !== rankB) return rankB - rankA;
  }
  return b.literalLength - a.literalLength;
}

/**
 * Matches a pathname; returns URI-decoded params or null. A trailing slash
 * matches the same route as the slashless path (no redirect).
 * Throws URIError on malformed percent-encoding.
 */
export function matchPattern(
  compiled: CompiledPattern,
  pathname: string,
): Record<string, string> | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const match = compiled.regex.exec(path || "/");
  if (!match) return null;
  const params: Record<string, string> = {};
  compiled.paramNames.forEach((name, i) => {
    params[name] = decodeURIComponent(match[i + 1] ?? "");
  });
  return params;
}
