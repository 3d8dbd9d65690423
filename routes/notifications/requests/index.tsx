import { page } from "fresh";
import { define } from "../../../utils.ts";
import { listNotificationRequests } from "../../../lib/domain/notification-requests.ts";
import {
  getNotificationPolicy,
  type PolicyField,
  type PolicyValue,
} from "../../../lib/domain/notification-policy.ts";
import { NotificationPolicyForm } from "../../../components/NotificationPolicyForm.tsx";
import { renderNotificationRequests } from "../../../lib/mastodon/entities/notification-request.ts";
import {
  messages,
  newerLink,
  olderLink,
  signInFirst,
  statusContext,
  webPage,
} from "../../../lib/web/pages.ts";
import type { UiAccount, UiStatus } from "../../../components/mastodon.ts";
import {
  StatusCard,
  type StatusContext,
} from "../../../components/StatusCard.tsx";
import { AccountRow } from "../../../components/AccountRow.tsx";
import { Pagination } from "../../../components/Timeline.tsx";
import { Icon } from "../../../components/Icon.tsx";
import { PageHead } from "../../../components/PageHead.tsx";

interface Request {
  id: string;
  account: UiAccount;
  count: number;
  lastStatus: UiStatus | null;
}

interface Data {
  requests: Request[];
  context: StatusContext;
  older: string | null;
  newer: string | null;
  done: string | null;
  policy: Record<PolicyField, PolicyValue>;
}

/**
 * `/notifications/requests`: what the notification policy held back, one request per sender.
 * Accepting lets that sender's notifications (and future ones) through; dismissing drops them.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const { deps } = ctx.state;
    const query = webPage(ctx.url);
    const rows = await listNotificationRequests(
      deps.sql,
      session.account.id,
      query,
    );
    const rendered = await renderNotificationRequests({
      sql: deps.sql,
      origin: deps.config.origin,
      viewerId: session.account.id,
    }, rows);
    return page({
      requests: rendered.map((r) => ({
        id: r.id,
        account: r.account,
        count: Number(r.notifications_count),
        lastStatus: r.last_status || null,
      })),
      context: statusContext(ctx),
      older: olderLink(ctx.url, rows, query.limit),
      newer: newerLink(ctx.url),
      done: ctx.url.searchParams.get("done"),
      policy: await getNotificationPolicy(deps.sql, session.account.id),
    });
  },
});

export default define.page<typeof handler>(function NotificationRequests(
  { data, state },
) {
  const { notifications: t, timeline } = messages({ state });
  const answer = (request: Request, verb: "accept" | "dismiss") => (
    <form
      method="post"
      action={`/notifications/requests/${request.id}/${verb}`}
    >
      <input type="hidden" name="_csrf" value={state.csrfToken} />
      <button
        type="submit"
        class={verb === "accept" ? "small" : "small secondary"}
      >
        {verb === "accept" ? t.accept : t.dismiss}
        <span class="visually-hidden">@{request.account.acct}</span>
      </button>
    </form>
  );
  return (
    <>
      <PageHead title={t.filteredTitle} />
      <header class="page-header">
        <div>
          <h1>
            <Icon name="bell" size={22} /> {t.filteredTitle}
          </h1>
          <p>{t.filteredIntro}</p>
        </div>
        <a href="/notifications" class="button secondary small">
          {t.allNotifications}
        </a>
      </header>
      {data.done && (
        <p class="notice" role="status">
          {data.done === "accept"
            ? t.accepted
            : data.done === "policy"
            ? t.policySaved
            : t.dismissed}
        </p>
      )}
      <section class="timeline" aria-label={t.filteredTitle}>
        {data.requests.map((request) => (
          <div class="notification-request" key={request.id}>
            <AccountRow
              account={request.account}
              csrf={state.csrfToken}
              returnTo="/notifications/requests"
            >
              {answer(request, "accept")}
              {answer(request, "dismiss")}
            </AccountRow>
            <p class="request-count">
              {t.count(request.count)}
            </p>
            {request.lastStatus && (
              <StatusCard status={request.lastStatus} context={data.context} />
            )}
          </div>
        ))}
        {data.requests.length === 0 && <p class="empty">{t.noFiltered}</p>}
      </section>
      <Pagination older={data.older} newer={data.newer} labels={timeline} />
      <section class="card" aria-labelledby="policy-title">
        <h2 id="policy-title">{t.policyTitle}</h2>
        <NotificationPolicyForm
          policy={data.policy}
          csrf={state.csrfToken}
          labels={t}
        />
      </section>
    </>
  );
});
