import { page } from "fresh";
import { define } from "../../utils.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { formatDateTime } from "../../components/format.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { fill } from "../../lib/i18n/fill.ts";
import { severedRelationshipsOf } from "../../lib/moderation/mod.ts";
import type { RelationshipSeveranceEvent } from "../../lib/mastodon/entities/types.ts";

interface Data {
  events: RelationshipSeveranceEvent[];
}

/**
 * /severed_relationships — the follows and followers the signed-in user lost to moderation
 * (Mastodon 4.3's page): one line per event, with the lists as CSV files (`following.csv`
 * can be imported again elsewhere).
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    return page({
      events: await severedRelationshipsOf(
        ctx.state.deps.sql,
        session.account.id,
      ),
    });
  },
});

export default define.page<typeof handler>(function Severed({ data, state }) {
  const t = messages({ state }).settings.severed;
  return (
    <>
      <PageHead title={t.title} />
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {data.events.length === 0 && <p class="empty">{t.none}</p>}
      <ul class="stack severed-events">
        {data.events.map((event) => {
          const [before, on, after] = t.reasons[event.type];
          return (
            <li key={event.id} class="card">
              <p>
                {before}
                <strong>{event.target_name}</strong>
                {on}
                <time datetime={event.created_at}>
                  {formatDateTime(event.created_at, state.locale ?? "en")}
                </time>
                {after}
              </p>
              <p>
                <a href={`/severed_relationships/${event.id}/following.csv`}>
                  {fill(t.followingLost, { count: event.following_count })}
                </a>{" "}
                ·{" "}
                <a href={`/severed_relationships/${event.id}/followers.csv`}>
                  {fill(t.followersLost, { count: event.followers_count })}
                </a>
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
});
