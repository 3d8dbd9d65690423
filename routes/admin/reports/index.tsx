import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { newerLink, olderLink, webPage } from "../../../lib/web/pages.ts";
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

function handle(account: AccountRow | undefined): string {
  if (!account) return "(gone)";
  return account.domain
    ? `@${account.username}@${account.domain}`
    : `@${account.username}`;
}

function entry(r: ReportRow, accounts: Map<string, AccountRow>): QueueEntry {
  return {
    id: r.id,
    category: r.category,
    comment: r.comment,
    createdAt: r.created_at.toISOString(),
    reporter: handle(accounts.get(r.account_id)),
    target: handle(accounts.get(r.target_account_id)),
    statusCount: r.status_ids.length,
    assignee: r.assigned_account_id
      ? handle(accounts.get(r.assigned_account_id))
      : null,
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
      entries: reports.map((r) => entry(r, accounts)),
      older: olderLink(ctx.url, reports, query.limit),
      newer: newerLink(ctx.url),
    });
  },
});

export default define.page<typeof handler>(function ReportQueue({ data }) {
  return (
    <>
      <PageHead title="Moderation · Reports" />
      <h1>Reports</h1>
      <nav class="settings-nav" aria-label="Report state">
        <a
          href="/admin/reports"
          aria-current={data.resolved ? undefined : "page"}
        >
          Open
        </a>
        <a
          href="/admin/reports?resolved=1"
          aria-current={data.resolved ? "page" : undefined}
        >
          Resolved
        </a>
      </nav>
      {data.entries.length === 0 && (
        <p class="empty">
          {data.resolved ? "No resolved reports." : "No open reports."}
        </p>
      )}
      <ul class="stack report-queue">
        {data.entries.map((r) => (
          <li key={r.id} class="card report-entry">
            <h2>
              <a href={`/admin/reports/${r.id}`}>
                Report #{r.id} about {r.target}
              </a>
            </h2>
            <p>
              {r.category} · by {r.reporter} ·{" "}
              <time datetime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
              {r.statusCount > 0 && ` · ${r.statusCount} post(s)`}
              {r.assignee && ` · assigned to ${r.assignee}`}
            </p>
            {r.comment && <blockquote>{r.comment}</blockquote>}
          </li>
        ))}
      </ul>
      <nav class="pager">
        {data.newer && <a href={data.newer}>Newer</a>}
        {data.older && <a href={data.older}>Older</a>}
      </nav>
    </>
  );
});
