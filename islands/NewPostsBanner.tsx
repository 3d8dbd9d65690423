import { useEffect, useState } from "preact/hooks";
import { announceStatuses, onNewStatuses } from "../components/api.ts";
import type { UiStatus } from "../components/mastodon.ts";
import { subscribe } from "../components/streaming.ts";
import { fill } from "../lib/i18n/fill.ts";
import type { FeedMessages } from "../lib/i18n/en/feed.ts";

/**
 * "N new posts": listens to the streaming API for this timeline and, when asked, shows the
 * waiting posts at the top of the timeline (the NewStatuses island) without a reload.
 */
export default function NewPostsBanner(
  { stream, existingIds = [], labels: t }: {
    stream: string;
    existingIds?: string[];
    /** In the page's language (lib/i18n `feed`). */
    labels: Pick<FeedMessages, "newPostsOne" | "newPostsMany">;
  },
) {
  const [waiting, setWaiting] = useState<UiStatus[]>([]);
  useEffect(() => {
    const shown = new Set(existingIds);
    const stopShown = onNewStatuses((statuses) => {
      for (const s of statuses) shown.add(s.id);
      setWaiting((w) => w.filter((s) => !shown.has(s.id)));
    });
    const stopStream = subscribe(stream, ({ event, payload }) => {
      if (event === "update") {
        const status = payload as UiStatus;
        if (!status?.id || shown.has(status.id)) return;
        setWaiting((w) =>
          w.some((s) => s.id === status.id) ? w : [...w, status]
        );
      } else if (event === "delete") {
        setWaiting((w) => w.filter((s) => s.id !== String(payload)));
      }
    });
    return () => {
      stopShown();
      stopStream();
    };
  }, [stream]);

  const n = waiting.length;
  return (
    <div class="new-posts-banner" aria-live="polite">
      {n > 0 && (
        <button
          type="button"
          class="banner-button"
          onClick={() => {
            announceStatuses(waiting);
            setWaiting([]);
            globalThis.scrollTo?.({
              top: 0,
              behavior: matchMedia("(prefers-reduced-motion: reduce)").matches
                ? "auto"
                : "smooth",
            });
          }}
        >
          {fill(n === 1 ? t.newPostsOne : t.newPostsMany, { count: n })}
        </button>
      )}
    </div>
  );
}
