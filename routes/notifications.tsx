import { page } from "fresh";
import { define } from "../utils.ts";
import { listNotifications } from "../lib/domain/notifications.ts";
import { pendingRequestsSummary } from "../lib/domain/notification-requests.ts";
import { renderNotifications } from "../lib/mastodon/entities/notification.ts";
import {
  messages,
  newerLink,
  olderLink,
  signInFirst,
  statusContext,
  webPage,
} from "../lib/web/pages.ts";
import { markNotificationsRead } from "../lib/web/notifications.ts";
import type { UiNotification } from "../components/mastodon.ts";
import type { StatusContext } from "../components/StatusCard.tsx";
import { NotificationItem } from "../components/NotificationItem.tsx";
import { Pagination } from "../components/Timeline.tsx";
import { Icon } from "../components/Icon.tsx";
import { PageHead } from "../components/PageHead.tsx";

interface Data {
  notifications: UiNotification[];
  /** How many were unread when the page was asked for (for the title). */
  unread: number;
  context: StatusContext;
  /** Held back by the notification policy: shown as a link to review them. */
  filtered: { people: number; notifications: number };
  older: string | null;
  newer: string | null;
}

/** Mentions, follows, boosts and favourites of the signed-in user; seeing them marks them read. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const { deps } = ctx.state;
    const query = webPage(ctx.url);
    const rows = await listNotifications(
      deps.sql,
      session.account.id,
      {},
      query,
    );
    const notifications = await renderNotifications({
      sql: deps.sql,
      origin: deps.config.origin,
      viewerId: session.account.id,
    }, rows);
    const unread = ctx.state.unreadNotifications ?? 0;
    if (rows.length > 0 && !ctx.url.searchParams.has("max_id")) {
      await markNotificationsRead(deps, session.account.id, rows[0].id);
      ctx.state.unreadNotifications = 0;
    }
    const pending = await pendingRequestsSummary(deps.sql, session.account.id);
    return page({
      notifications,
      unread,
      filtered: {
        people: pending.pending_requests_count,
        notifications: pending.pending_notifications_count,
      },
      context: statusContext(ctx),
      older: olderLink(ctx.url, rows, query.limit),
      newer: newerLink(ctx.url),
    });
  },
});

export default define.page<typeof handler>(
  function Notifications({ data, state }) {
    const { notifications: t, notification, timeline } = messages({ state });
    return (
      <>
        <PageHead
          title={data.unread > 0 ? t.titleUnread(data.unread) : t.title}
        />
        <header class="page-header">
          <h1>
            <Icon name="bell" size={22} /> {t.title}
          </h1>
          <a href="/follow_requests" class="button secondary small">
            {t.followRequests}
          </a>
        </header>
        {data.filtered.notifications > 0 && (
          <a href="/notifications/requests" class="card filtered-link">
            <Icon name="bell" />{" "}
            <span>
              {t.filteredSummary(
                data.filtered.notifications,
                data.filtered.people,
              )}
            </span>{" "}
            <span class="filtered-review">{t.review}</span>
          </a>
        )}
        <section class="timeline" aria-label={t.title}>
          {data.notifications.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              context={data.context}
              labels={notification}
            />
          ))}
          {data.notifications.length === 0 && <p class="empty">{t.empty}</p>}
        </section>
        <Pagination
          older={data.older}
          newer={data.newer}
          labels={timeline}
          olderLabel={t.older}
          newerLabel={t.newer}
        />
      </>
    );
  },
);
