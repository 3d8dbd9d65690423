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

const MEASURE_NAMES: Record<string, string> = {
  new_users: "New users",
  active_users: "Active users",
  interactions: "Interactions",
  opened_reports: "Reports opened",
  resolved_reports: "Reports resolved",
};

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
  return (
    <>
      <PageHead title="Moderation · Dashboard" />
      <h1>Dashboard</h1>
      {!state.deps.config.mail.smtp && (
        <p class="notice" role="alert">
          E-mail is not configured (<code>SMTP_URL</code>{" "}
          is not set): no mail is sent. Confirmation links, password resets,
          warnings and notifications are written to the server log instead, and
          new accounts are confirmed at once.
        </p>
      )}
      <section class="card">
        <dl class="admin-counts">
          <Count label="Open reports">
            <a href="/admin/reports">{data.openReports}</a>
          </Count>
          <Count label="Users">{data.localUsers}</Count>
        </dl>
      </section>
      <section class="card" aria-labelledby="last-days">
        <h2 id="last-days">Last {DASHBOARD_DAYS} days</h2>
        <dl class="admin-counts">
          {data.measures.map((m) => (
            <Count label={MEASURE_NAMES[m.key] ?? m.key}>
              {m.total}
              {m.previousTotal !== undefined && (
                <small>
                  (previous {DASHBOARD_DAYS} days: {m.previousTotal})
                </small>
              )}
            </Count>
          ))}
        </dl>
      </section>
      <section class="card" aria-labelledby="server">
        <h2 id="server">Server</h2>
        <dl class="admin-counts">
          <Count label="Jobs waiting">{data.jobsDue}</Count>
          <Count label="Jobs parked">{data.jobsParked}</Count>
          {data.federationDue !== null && (
            <Count label="Federation queue">{data.federationDue}</Count>
          )}
          <Count label="Media stored">{humanBytes(data.mediaBytes)}</Count>
        </dl>
      </section>
    </>
  );
});
