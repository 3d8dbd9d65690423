/**
 * One allowlist HTML sanitiser for remote and local status and profile HTML,
 * modelled on Mastodon's `Sanitize::Config::MASTODON_STRICT`.
 *
 * Built on htmlparser2's tokenizer through `walkHtml` (no DOM tree, no
 * recursion), so deep nesting and large inputs cost linear time and constant
 * stack. Output is always balanced: every element we emit is tracked on our
 * own stack and closed in order.
 *
 * @module
 */
import { walkHtml } from "./html-walk.ts";
import { escapeHtml } from "./plain.ts";

/** Elements kept as they are (attributes filtered). */
const ALLOWED = new Set([
  "p",
  "br",
  "span",
  "a",
  "del",
  "s",
  "pre",
  "code",
  "em",
  "strong",
  "b",
  "i",
  "u",
  "ul",
  "ol",
  "li",
  "blockquote",
]);

/** Elements removed together with everything inside them. */
const DROPPED = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "svg",
  "math",
  "template",
  "noscript",
  "noembed",
  "noframes",
  "xmp",
  "title",
  "head",
  "canvas",
  "audio",
  "video",
  "picture",
  "map",
]);

/** Headings become `<p><strong>…</strong></p>`, as Mastodon does. */
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Schemes allowed in `a[href]` (Mastodon's `LINK_PROTOCOLS`). */
const LINK_PROTOCOLS = new Set([
  "http",
  "https",
  "dat",
  "dweb",
  "ipfs",
  "ipns",
  "ssb",
  "gopher",
  "xmpp",
  "magnet",
  "gemini",
]);

/** Plain classes allowed on `a` and `span`, besides microformats prefixes. */
const ALLOWED_CLASSES = new Set([
  "mention",
  "hashtag",
  "ellipsis",
  "invisible",
  "quote-inline",
]);
const MICROFORMAT_CLASS = /^(?:h|p|u|dt|e)-[a-z0-9-]+$/;

/** Emitted elements nested deeper than this are unwrapped (children kept). */
const MAX_DEPTH = 100;

interface Frame {
  /** What to write when this element closes ("" when unwrapped). */
  close: string;
  /** Whether this frame counts towards the emitted depth. */
  emitted: boolean;
}

/**
 * Returns a safe `href` value, or `null` when the link must lose it. Parsing
 * with `URL` normalises away the obfuscations browsers accept (leading
 * control characters and spaces, embedded tabs and newlines, upper case);
 * entities were already decoded by the HTML parser.
 */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null; // relative or unparsable: Mastodon drops relative links too
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (!LINK_PROTOCOLS.has(scheme)) return null;
  // Also check the raw text's own scheme, in case URL parsing and a browser
  // ever disagree about where the scheme ends.
  // deno-lint-ignore no-control-regex
  const squashed = raw.replace(/[\u0000-\u0020\u007f-\u009f]+/g, "")
    .toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(squashed);
  if (!m || !LINK_PROTOCOLS.has(m[1])) return null;
  return url.href;
}

function filterClasses(value: string | undefined): string {
  if (!value) return "";
  const kept: string[] = [];
  for (const c of value.split(/[\t\n\f\r ]+/)) {
    if (!c) continue;
    if (ALLOWED_CLASSES.has(c) || MICROFORMAT_CLASS.test(c)) {
      if (!kept.includes(c)) kept.push(c);
    }
  }
  return kept.join(" ");
}

function attr(name: string, value: string): string {
  return ` ${name}="${escapeHtml(value)}"`;
}

function translateAttr(value: string | undefined): string {
  if (value === undefined) return "";
  const v = value.trim().toLowerCase();
  return v === "yes" || v === "no" ? attr("translate", v) : "";
}

function integerAttr(name: string, value: string | undefined): string {
  if (value === undefined) return "";
  const v = value.trim();
  return /^-?\d{1,9}$/.test(v) ? attr(name, String(parseInt(v, 10))) : "";
}

/** Builds the opening tag for an allowed element, or null to unwrap it. */
function openTag(name: string, a: Record<string, string>): string | null {
  switch (name) {
    case "a": {
      const href = a.href === undefined ? null : safeHref(a.href);
      if (href === null) return null; // Mastodon replaces such links by text
      const rel = (a.rel ?? "").toLowerCase().split(/\s+/).includes("tag")
        ? "tag nofollow noopener"
        : "nofollow noopener";
      const cls = filterClasses(a.class);
      return `<a${attr("href", href)}${attr("rel", rel)} target="_blank"${
        cls ? attr("class", cls) : ""
      }${translateAttr(a.translate)}>`;
    }
    case "span": {
      const cls = filterClasses(a.class);
      return `<span${cls ? attr("class", cls) : ""}${
        translateAttr(a.translate)
      }>`;
    }
    case "ol":
      return `<ol${integerAttr("start", a.start)}${
        a.reversed !== undefined ? " reversed" : ""
      }>`;
    case "li":
      return `<li${integerAttr("value", a.value)}>`;
    default:
      return `<${name}>`;
  }
}

/**
 * Sanitises untrusted HTML down to Mastodon's strict allowlist. Never throws;
 * always returns well-formed (balanced, escaped) HTML.
 */
export function sanitizeHtml(html: string): string {
  try {
    return sanitize(String(html ?? ""));
  } catch {
    // Should be unreachable; fall back to showing the input as text.
    try {
      return escapeHtml(String(html ?? ""));
    } catch {
      return "";
    }
  }
}

function sanitize(html: string): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  let depth = 0; // emitted elements currently open
  let dropDepth = 0; // > 0 while inside a dropped element

  walkHtml(html, {
    open(name, attribs) {
      if (dropDepth > 0 || DROPPED.has(name)) {
        dropDepth++;
        return;
      }
      if (name === "br") {
        out.push("<br>");
        stack.push({ close: "", emitted: false });
        return;
      }
      let open: string | null = null;
      let close = "";
      if (depth < MAX_DEPTH) {
        if (ALLOWED.has(name)) {
          open = openTag(name, attribs);
          close = `</${name}>`;
        } else if (HEADINGS.has(name)) {
          open = "<p><strong>";
          close = "</strong></p>";
        }
      }
      if (open === null) {
        stack.push({ close: "", emitted: false });
      } else {
        out.push(open);
        depth++;
        stack.push({ close, emitted: true });
      }
    },
    close() {
      if (dropDepth > 0) {
        dropDepth--;
        return;
      }
      // walkHtml's events are balanced, so the top frame is this element.
      const f = stack.pop();
      if (f?.emitted) {
        out.push(f.close);
        depth--;
      }
    },
    text(text) {
      if (dropDepth === 0) {
        out.push(escapeHtml(text.replaceAll("\0", "\uFFFD")));
      }
    },
  });
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.emitted) out.push(f.close);
  }
  return out.join("");
}
