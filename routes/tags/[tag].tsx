import { page } from "fresh";
import { define } from "../../utils.ts";
import { tagTimeline } from "../../lib/domain/timelines.ts";
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

interface Data extends TimelinePageData {
  tag: string;
}

/** `/tags/:tag`: public posts with the hashtag, from here and elsewhere. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const tag = ctx.params.tag.replace(/^#/, "").normalize("NFKC")
      .toLowerCase();
    const query = webPage(ctx.url);
    const rows = await tagTimeline(
      ctx.state.deps.sql,
      viewerId(ctx),
      { tag },
      query,
    );
    return page({
      tag,
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
      data={data}
      title={`#${data.tag}`}
      description={t.tagDescription(data.tag)}
      stream={`hashtag&tag=${encodeURIComponent(data.tag)}`}
      api={`/api/v1/timelines/tag/${encodeURIComponent(data.tag)}`}
      empty={t.tagEmpty(data.tag)}
      labels={t}
    />
  );
});
