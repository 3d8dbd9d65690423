import { define } from "../utils.ts";
import { favourites } from "../lib/domain/timelines.ts";
import { markedPostsHandler } from "../lib/web/marked-posts.ts";
import { MarkedPostsPage } from "../components/MarkedPostsPage.tsx";
import { messages } from "../lib/web/pages.ts";

/** `/favourites`: the posts the viewer favourited, newest favourite first. */
export const handler = define.handlers({ GET: markedPostsHandler(favourites) });

export default define.page<typeof handler>(({ data, state }) => {
  const t = messages({ state }).timeline;
  return (
    <MarkedPostsPage
      data={data}
      title={t.favourites}
      icon="star"
      api="/api/v1/favourites"
      empty={t.favouritesEmpty}
      labels={t}
    />
  );
});
