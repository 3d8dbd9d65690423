import type { UiStatus } from "./mastodon.ts";
import { StatusCard, type StatusContext } from "./StatusCard.tsx";
import NewStatuses from "../islands/NewStatuses.tsx";
import NewPostsBanner from "../islands/NewPostsBanner.tsx";
import LoadMore from "../islands/LoadMore.tsx";
import { timeline, type TimelineMessages } from "../lib/i18n/en/timeline.ts";

/** The strings of a list of posts and its paging links (`messages(ctx).timeline`). */
export type PagingLabels = Pick<
  TimelineMessages,
  "nothingHere" | "olderPosts" | "newerPosts" | "pages"
>;
import { feed as enFeed } from "../lib/i18n/en/feed.ts";

/**
 * A list of statuses with "newer / older" links that work without JavaScript. With `stream`,
 * a live banner offers posts that arrived since; with `live`, posts from the compose box appear
 * at the top.
 */
export function Timeline(
  {
    statuses,
    context,
    label,
    older,
    newer,
    stream,
    live = false,
    empty,
    api,
    labels = timeline,
  }: {
    statuses: UiStatus[];
    context: StatusContext;
    label: string;
    older: string | null;
    newer?: string | null;
    /** Streaming API stream name (`user`, `public:local`, `hashtag&tag=x`…). */
    stream?: string | null;
    live?: boolean;
    empty?: string;
    /**
     * The same list in the Mastodon API (`/api/v1/timelines/home`): with it, "Older posts"
     * loads in place when JavaScript runs.
     */
    api?: string;
    /** English when not given. */
    labels?: PagingLabels;
  },
) {
  const ids = statuses.map((s) => s.id);
  const maxId = older
    ? new URL(older, "http://x").searchParams.get("max_id")
    : null;
  const inPlace = older && api && maxId;
  const atTop = !newer;
  // The feed's strings go to its two islands as their labels, not again inside every context.
  const { feed = enFeed, ...cardContext } = context;
  return (
    <>
      {stream && atTop && context.signedIn && (
        <NewPostsBanner stream={stream} existingIds={ids} labels={feed} />
      )}
      <section class="timeline" aria-label={label}>
        {(live || stream) && atTop && context.signedIn && (
          <NewStatuses context={cardContext} existingIds={ids} />
        )}
        {statuses.map((status) => (
          <StatusCard key={status.id} status={status} context={context} />
        ))}
        {statuses.length === 0 && (
          <p class="empty">{empty ?? labels.nothingHere}</p>
        )}
        {inPlace && (
          <LoadMore
            href={older}
            api={`${api}${api.includes("?") ? "&" : "?"}max_id=${maxId}`}
            context={cardContext}
            existingIds={ids}
            labels={feed}
          />
        )}
      </section>
      <Pagination
        older={inPlace ? null : older}
        newer={newer ?? null}
        labels={labels}
      />
    </>
  );
}

export function Pagination(
  {
    older,
    newer,
    labels = timeline,
    olderLabel = labels.olderPosts,
    newerLabel = labels.newerPosts,
  }: {
    older: string | null;
    newer: string | null;
    /** English when not given. */
    labels?: Pick<PagingLabels, "olderPosts" | "newerPosts" | "pages">;
    olderLabel?: string;
    newerLabel?: string;
  },
) {
  if (!older && !newer) return null;
  return (
    <nav class="pagination" aria-label={labels.pages}>
      {newer && (
        <a class="button secondary" href={newer} rel="prev">
          ← {newerLabel}
        </a>
      )}
      {older && (
        <a class="button secondary older" href={older} rel="next">
          {olderLabel} →
        </a>
      )}
    </nav>
  );
}
