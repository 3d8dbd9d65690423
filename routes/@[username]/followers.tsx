import { define } from "../../utils.ts";
import { messages } from "../../lib/web/pages.ts";
import { accountListHandler } from "../../lib/web/profile.ts";
import { AccountListPage } from "../../components/AccountListPage.tsx";

export const handler = define.handlers({
  GET: accountListHandler("followers"),
});

export default define.page<typeof handler>(({ data, state }) => {
  const t = messages({ state });
  return (
    <AccountListPage
      data={data}
      csrf={state.csrfToken}
      labels={t.profile}
      paging={t.timeline}
    />
  );
});
