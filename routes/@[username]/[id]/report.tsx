import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { getVisibleStatus } from "../../../lib/domain/statuses.ts";
import { findAccount } from "../../../lib/domain/profiles.ts";
import { postReport, reportFormData } from "../../../lib/web/report.ts";
import {
  messages,
  type PageContext,
  signInFirst,
  uiStatuses,
} from "../../../lib/web/pages.ts";
import type { UiStatus } from "../../../components/mastodon.ts";
import { StatusCard } from "../../../components/StatusCard.tsx";
import {
  ReportForm,
  type ReportFormData,
  ReportSent,
} from "../../../components/ReportForm.tsx";
import { PageHead } from "../../../components/PageHead.tsx";
import { fill } from "../../../lib/i18n/fill.ts";

interface Data {
  status: UiStatus;
  form: ReportFormData;
  sent: boolean;
}

async function visible(ctx: PageContext) {
  if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
  const row = await getVisibleStatus(
    ctx.state.deps,
    ctx.state.session!.account.id,
    ctx.params.id,
  );
  return { row, author: await findAccount(ctx.state.deps.sql, row.account_id) };
}

async function load(ctx: PageContext, errors: string[] = []): Promise<Data> {
  const { row, author } = await visible(ctx);
  const [status] = await uiStatuses(ctx, [row]);
  return {
    status,
    form: await reportFormData(ctx, author, errors),
    sent: ctx.url.searchParams.has("sent"),
  };
}

/** `/@bob/123/report`: report a post to this server's moderators. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page(await load(ctx));
  },
  async POST(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    const { row, author } = await visible(ctx);
    return await postReport(ctx, author, [row.id], (e) => load(ctx, e));
  },
});

export default define.page<typeof handler>(function Report({ data, state }) {
  const { status } = data;
  const back = `/@${status.account.acct}/${status.id}`;
  const { report: t, status: statusLabels, poll } = messages({ state });
  if (data.sent) return <ReportSent back={back} labels={t} />;
  const title = fill(t.title, { acct: status.account.acct });
  return (
    <section class="card narrow" aria-labelledby="report-title">
      <PageHead title={title} />
      <h1 id="report-title">{title}</h1>
      <StatusCard
        status={status}
        context={{
          signedIn: false,
          csrf: state.csrfToken,
          returnTo: back,
          labels: statusLabels,
          locale: state.locale,
          poll,
        }}
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
