import { fill } from "../lib/i18n/fill.ts";
import { useEffect, useState } from "preact/hooks";
import { Icon } from "../components/Icon.tsx";
import { subscribe } from "../components/streaming.ts";

/** The "Notifications" link in the header, with a live count of unread ones. */
export default function NotificationsBadge(
  {
    unread,
    current = false,
    label: name = "Notifications",
    unreadLabel = "Notifications ({count} unread)",
  }: {
    unread: number;
    current?: boolean;
    /** The link's text in the page's language, and its label with `{count}` unread. */
    label?: string;
    unreadLabel?: string;
  },
) {
  const [count, setCount] = useState(unread);
  useEffect(() =>
    subscribe("user", ({ event }) => {
      if (event === "notification") setCount((n) => n + 1);
    }), []);
  const label = count > 0 ? fill(unreadLabel, { count }) : name;
  // The badge's count is drawn by CSS (.badge::after) from data-count: the label says it in
  // words, and as page text "3" would stand outside the label's words, which speech input
  // matches against (axe: label-content-name-mismatch).
  return (
    <a
      href="/notifications"
      class="nav-link"
      aria-label={label}
      aria-current={current ? "page" : undefined}
    >
      <Icon name="bell" />
      <span class="nav-text">{name}</span>
      {count > 0 && (
        <span
          class="badge"
          aria-hidden="true"
          data-count={count > 99 ? "99+" : String(count)}
        />
      )}
    </a>
  );
}
