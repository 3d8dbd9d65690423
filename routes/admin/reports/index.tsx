import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { formatDateTime } from "../../../components/format.ts";
import {
  messages,
  newerLink,
  olderLink,
  webPage,
} from "../../../lib/web/pages.ts";
import type { AccountRow } from "../../../lib/db/accounts.ts";
import type { ReportRow } from "../../../lib/db/reports.ts";
import { accountsOfReports, listReports } from "../../../lib/moderation/mod.ts";

interface QueueEntry {
  id: string;
  category: string;
  comment: string;
  createdAt: string;
  reporter: string;
  target: string;
  statusCount: number;
  assignee: string | null;
}

interface Data {
  resolved: boolean;
  entries: QueueEntry[];
  older: string | null;
  newer: string | null;
}

function handleOf(account: AccountRow | undefined, gone: string): string {
  if (!account) return gone;
  return account.domain
    ? `@${account.username}@${account.domain}`
    : `@${account.username}`;
}

function entry(
  r: ReportRow,
  accounts: Map<string, AccountRow>,
  gone: string,
): QueueEntry {
  const handle = (id: string) => handleOf(accounts.get(id), gone);
  return {
    id: r.id,
    category: r.category,
    comment: r.comment,
    createdAt: r.created_at.toISOString(),
    reporter: handle(r.account_id),
    target: handle(r.target_account_id),
    statusCount: r.status_ids.length,
    assignee: r.assigned_account_id ? handle(r.assigned_account_id) : null,
  };
}

/** /admin/reports — the queue: open reports (the default), or resolved ones; newest first. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const resolved = ctx.url.searchParams.get("resolved") === "1";
    const query = webPage(ctx.url);
    const reports = await listReports(
      deps.sql,
      moderator ?? null,
      { resolved },
      query,
    );
    const accounts = await accountsOfReports(deps.sql, reports);
    return page({
      resolved,
      entries: reports.map((r) => entry(r, accounts, messages(ctx).admin.gone)),
      older: olderLink(ctx.url, reports, query.limit),
      newer: newerLink(ctx.url),
    });
  },
});

export default define.page<typeof handler>(function ReportQueue(
  { data, state },
) {
  const { admin, adminModeration } = messages({ state });
  const t = adminModeration.reports;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <nav class="settings-nav" aria-label={t.stateLabel}>
        <a
          href="/admin/reports"
          aria-current={data.resolved ? undefined : "page"}
        >
          {t.open}
        </a>
        <a
          href="/admin/reports?resolved=1"
          aria-current={data.resolved ? "page" : undefined}
        >
          {t.resolved}
        </a>
      </nav>
      {data.entries.length === 0 && (
        <p class="empty">
          {data.resolved ? t.noResolved : t.noOpen}
        </p>
      )}
      <ul class="stack report-queue">
        {data.entries.map((r) => (
          <li key={r.id} class="card report-entry">
            <h2>
              <a href={`/admin/reports/${r.id}`}>
                {t.about(r.id, r.target)}
              </a>
            </h2>
            <p>
              {adminModeration.categories[r.category] ?? r.category} ·{" "}
              {t.by(r.reporter)} ·{" "}
              <time datetime={r.createdAt}>
                {formatDateTime(r.createdAt, state.locale ?? "en")}
              </time>
              {r.statusCount > 0 && ` · ${t.posts(r.statusCount)}`}
              {r.assignee && ` · ${t.assignedTo(r.assignee)}`}
            </p>
            {r.comment && <blockquote>{r.comment}</blockquote>}
          </li>
        ))}
      </ul>
      <nav class="pager">
        {data.newer && <a href={data.newer}>{admin.newer}</a>}
        {data.older && <a href={data.older}>{admin.older}</a>}
      </nav>
    </>
  );
});
