import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { getList } from "../../../lib/domain/lists.ts";
import { listTimeline } from "../../../lib/domain/timelines.ts";
import {
  messages,
  newerLink,
  olderLink,
  signInFirst,
  statusContext,
  uiStatuses,
  webPage,
} from "../../../lib/web/pages.ts";
import type { UiStatus } from "../../../components/mastodon.ts";
import type { StatusContext } from "../../../components/StatusCard.tsx";
import { Timeline } from "../../../components/Timeline.tsx";
import { Icon } from "../../../components/Icon.tsx";
import { PageHead } from "../../../components/PageHead.tsx";

interface Data {
  id: string;
  title: string;
  statuses: UiStatus[];
  context: StatusContext;
  older: string | null;
  newer: string | null;
}

/** `/lists/:id`: the list's timeline, live like Home. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    const { sql } = ctx.state.deps;
    const list = await getList(sql, session.account.id, ctx.params.id);
    const query = webPage(ctx.url);
    const rows = await listTimeline(sql, session.account.id, list.id, query);
    return page({
      id: list.id,
      title: list.title,
      statuses: await uiStatuses(ctx, rows, "home"),
      context: statusContext(ctx),
      older: olderLink(ctx.url, rows, query.limit),
      newer: newerLink(ctx.url),
    });
  },
});

export default define.page<typeof handler>(
  function ListTimeline({ data, state }) {
    const { lists: t, timeline } = messages({ state });
    return (
      <>
        <PageHead title={data.title} />
        <header class="page-header">
          <h1>
            <Icon name="list" size={22} /> {data.title}
          </h1>
          <a class="button secondary small" href={`/lists/${data.id}/edit`}>
            {t.editList}
          </a>
        </header>
        <Timeline
          statuses={data.statuses}
          context={data.context}
          label={data.title}
          older={data.older}
          newer={data.newer}
          stream={`list&list=${data.id}`}
          api={`/api/v1/timelines/list/${data.id}`}
          empty={t.timelineEmpty}
          labels={timeline}
        />
      </>
    );
  },
);
