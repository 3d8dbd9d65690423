/**
 * The handler shared by `/severed_relationships/:id/following.csv` and `followers.csv`: one of
 * the signed-in user's lists as Mastodon's CSV download (someone else's event is a 404).
 */
import {
  severedAccounts,
  severedAccountsCsv,
  type SeveredDirection,
} from "../moderation/mod.ts";
import { type PageContext, signInFirst } from "./pages.ts";

export function severedListCsv(direction: SeveredDirection) {
  return async (ctx: PageContext): Promise<Response> => {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const rows = await severedAccounts(
      ctx.state.deps.sql,
      session.account.id,
      ctx.params.id,
      direction,
    );
    return new Response(severedAccountsCsv(rows, direction), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition":
          `attachment; filename="${direction}-${ctx.params.id}.csv"`,
      },
    });
  };
}
