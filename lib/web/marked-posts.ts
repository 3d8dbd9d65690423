/** The handler shared by `/bookmarks` and `/favourites`: the viewer's marked posts, paged. */
import { page } from "fresh";
import type { StatusRow } from "../db/statuses.ts";
import type { Queryable } from "../db/client.ts";
import type { PageQuery } from "../mastodon/pagination.ts";
import type { MarkedPostsData } from "../../components/MarkedPostsPage.tsx";
import {
  newerLink,
  olderLink,
  type PageContext,
  signInFirst,
  statusContext,
  uiStatuses,
  webPage,
} from "./pages.ts";

export function markedPostsHandler(
  load: (
    sql: Queryable,
    viewerId: string,
    page: PageQuery,
  ) => Promise<(StatusRow & { mark_id: string })[]>,
) {
  return async (ctx: PageContext) => {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const query = webPage(ctx.url);
    const rows = await load(ctx.state.deps.sql, session.account.id, query);
    return page<MarkedPostsData>({
      statuses: await uiStatuses(ctx, rows),
      context: statusContext(ctx),
      // Paged by when each was marked, as the API pages them.
      older: olderLink(
        ctx.url,
        rows.map((r) => ({ id: r.mark_id })),
        query.limit,
      ),
      newer: newerLink(ctx.url),
    });
  };
}
