import { page } from "fresh";
import { define } from "../../utils.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { formatDateTime } from "../../components/format.ts";
import { signInFirst } from "../../lib/web/pages.ts";
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

const REASONS: Record<RelationshipSeveranceEvent["type"], string> = {
  domain_block: "This server's moderators blocked",
  user_domain_block: "You blocked",
  account_suspension: "This server's moderators suspended",
};

export default define.page<typeof handler>(function Severed({ data }) {
  return (
    <>
      <PageHead title="Severed relationships" />
      <h1>Severed relationships</h1>
      <p>
        Follows and followers you lost because a server or an account was
        blocked or suspended. Each list can be downloaded.
      </p>
      {data.events.length === 0 && (
        <p class="empty">No relationships were severed.</p>
      )}
      <ul class="stack severed-events">
        {data.events.map((event) => (
          <li key={event.id} class="card">
            <p>
              {REASONS[event.type]} <strong>{event.target_name}</strong> on{" "}
              <time datetime={event.created_at}>
                {formatDateTime(event.created_at)}
              </time>.
            </p>
            <p>
              <a href={`/severed_relationships/${event.id}/following.csv`}>
                Follows lost: {event.following_count}
              </a>{" "}
              ·{" "}
              <a href={`/severed_relationships/${event.id}/followers.csv`}>
                Followers lost: {event.followers_count}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
});
