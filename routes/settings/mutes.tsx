import { define } from "../../utils.ts";
import { relatedAccountsHandler } from "../../lib/web/related-accounts.ts";
import { RelatedAccountsPage } from "../../components/RelatedAccountsPage.tsx";
import { messages } from "../../lib/web/pages.ts";

/** `/settings/mutes`: the accounts the viewer muted, each with a button to undo it. */
export const handler = define.handlers({
  GET: relatedAccountsHandler("mutes"),
});

export default define.page<typeof handler>(({ data, state }) => (
  <RelatedAccountsPage
    data={data}
    csrf={state.csrfToken}
    kind="mutes"
    t={messages({ state }).settings}
    paging={messages({ state }).timeline}
  />
));
