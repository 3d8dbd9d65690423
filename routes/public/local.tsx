import { page } from "fresh";
import { define } from "../../utils.ts";
import { publicTimeline } from "../../lib/domain/timelines.ts";
import {
  messages,
  newerLink,
  olderLink,
  statusContext,
  uiStatuses,
  viewerId,
  webPage,
} from "../../lib/web/pages.ts";
import {
  PublicTimelinePage,
  type TimelinePageData,
} from "../../components/PublicTimelinePage.tsx";

export const handler = define.handlers<TimelinePageData>({
  async GET(ctx) {
    const query = webPage(ctx.url);
    const rows = await publicTimeline(
      ctx.state.deps.sql,
      viewerId(ctx),
      { local: true },
      query,
    );
    return page({
      statuses: await uiStatuses(ctx, rows, "public"),
      context: statusContext(ctx),
      older: olderLink(ctx.url, rows, query.limit),
      newer: newerLink(ctx.url),
    });
  },
});

export default define.page<typeof handler>(({ data, state }) => {
  const t = messages({ state }).timeline;
  return (
    <PublicTimelinePage
      feed="local"
      data={data}
      title={t.localTitle}
      icon="users"
      description={t.localDescription(state.deps.config.host)}
      stream="public:local"
      api="/api/v1/timelines/public?local=true"
      empty={t.localEmpty}
      labels={t}
    />
  );
});
