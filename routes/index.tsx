import { page } from "fresh";
import { define } from "../utils.ts";
import { publicTimeline } from "../lib/domain/timelines.ts";
import { instanceOverview } from "../lib/domain/instance.ts";
import { messages, statusContext, uiStatuses } from "../lib/web/pages.ts";
import { StatusCard } from "../components/StatusCard.tsx";
import type { UiStatus } from "../components/mastodon.ts";
import type { StatusContext } from "../components/StatusCard.tsx";
import { PageHead } from "../components/PageHead.tsx";

interface Data {
  preview: UiStatus[];
  context: StatusContext;
  users: number;
  posts: number;
  peers: number;
  title: string;
  registrationsOpen: boolean;
}

/** The landing page: what this server is, the way in, and a taste of its local timeline. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (ctx.state.session) return ctx.redirect("/home");
    const { sql } = ctx.state.deps;
    const [rows, overview] = await Promise.all([
      publicTimeline(sql, null, { local: true }, { limit: 5 }),
      instanceOverview(ctx.state.deps),
    ]);
    return page({
      preview: await uiStatuses(ctx, rows, "public"),
      context: statusContext(ctx),
      users: Number(overview.stats.user_count ?? 0),
      posts: Number(overview.stats.status_count ?? 0),
      peers: Number(overview.stats.domain_count ?? 0),
      title: overview.settings.title,
      registrationsOpen: overview.settings.registrationsMode !== "closed",
    });
  },
});

export default define.page<typeof handler>(function Landing({ data, state }) {
  const t = messages({ state }).about;
  return (
    <>
      <PageHead title={data.title} />
      <section class="card hero">
        <span class="brand-mark" aria-hidden="true">✦</span>
        <h1>{data.title}</h1>
        <p class="lead">{t.landingLead}</p>
        <p class="actions">
          {data.registrationsOpen && (
            <a class="button" href="/auth/sign_up">{t.createAccount}</a>
          )}
          <a class="button secondary" href="/auth/sign_in">{t.signIn}</a>
        </p>
        <dl class="stats">
          <div>
            <dt>{t.people}</dt>
            <dd>
              <strong>{t.number(data.users)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t.posts}</dt>
            <dd>
              <strong>{t.number(data.posts)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t.serversKnown}</dt>
            <dd>
              <strong>{t.number(data.peers)}</strong>
            </dd>
          </div>
        </dl>
      </section>
      <h2 class="section-title">{t.recentlyOn(data.title)}</h2>
      <section class="timeline" aria-label={t.recentLocalPosts}>
        {data.preview.map((status) => (
          <StatusCard key={status.id} status={status} context={data.context} />
        ))}
        {data.preview.length === 0 && <p class="empty">{t.noPublicPosts}</p>}
      </section>
      {data.preview.length > 0 && (
        <p class="pagination">
          <a class="button secondary older" href="/public/local">
            {t.wholeLocalTimeline} →
          </a>
        </p>
      )}
    </>
  );
});
