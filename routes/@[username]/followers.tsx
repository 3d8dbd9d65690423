import { define } from "../../utils.ts";
import { accountListHandler } from "../../lib/web/profile.ts";
import { AccountListRoute } from "../../components/AccountListPage.tsx";

export const handler = define.handlers({
  GET: accountListHandler("followers"),
});

export default define.page<typeof handler>(AccountListRoute);
