import { define } from "../utils.ts";
import { bookmarks } from "../lib/domain/timelines.ts";
import { markedPostsHandler } from "../lib/web/marked-posts.ts";
import { MarkedPostsPage } from "../components/MarkedPostsPage.tsx";

/** `/bookmarks`: the posts the viewer bookmarked, newest bookmark first. */
export const handler = define.handlers({ GET: markedPostsHandler(bookmarks) });

export default define.page<typeof handler>(({ data }) => (
  <MarkedPostsPage
    data={data}
    title="Bookmarks"
    icon="bookmark"
    api="/api/v1/bookmarks"
    empty="No bookmarks yet. Bookmark a post to find it here later."
  />
));
