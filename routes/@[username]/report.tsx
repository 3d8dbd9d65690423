import { page } from "fresh";
import { define } from "../../utils.ts";
import { lookupAccount } from "../../lib/domain/profiles.ts";
import { postReport, reportFormData } from "../../lib/web/report.ts";
import {
  messages,
  type PageContext,
  signInFirst,
  uiAccount,
} from "../../lib/web/pages.ts";
import type { UiAccount } from "../../components/mastodon.ts";
import {
  ReportForm,
  type ReportFormData,
  ReportSent,
} from "../../components/ReportForm.tsx";
import { AccountRow } from "../../components/AccountRow.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import { fill } from "../../lib/i18n/fill.ts";

interface Data {
  account: UiAccount;
  form: ReportFormData;
  sent: boolean;
}

const target = (ctx: PageContext) =>
  lookupAccount(
    ctx.state.deps.sql,
    ctx.params.username,
    ctx.state.deps.config.host,
  );

/** `/@bob/report`: report an account (no particular post) to this server's moderators. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    const account = await target(ctx);
    return page({
      account: uiAccount(ctx, account),
      form: await reportFormData(ctx, account),
      sent: ctx.url.searchParams.has("sent"),
    });
  },
  async POST(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    const account = await target(ctx);
    return await postReport(ctx, account, [], async (errors) => ({
      account: uiAccount(ctx, account),
      form: await reportFormData(ctx, account, errors),
      sent: false,
    }));
  },
});

export default define.page<typeof handler>(function ReportAccount(
  { data, state },
) {
  const back = `/@${data.account.acct}`;
  const t = messages({ state }).report;
  if (data.sent) return <ReportSent back={back} labels={t} />;
  const title = fill(t.title, { acct: data.account.acct });
  return (
    <section class="card narrow" aria-labelledby="report-title">
      <PageHead title={title} />
      <h1 id="report-title">{title}</h1>
      <AccountRow
        account={data.account}
        csrf={state.csrfToken}
        returnTo={back}
      />
      <ReportForm
        data={data.form}
        csrf={state.csrfToken}
        back={back}
        labels={t}
      />
    </section>
  );
});
