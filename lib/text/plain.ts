/**
 * Plain text out of HTML (previews, notifications, search indexing) and the
 * one HTML escaper.
 *
 * @module
 */
import { walkHtml } from "./html-walk.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for use in HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The bidirectional formatting controls: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069), and the LRM, RLM and ALM marks. One of them in a name can make the name
 * and the handle printed after it read backwards (`@alice@evil` shown as something else).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** Removes the bidi controls that could reorder what follows a name (see `BIDI_CONTROLS`). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** Elements whose content is never text a reader sees. */
const INVISIBLE = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "iframe",
  "object",
  "svg",
  "math",
  "head",
  "title",
  "textarea",
  "select",
]);

const BLOCKS = new Set([
  "p",
  "div",
  "blockquote",
  "pre",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "section",
  "article",
  "header",
  "footer",
  "figure",
  "table",
]);

/**
 * Converts status or profile HTML into plain text: `<br>` becomes a newline,
 * paragraphs and other blocks are separated by a blank line, list items and
 * table rows start a new line, entities are decoded, markup and invisible
 * content (scripts, styles) are dropped. Link text is kept as written (so a
 * Mastodon-shortened link yields its full URL). Never throws.
 */
export function htmlToPlainText(html: string): string {
  try {
    return toPlain(String(html ?? ""));
  } catch {
    return "";
  }
}

function toPlain(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  let started = false; // any text yet
  let trailing = 0; // newlines at the end of the output so far
  const push = (text: string) => {
    if (text === "") return;
    parts.push(text);
    started = true;
    let n = 0;
    while (n < text.length && text[text.length - 1 - n] === "\n") n++;
    trailing = n === text.length ? trailing + n : n;
  };
  const newline = (n: number) => {
    if (started && trailing < n) push("\n".repeat(n - trailing));
  };
  walkHtml(html, {
    open(name) {
      if (hidden > 0 || INVISIBLE.has(name)) {
        hidden++;
        return;
      }
      if (name === "br") push("\n");
      else if (BLOCKS.has(name)) newline(2);
      else if (name === "li" || name === "tr") newline(1);
    },
    close(name) {
      if (hidden > 0) {
        hidden--;
        return;
      }
      if (BLOCKS.has(name)) newline(2);
      else if (name === "li" || name === "tr") newline(1);
      else if (name === "td" || name === "th") push("\t");
    },
    text(text) {
      if (hidden === 0) push(text);
    },
  });
  // Per-line trimEnd rather than /[ \t]+\n/, which backtracks quadratically.
  return parts.join("").split("\n").map((line) => line.trimEnd()).join("\n")
    .replace(/\n{3,}/g, "\n\n").trim();
}
