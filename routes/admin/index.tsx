import { page } from "fresh";
import { define } from "../../utils.ts";
import { PageHead } from "../../components/PageHead.tsx";
import {
  can,
  type DashboardCounts,
  dashboardCounts,
} from "../../lib/moderation/mod.ts";

/** /admin — the dashboard: what waits for moderators. (More measures come with more data.) */
export const handler = define.handlers<DashboardCounts>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    // Someone who may handle reports but not see the dashboard goes where they can work.
    if (!can(moderator ?? null, "view_dashboard")) {
      return ctx.redirect("/admin/reports");
    }
    return page(await dashboardCounts(deps.sql, moderator ?? null));
  },
});

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
          <div>
            <dt>Open reports</dt>
            <dd>
              <a href="/admin/reports">{data.openReports}</a>
            </dd>
          </div>
          <div>
            <dt>Users</dt>
            <dd>{data.localUsers}</dd>
          </div>
        </dl>
      </section>
    </>
  );
});
