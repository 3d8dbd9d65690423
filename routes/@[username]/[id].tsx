import { HttpError, page } from "fresh";
import { define } from "../../utils.ts";
import { getVisibleStatus } from "../../lib/domain/statuses.ts";
import { statusContext as threadOf } from "../../lib/domain/timelines.ts";
import {
  messages,
  statusContext,
  uiStatuses,
  viewerId,
} from "../../lib/web/pages.ts";
import { StatusCard } from "../../components/StatusCard.tsx";
import ComposeBox from "../../islands/ComposeBox.tsx";
import NewStatuses from "../../islands/NewStatuses.tsx";
import type { UiStatus, Visibility } from "../../components/mastodon.ts";
import type { StatusContext } from "../../components/StatusCard.tsx";
import { displayName } from "../../components/format.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { type PageHeadData, statusHead } from "../../lib/web/head.ts";

interface Data {
  status: UiStatus;
  ancestors: UiStatus[];
  descendants: UiStatus[];
  context: StatusContext;
  replyText: string;
  head: PageHeadData;
}

/** `/@alice/123`: one post in its thread — what it replies to, then the replies. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    const { deps, session } = ctx.state;
    const viewer = viewerId(ctx);
    const row = await getVisibleStatus(deps, viewer, ctx.params.id);
    const thread = await threadOf(deps.sql, viewer, row.id);
    const [status, ...rest] = await uiStatuses(
      ctx,
      [row, ...thread.ancestors, ...thread.descendants],
      "thread",
    );
    if (!status) throw new HttpError(404);
    const shown = status.reblog ?? status;
    if (
      shown.account.acct.toLowerCase() !== ctx.params.username.toLowerCase()
    ) {
      return ctx.redirect(`/@${shown.account.acct}/${shown.id}`, 301);
    }
    const ancestorIds = new Set(thread.ancestors.map((s) => s.id));
    // Replies start with the mentions of the thread, as in Mastodon (not one's own).
    const mentions = [shown.account, ...shown.mentions]
      .map((m) => m.acct)
      .filter((acct, i, all) =>
        acct !== session?.account.username && all.indexOf(acct) === i
      );
    return page({
      status: shown,
      ancestors: rest.filter((s) => ancestorIds.has(s.id)),
      descendants: rest.filter((s) => !ancestorIds.has(s.id)),
      context: statusContext(ctx),
      replyText: mentions.map((a) => `@${a} `).join(""),
      head: statusHead(shown, deps.config.host, messages(ctx).thread),
    });
  },
});

export default define.page<typeof handler>(
  function StatusPage({ data, state }) {
    const { status, context } = data;
    const t = messages({ state }).thread;
    return (
      <>
        <PageHead {...data.head} />
        <h1 class="visually-hidden">
          {t.postBy(displayName(status.account))}
        </h1>
        <section class="timeline thread" aria-label={t.conversation}>
          {data.ancestors.map((s) => (
            <StatusCard key={s.id} status={s} context={context} />
          ))}
          <StatusCard status={status} context={context} focused />
          {state.session && (
            <div class="status reply-box" id="compose">
              <ComposeBox
                csrf={state.csrfToken}
                defaultVisibility={(status.visibility === "public"
                  ? state.session.user.default_privacy
                  : status.visibility) as Visibility}
                maxCharacters={500}
                inReplyToId={status.id}
                initialText={data.replyText}
                returnTo={context.returnTo}
                idPrefix="reply"
                labels={messages({ state }).compose.box}
                locale={state.locale ?? "en"}
              />
            </div>
          )}
          {state.session && <NewStatuses context={context} existingIds={[]} />}
          {data.descendants.map((s) => (
            <StatusCard key={s.id} status={s} context={context} />
          ))}
        </section>
      </>
    );
  },
);
