import type { ComponentChildren } from "preact";
import { page } from "fresh";
import { define } from "../../utils.ts";
import { PageHead } from "../../components/PageHead.tsx";
import {
  can,
  DASHBOARD_DAYS,
  type DashboardCounts,
  dashboardCounts,
  humanBytes,
} from "../../lib/moderation/mod.ts";
import { messages } from "../../lib/web/pages.ts";

/** /admin — the dashboard: what waits for moderators, the last 30 days, the backlog. */
export const handler = define.handlers<DashboardCounts>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    // Someone who may handle reports but not see the dashboard goes where they can work.
    if (!can(moderator ?? null, "view_dashboard")) {
      return ctx.redirect("/admin/reports");
    }
    return page(
      await dashboardCounts(deps.sql, moderator ?? null, {
        // The embedded database keeps Fedify's queue in Deno KV, not in the table.
        federationTable: deps.dbKind === "postgres",
      }),
    );
  },
});

function Count(
  { label, children }: { label: string; children: ComponentChildren },
) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default define.page<typeof handler>(function Dashboard(
  { data, state },
) {
  const t = messages({ state }).admin;
  const d = t.dashboard;
  return (
    <>
      <PageHead title={`${t.moderation} · ${d.title}`} />
      <h1>{d.title}</h1>
      {!state.deps.config.mail.smtp && (
        <p class="notice" role="alert">
          {d.noMailStart}
          <code>SMTP_URL</code> {d.noMail}
        </p>
      )}
      <section class="card">
        <dl class="admin-counts">
          <Count label={d.openReports}>
            <a href="/admin/reports">{data.openReports}</a>
          </Count>
          <Count label={d.users}>{data.localUsers}</Count>
        </dl>
      </section>
      <section class="card" aria-labelledby="last-days">
        <h2 id="last-days">{d.lastDays(DASHBOARD_DAYS)}</h2>
        <dl class="admin-counts">
          {data.measures.map((m) => (
            <Count label={d.measures[m.key] ?? m.key}>
              {m.total}
              {m.previousTotal !== undefined && (
                <small>{d.previous(DASHBOARD_DAYS, m.previousTotal)}</small>
              )}
            </Count>
          ))}
        </dl>
      </section>
      <section class="card" aria-labelledby="server">
        <h2 id="server">{d.server}</h2>
        <dl class="admin-counts">
          <Count label={d.jobsWaiting}>{data.jobsDue}</Count>
          <Count label={d.jobsParked}>{data.jobsParked}</Count>
          {data.federationDue !== null && (
            <Count label={d.federationQueue}>{data.federationDue}</Count>
          )}
          <Count label={d.mediaStored}>{humanBytes(data.mediaBytes)}</Count>
        </dl>
      </section>
    </>
  );
});
