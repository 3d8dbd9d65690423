import { define } from "../utils.ts";
import { bookmarks } from "../lib/domain/timelines.ts";
import { markedPostsHandler } from "../lib/web/marked-posts.ts";
import { markedPostsRoute } from "../components/MarkedPostsPage.tsx";

/** `/bookmarks`: the posts the viewer bookmarked, newest bookmark first. */
export const handler = define.handlers({ GET: markedPostsHandler(bookmarks) });

export default define.page<typeof handler>(
  markedPostsRoute("bookmarks", "bookmark"),
);
