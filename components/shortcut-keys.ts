/**
 * What the keyboard shortcuts do (islands/KeyboardShortcuts.tsx), loaded on the first key press
 * that is one of them: a page that is only read never downloads it.
 */

/** What each action key presses inside the focused post (signed in, or the signed-out links). */
const ACTION_TARGETS: Record<string, string> = {
  r: ".action-reply a, a.action[href*='intent=reply']",
  b: ".action-reblog button, a.action[href*='intent=reblog']",
  f: ".action-favourite button, a.action[href*='intent=favourite']",
  Enter: "a.status-time",
};

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

/** Does what `key` (n, j, k, r, b, f or Enter) stands for. */
export function press(key: string) {
  if (key === "j" || key === "k") {
    move(key === "j" ? 1 : -1);
  } else if (key === "n") {
    const box = document.querySelector<HTMLTextAreaElement>(
      "form.compose textarea[name=status]",
    );
    if (box) box.focus();
    else if (document.querySelector("meta[name=starling-token]")) {
      location.assign("/compose");
    }
  } else if (key in ACTION_TARGETS) {
    const post = (document.activeElement as HTMLElement | null)?.closest(
      "article.status",
    );
    post?.querySelector<HTMLElement>(ACTION_TARGETS[key])?.click();
  }
}
