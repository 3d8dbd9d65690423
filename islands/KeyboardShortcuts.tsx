import { useEffect, useRef, useState } from "preact/hooks";

/** Mastodon's keys, what they do here. */
const KEYS: [string, string][] = [
  ["n", "Write a new post"],
  ["j", "Next post"],
  ["k", "Previous post"],
  ["r", "Reply to the post in focus"],
  ["b", "Boost the post in focus"],
  ["f", "Favourite the post in focus"],
  ["Enter", "Open the post in focus"],
  ["?", "Show these shortcuts"],
];

/** What each action key presses inside the focused post (signed in, or the signed-out links). */
const ACTION_TARGETS: Record<string, string> = {
  r: ".action-reply a, a.action[href*='intent=reply']",
  b: ".action-reblog button, a.action[href*='intent=reblog']",
  f: ".action-favourite button, a.action[href*='intent=favourite']",
  Enter: "a.status-time",
};

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

function posts(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("article.status")];
}

/** Moves focus to the next (1) or previous (-1) post, keeping it in view. */
function move(step: 1 | -1) {
  const all = posts();
  if (all.length === 0) return;
  const current = (document.activeElement as HTMLElement | null)?.closest(
    "article.status",
  );
  const index = current ? all.indexOf(current as HTMLElement) : -1;
  const next = all[
    Math.min(all.length - 1, Math.max(0, index === -1 ? 0 : index + step))
  ];
  next.tabIndex = -1;
  next.focus();
  next.scrollIntoView({ block: "nearest" });
}

/**
 * Keyboard shortcuts as Mastodon's web app has them (n, j/k, r, b, f, Enter, ?), never while
 * typing or with a modifier held. The posts and forms work without it; this only moves focus
 * and presses the same buttons. `?` (or the footer button) opens the list.
 */
export default function KeyboardShortcuts() {
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
      } else if (key === "j" || key === "k") {
        move(key === "j" ? 1 : -1);
      } else if (key === "n") {
        const box = document.querySelector<HTMLTextAreaElement>(
          "form.compose textarea[name=status]",
        );
        if (box) box.focus();
        else if (document.querySelector("meta[name=starling-token]")) {
          location.assign("/compose");
        } else return;
      } else if (key in ACTION_TARGETS) {
        const post = (document.activeElement as HTMLElement | null)?.closest(
          "article.status",
        );
        const target = post?.querySelector<HTMLElement>(ACTION_TARGETS[key]);
        if (!target) return;
        target.click();
      } else return;
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
          Keyboard shortcuts
        </button>
      )}
      <dialog
        ref={dialog}
        class="confirm-dialog shortcuts"
        aria-labelledby="shortcuts-title"
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl>
          {KEYS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
