import { useState } from "preact/hooks";
import { apiPage } from "../components/api.ts";
import type { UiStatus } from "../components/mastodon.ts";
import type { StatusContext } from "../components/StatusCard.tsx";
import { loadStatusCard } from "../components/status-card-loader.ts";
import { fill } from "../lib/i18n/fill.ts";
import type { FeedMessages } from "../lib/i18n/en/feed.ts";

export interface LoadMoreProps {
  /** The page's own "Older posts" URL: what the link does without JavaScript. */
  href: string;
  /** The same list in the API, from where `href` starts (`/api/v1/timelines/home?max_id=…`). */
  api: string;
  context: StatusContext;
  /** Ids already on the page, so a status is never shown twice. */
  existingIds: string[];
  /** In the page's language (lib/i18n `feed`). */
  labels: FeedMessages;
}

const PAGE_SIZE = 20;

/**
 * "Older posts" at the end of a timeline. Without JavaScript it is a link to the next page; with
 * it, the next page comes from the API (its `Link` header says where the one after starts) and is
 * appended here, and the link moves on.
 */
export default function LoadMore(props: LoadMoreProps) {
  const [statuses, setStatuses] = useState<UiStatus[]>([]);
  const [card, setCard] = useState<
    { StatusCard: Awaited<ReturnType<typeof loadStatusCard>> } | null
  >(null);
  const [next, setNext] = useState<string | null>(withLimit(props.api));
  const [href, setHref] = useState(props.href);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const t = props.labels;

  async function load(event: Event) {
    if (!next) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(t.loadingOlder);
    try {
      const [page, StatusCard] = await Promise.all([
        apiPage<UiStatus>(next),
        loadStatusCard(),
      ]);
      setCard({ StatusCard });
      const seen = new Set([
        ...props.existingIds,
        ...statuses.map((s) => s.id),
      ]);
      const fresh = page.items.filter((s) => !seen.has(s.id));
      setStatuses([...statuses, ...fresh]);
      const more = page.items.length >= PAGE_SIZE && page.next !== null;
      setNext(more ? page.next : null);
      const last = page.items[page.items.length - 1];
      if (more && last) {
        const url = new URL(href, location.href);
        url.searchParams.set("max_id", last.id);
        setHref(url.pathname + url.search);
      }
      const loaded = fill(
        fresh.length === 1 ? t.olderLoadedOne : t.olderLoadedMany,
        { count: fresh.length },
      );
      setMessage(more ? loaded : `${loaded} ${t.everything}`);
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {statuses.length > 0 && card && (
        <div class="more-statuses">
          {statuses.map((status) => (
            <card.StatusCard
              key={status.id}
              status={status}
              context={props.context}
            />
          ))}
        </div>
      )}
      <div class="load-more">
        {next
          ? (
            <a
              class="button secondary"
              href={href}
              rel="next"
              onClick={load}
              aria-disabled={busy ? "true" : undefined}
            >
              {busy ? t.loading : t.olderPosts}
            </a>
          )
          : <p class="muted">{t.end}</p>}
        <p class="visually-hidden" role="status" aria-live="polite">
          {message}
        </p>
      </div>
    </>
  );
}

function withLimit(path: string): string {
  const url = new URL(path, "http://x");
  url.searchParams.set("limit", String(PAGE_SIZE));
  return url.pathname + url.search;
}
