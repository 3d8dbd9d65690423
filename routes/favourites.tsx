import { define } from "../utils.ts";
import { favourites } from "../lib/domain/timelines.ts";
import { markedPostsHandler } from "../lib/web/marked-posts.ts";
import { markedPostsRoute } from "../components/MarkedPostsPage.tsx";

/** `/favourites`: the posts the viewer favourited, newest favourite first. */
export const handler = define.handlers({ GET: markedPostsHandler(favourites) });

export default define.page<typeof handler>(
  markedPostsRoute("favourites", "star"),
);
