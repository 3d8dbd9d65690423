/**
 * Custom emoji in the web UI: `:shortcode:` shown as its image where the entity lists the emoji
 * (Status `emojis`, Account `emojis`), with the shortcode as alt text. Browser-safe: islands
 * render statuses with it too.
 */
import type { CustomEmoji } from "../lib/mastodon/entities/types.ts";

type Emojis = Pick<CustomEmoji, "shortcode" | "url">[] | undefined;

/** `:code:` as written in text; matched codes without an emoji stay text. */
const CODE = /:([a-zA-Z0-9_]{2,}):/g;

function byCode(emojis: Emojis): Map<string, string> {
  return new Map((emojis ?? []).map((e) => [e.shortcode, e.url]));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(
    /</g,
    "&lt;",
  );
}

/**
 * Sanitised HTML (a status, a bio, a field) with its emoji codes as images: only text between
 * tags is touched, never a tag or its attributes.
 */
export function emojifyHtml(html: string, emojis: Emojis): string {
  const known = byCode(emojis);
  if (known.size === 0 || !html.includes(":")) return html;
  return html.split(/(<[^>]*>)/).map((part) =>
    part.startsWith("<") ? part : part.replace(CODE, (whole, code) => {
      const url = known.get(code);
      return url
        ? `<img src="${
          escapeAttribute(url)
        }" alt="${whole}" title="${whole}" class="custom-emoji" draggable="false">`
        : whole;
    })
  ).join("");
}

/** Plain text (a display name, a content warning) with its emoji codes as images. */
export function EmojiText(
  { text, emojis }: { text: string; emojis: Emojis },
) {
  const known = byCode(emojis);
  if (known.size === 0 || !text.includes(":")) return <>{text}</>;
  const parts: (string | preact.JSX.Element)[] = [];
  let last = 0;
  for (const match of text.matchAll(CODE)) {
    const url = known.get(match[1]);
    if (!url) continue;
    parts.push(text.slice(last, match.index));
    parts.push(
      <img
        src={url}
        alt={match[0]}
        title={match[0]}
        class="custom-emoji"
        draggable={false}
      />,
    );
    last = match.index! + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
