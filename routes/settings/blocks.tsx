import { define } from "../../utils.ts";
import { relatedAccountsHandler } from "../../lib/web/related-accounts.ts";
import { relatedAccountsRoute } from "../../components/RelatedAccountsPage.tsx";

/** `/settings/blocks`: the accounts the viewer blocked, each with a button to undo it. */
export const handler = define.handlers({
  GET: relatedAccountsHandler("blocks"),
});

export default define.page<typeof handler>(relatedAccountsRoute("blocks"));
