import { define } from "../../utils.ts";
import { relatedAccountsHandler } from "../../lib/web/related-accounts.ts";
import { relatedAccountsRoute } from "../../components/RelatedAccountsPage.tsx";

/** `/settings/mutes`: the accounts the viewer muted, each with a button to undo it. */
export const handler = define.handlers({
  GET: relatedAccountsHandler("mutes"),
});

export default define.page<typeof handler>(relatedAccountsRoute("mutes"));
