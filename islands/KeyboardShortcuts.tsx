import { useEffect, useRef, useState } from "preact/hooks";
import type { ShortcutsMessages } from "../lib/i18n/en/shortcuts.ts";

/** Mastodon's keys, and which of the help's lines says what each does here. */
const KEYS: [string, keyof ShortcutsMessages][] = [
  ["n", "newPost"],
  ["j", "next"],
  ["k", "previous"],
  ["r", "reply"],
  ["b", "boost"],
  ["f", "favourite"],
  ["Enter", "open"],
  ["?", "help"],
];

/** What the keys do, once the first shortcut has loaded it. */
let keys: typeof import("../components/shortcut-keys.ts") | null = null;

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/**
 * Keyboard shortcuts as Mastodon's web app has them (n, j/k, r, b, f, Enter, ?), never while
 * typing or with a modifier held. The posts and forms work without it; this only moves focus
 * and presses the same buttons. `?` (or the footer button) opens the list. It sits in every
 * page's footer, so it stays small: what the keys do (components/shortcut-keys.ts) is loaded
 * on the first key press that is a shortcut.
 */
export default function KeyboardShortcuts(
  { labels: t }: {
    /** In the page's language (lib/i18n `shortcuts`). */
    labels: ShortcutsMessages;
  },
) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setReady(true);
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (dialog.current?.open) return;
      const key = e.key;
      if (key === "?") {
        dialog.current?.showModal();
      } else if (
        // Enter keeps its own meaning outside a post.
        key === "Enter"
          ? !document.activeElement?.closest("article.status")
          : !KEYS.some(([k]) => k === key)
      ) {
        return;
      } else if (keys) {
        keys.press(key);
      } else {
        import("../components/shortcut-keys.ts").then((loaded) => {
          keys = loaded;
          loaded.press(key);
        });
      }
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      {ready && (
        <button
          type="button"
          class="link shortcuts-button"
          onClick={() => dialog.current?.showModal()}
        >
          {t.title}
        </button>
      )}
      <dialog
        ref={dialog}
        class="confirm-dialog shortcuts"
        aria-labelledby="shortcuts-title"
      >
        <h2 id="shortcuts-title">{t.title}</h2>
        <dl>
          {KEYS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t[what]}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit">{t.close}</button>
        </form>
      </dialog>
    </>
  );
}
