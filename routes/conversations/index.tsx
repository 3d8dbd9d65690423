import { page } from "fresh";
import { define } from "../../utils.ts";
import { listConversations } from "../../lib/domain/conversations.ts";
import { renderConversations } from "../../lib/mastodon/entities/conversation.ts";
import {
  messages,
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
  const t = messages({ state }).conversations;
  return (
    <>
      <PageHead title={t.title} />
      <header class="page-header">
        <h1>
          <Icon name="mail" size={22} /> {t.title}
        </h1>
        <a class="button small" href="/compose?visibility=direct">
          {t.newMessage}
        </a>
      </header>
      <section class="timeline conversations" aria-label={t.conversations}>
        {data.conversations.map((c) => {
          const headingId = `conversation-${c.id}`;
          // Each button names its conversation for screen readers.
          const about = (
            <span class="visually-hidden">
              {t.theConversationWith(participants(c.accounts))}
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
                  {c.unread && <span class="chip">{t.unread}</span>}{" "}
                  {t.with(participants(c.accounts))}
                </h2>
                <div class="conversation-actions">
                  <a class="button small" href={`/conversations/${c.id}`}>
                    {t.open}
                    {about}
                  </a>
                  {c.unread && (
                    <PostButton
                      action={`/conversations/${c.id}`}
                      csrf={state.csrfToken}
                      returnTo={context.returnTo}
                      fields={{ op: "read" }}
                    >
                      {t.markRead}
                      {about}
                    </PostButton>
                  )}
                  <PostButton
                    action={`/conversations/${c.id}`}
                    csrf={state.csrfToken}
                    returnTo={context.returnTo}
                    fields={{ op: "remove" }}
                  >
                    {t.remove}
                    {about}
                  </PostButton>
                </div>
              </header>
              {c.last_status && (
                <StatusCard status={c.last_status} context={context} />
              )}
            </section>
          );
        })}
        {data.conversations.length === 0 && <p class="empty">{t.empty}</p>}
      </section>
      {(data.older || data.newer) && (
        <nav class="pager" aria-label={t.more}>
          {data.newer && <a href={data.newer}>{t.newer}</a>}
          {data.older && <a href={data.older}>{t.older}</a>}
        </nav>
      )}
    </>
  );
});
