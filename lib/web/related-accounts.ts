/** The handler shared by the muted and blocked accounts pages: the viewer's list, paged. */
import { page } from "fresh";
import { listRelated } from "../domain/relationships.ts";
import type { UiAccount } from "../../components/mastodon.ts";
import {
  newerLink,
  olderLink,
  type PageContext,
  signInFirst,
  uiAccount,
  webPage,
} from "./pages.ts";

export interface RelatedAccountsData {
  accounts: UiAccount[];
  older: string | null;
  newer: string | null;
  returnTo: string;
}

export function relatedAccountsHandler(kind: "mutes" | "blocks") {
  return async (ctx: PageContext) => {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const query = webPage(ctx.url);
    const rows = await listRelated(
      ctx.state.deps,
      kind,
      session.account.id,
      query,
    );
    return page<RelatedAccountsData>({
      accounts: rows.map((row) => uiAccount(ctx, row)),
      older: olderLink(
        ctx.url,
        rows.map((r) => ({ id: r.page_id })),
        query.limit,
      ),
      newer: newerLink(ctx.url),
      returnTo: ctx.url.pathname,
    });
  };
}
