import type { StatusCard } from "./StatusCard.tsx";

let loading: Promise<typeof StatusCard> | null = null;

/**
 * StatusCard for the islands that add posts to a page (NewStatuses, LoadMore), fetched the first
 * time one of them has a post to show. A page's own posts are rendered on the server, so the
 * card's code (with the media gallery, the menu and the emoji) stays out of the page's
 * JavaScript until then (issue 18's budget).
 */
export function loadStatusCard(): Promise<typeof StatusCard> {
  return loading ??= import("./StatusCard.tsx").then((m) => m.StatusCard);
}
