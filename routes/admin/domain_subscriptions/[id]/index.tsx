import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import { formatDateTime } from "../../../../components/format.ts";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  approveDrafts,
  type DraftRow,
  getSubscription,
  refreshSubscription,
  rejectDrafts,
  setSubscriptionAutoApply,
  type SubscriptionRow,
} from "../../../../lib/moderation/mod.ts";
import { messages } from "../../../../lib/web/pages.ts";
import type { AdminFederationMessages } from "../../../../lib/i18n/en/adminFederation.ts";

interface Data {
  subscription: SubscriptionRow;
  drafts: DraftRow[];
}

/**
 * /admin/domain_subscriptions/:id — one list: its state, the changes waiting for review
 * (approve or reject the ticked ones), fetch now, switch automatic applying. Each button posts
 * `do`; the page works without JavaScript.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    return page(
      await getSubscription(deps.sql, moderator ?? null, ctx.params.id),
    );
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const actor = moderator ?? null;
    const { id } = ctx.params;
    const domains = form.getAll("domain").map(String);
    switch (form.get("do")) {
      case "approve":
        await approveDrafts(deps, actor, id, domains);
        break;
      case "reject":
        await rejectDrafts(deps.sql, actor, id, domains);
        break;
      case "refresh":
        await getSubscription(deps.sql, actor, id);
        await refreshSubscription(deps, id);
        break;
      case "auto_apply":
        await setSubscriptionAutoApply(
          deps,
          actor,
          id,
          form.get("auto_apply") === "1",
        );
        break;
    }
    return ctx.redirect(`/admin/domain_subscriptions/${id}`, 303);
  },
});

function describe(draft: DraftRow, m: AdminFederationMessages): string {
  const t = m.subscriptions;
  if (draft.action === "delete") return t.dropped;
  const also = [
    draft.reject_media && t.rejectMedia,
    draft.reject_reports && t.rejectReports,
    draft.obfuscate && t.obfuscate,
  ].filter(Boolean);
  const severity = m.severities[draft.severity] ?? draft.severity;
  return `${draft.action === "create" ? t.block : t.changeTo} ${severity}${
    also.length ? ` (${also.join(", ")})` : ""
  }`;
}

export default define.page<typeof handler>(function Subscription(
  { data, state },
) {
  const { subscription: s, drafts } = data;
  const action = `/admin/domain_subscriptions/${s.id}`;
  const pending = drafts.filter((d) => !d.rejected);
  const rejected = drafts.filter((d) => d.rejected);
  const csrf = <input type="hidden" name="_csrf" value={state.csrfToken} />;
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.subscriptions;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.oneTitle}`} />
      <h1>{t.heading(s.url)}</h1>
      <p>
        {t.lastFetchedColon} {s.fetched_at
          ? formatDateTime(s.fetched_at.toISOString(), state.locale ?? "en")
          : admin.never}
      </p>
      {s.fetch_error && <p class="error" role="alert">{s.fetch_error}</p>}
      <form method="post" action={action}>
        {csrf}
        <button type="submit" name="do" value="refresh">{t.fetchNow}</button>
      </form>
      <form method="post" action={action} class="card">
        {csrf}
        <input type="hidden" name="do" value="auto_apply" />
        <label>
          <input
            type="checkbox"
            name="auto_apply"
            value="1"
            checked={s.auto_apply}
          />{" "}
          {t.applyAutomatically}
        </label>
        <button type="submit">{admin.save}</button>
      </form>
      <h2>{t.waitingTitle}</h2>
      {pending.length === 0
        ? <p class="empty">{t.nothingWaiting}</p>
        : (
          <form method="post" action={action}>
            {csrf}
            <ul class="plain-list">
              {pending.map((d) => (
                <li>
                  <label>
                    <input
                      type="checkbox"
                      name="domain"
                      value={d.domain}
                      checked
                    />{" "}
                    {d.domain}: {describe(d, adminFederation)}
                    {d.public_comment && <>· “{d.public_comment}”</>}
                  </label>
                </li>
              ))}
            </ul>
            <button type="submit" name="do" value="approve">
              {t.applySelected}
            </button>{" "}
            <button type="submit" name="do" value="reject">
              {t.rejectSelected}
            </button>
          </form>
        )}
      {rejected.length > 0 && (
        <>
          <h2>{t.rejected}</h2>
          <p>{t.rejectedHint}</p>
          <ul>
            {rejected.map((d) => (
              <li key={d.domain}>
                {d.domain}: {describe(d, adminFederation)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`${action}/delete`}>{t.unsubscribeLink}</a>
      </p>
    </>
  );
});
