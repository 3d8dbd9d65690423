/**
 * The compose form's custom emoji, grouped by category, in a `<details>` list. Without
 * JavaScript each entry shows its image and `:code:` to type; once the compose island runs,
 * each is a button that puts its code into the text at the cursor.
 */
import type { CustomEmoji } from "../lib/mastodon/entities/types.ts";
import type { ComposeMessages } from "../lib/i18n/en/compose.ts";

export type PickerEmoji = Pick<
  CustomEmoji,
  "shortcode" | "url" | "static_url" | "category"
>;

/** Categories in order of their names, uncategorised ones first (as Mastodon's picker). */
function grouped(emojis: PickerEmoji[]): [string, PickerEmoji[]][] {
  const groups = new Map<string, PickerEmoji[]>();
  for (const emoji of emojis) {
    const name = emoji.category ?? "";
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name)!.push(emoji);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

export function EmojiPicker(
  { emojis, onPick, labels: t }: {
    emojis: PickerEmoji[];
    labels: Pick<
      ComposeMessages["box"],
      "customEmoji" | "customEmojiUncategorised"
    >;
    /** Set once the island runs. */
    onPick?: (shortcode: string) => void;
  },
) {
  if (emojis.length === 0) return null;
  return (
    <details class="emoji-picker">
      <summary>{t.customEmoji}</summary>
      {grouped(emojis).map(([category, list]) => (
        <section aria-label={category || t.customEmojiUncategorised}>
          {category && <h3>{category}</h3>}
          <ul>
            {list.map((emoji) => {
              const code = `:${emoji.shortcode}:`;
              const image = (
                <img
                  src={emoji.static_url}
                  alt={code}
                  class="custom-emoji"
                  width={28}
                  height={28}
                />
              );
              return (
                <li>
                  {onPick
                    ? (
                      <button
                        type="button"
                        title={code}
                        onClick={() => onPick(emoji.shortcode)}
                      >
                        {image}
                      </button>
                    )
                    : (
                      <>
                        {image} <code>{code}</code>
                      </>
                    )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </details>
  );
}

/** `text` with `:shortcode:` put in at `at`, spaced from the words around it. */
export function insertShortcode(
  text: string,
  at: number,
  shortcode: string,
): { text: string; cursor: number } {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const code = `${before && !/\s$/.test(before) ? " " : ""}:${shortcode}:${
    after && /^\s/.test(after) ? "" : " "
  }`;
  return { text: before + code + after, cursor: before.length + code.length };
}
