import { define } from "../utils.ts";
import { bookmarks } from "../lib/domain/timelines.ts";
import { markedPostsHandler } from "../lib/web/marked-posts.ts";
import { MarkedPostsPage } from "../components/MarkedPostsPage.tsx";
import { messages } from "../lib/web/pages.ts";

/** `/bookmarks`: the posts the viewer bookmarked, newest bookmark first. */
export const handler = define.handlers({ GET: markedPostsHandler(bookmarks) });

export default define.page<typeof handler>(({ data, state }) => {
  const t = messages({ state }).timeline;
  return (
    <MarkedPostsPage
      data={data}
      title={t.bookmarks}
      icon="bookmark"
      api="/api/v1/bookmarks"
      empty={t.bookmarksEmpty}
      labels={t}
    />
  );
});
