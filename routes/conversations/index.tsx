import { page } from "fresh";
import { define } from "../../utils.ts";
import { listConversations } from "../../lib/domain/conversations.ts";
import { renderConversations } from "../../lib/mastodon/entities/conversation.ts";
import {
  newerLink,
  olderLink,
  signInFirst,
  statusContext,
  webPage,
} from "../../lib/web/pages.ts";
import type { UiAccount, UiStatus } from "../../components/mastodon.ts";
import type { StatusContext } from "../../components/StatusCard.tsx";
import { StatusCard } from "../../components/StatusCard.tsx";
import { PostButton } from "../../components/PostButton.tsx";
import { Icon } from "../../components/Icon.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import { displayName } from "../../components/format.ts";

interface Conversation {
  id: string;
  unread: boolean;
  accounts: UiAccount[];
  last_status: UiStatus | null;
}

interface Data {
  conversations: Conversation[];
  context: StatusContext;
  older: string | null;
  newer: string | null;
}

/**
 * `/conversations`: the viewer's direct messages, one row per conversation (its other
 * participants and last post), newest first, unread ones marked; open, mark read or remove.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const { deps } = ctx.state;
    const query = webPage(ctx.url);
    const rows = await listConversations(deps.sql, session.account.id, query);
    const conversations = await renderConversations({
      sql: deps.sql,
      origin: deps.config.origin,
      viewerId: session.account.id,
      mediaUrl: (key) => deps.media.url(key),
    }, rows);
    return page({
      conversations,
      context: statusContext(ctx),
      // Paged by the last post, as the API pages them.
      older: olderLink(
        ctx.url,
        rows.map((r) => ({ id: r.last_status_id! })),
        query.limit,
      ),
      newer: newerLink(ctx.url),
    });
  },
});

function participants(accounts: UiAccount[]): string {
  return accounts.map((a) => `${displayName(a)} (@${a.acct})`).join(", ");
}

export default define.page<typeof handler>(function Conversations(
  { data, state },
) {
  const { context } = data;
  return (
    <>
      <PageHead title="Direct messages" />
      <header class="page-header">
        <h1>
          <Icon name="mail" size={22} /> Direct messages
        </h1>
        <a class="button small" href="/compose?visibility=direct">
          New message
        </a>
      </header>
      <section class="timeline conversations" aria-label="Conversations">
        {data.conversations.map((c) => {
          const headingId = `conversation-${c.id}`;
          // Each button names its conversation for screen readers.
          const about = (
            <span class="visually-hidden">
              {` the conversation with ${participants(c.accounts)}`}
            </span>
          );
          return (
            <section
              key={c.id}
              class={c.unread ? "conversation unread" : "conversation"}
              aria-labelledby={headingId}
            >
              <header class="conversation-header">
                <h2 id={headingId}>
                  {c.unread && <span class="chip">Unread</span>} With{" "}
                  {participants(c.accounts)}
                </h2>
                <div class="conversation-actions">
                  <a class="button small" href={`/conversations/${c.id}`}>
                    Open{about}
                  </a>
                  {c.unread && (
                    <PostButton
                      action={`/conversations/${c.id}`}
                      csrf={state.csrfToken}
                      returnTo={context.returnTo}
                      fields={{ op: "read" }}
                    >
                      Mark read{about}
                    </PostButton>
                  )}
                  <PostButton
                    action={`/conversations/${c.id}`}
                    csrf={state.csrfToken}
                    returnTo={context.returnTo}
                    fields={{ op: "remove" }}
                  >
                    Remove{about}
                  </PostButton>
                </div>
              </header>
              {c.last_status && (
                <StatusCard status={c.last_status} context={context} />
              )}
            </section>
          );
        })}
        {data.conversations.length === 0 && (
          <p class="empty">
            No direct messages yet. A post whose visibility is “Mentioned people
            only” starts one.
          </p>
        )}
      </section>
      {(data.older || data.newer) && (
        <nav class="pager" aria-label="More conversations">
          {data.newer && <a href={data.newer}>Newer conversations</a>}
          {data.older && <a href={data.older}>Older conversations</a>}
        </nav>
      )}
    </>
  );
});
