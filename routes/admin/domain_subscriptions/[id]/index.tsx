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

function describe(draft: DraftRow): string {
  if (draft.action === "delete") return "unblock (the list dropped it)";
  const also = [
    draft.reject_media && "reject media",
    draft.reject_reports && "reject reports",
    draft.obfuscate && "obfuscate",
  ].filter(Boolean);
  return `${
    draft.action === "create" ? "block" : "change to"
  } ${draft.severity}${also.length ? ` (${also.join(", ")})` : ""}`;
}

export default define.page<typeof handler>(function Subscription(
  { data, state },
) {
  const { subscription: s, drafts } = data;
  const action = `/admin/domain_subscriptions/${s.id}`;
  const pending = drafts.filter((d) => !d.rejected);
  const rejected = drafts.filter((d) => d.rejected);
  const csrf = <input type="hidden" name="_csrf" value={state.csrfToken} />;
  return (
    <>
      <PageHead title="Moderation · Blocklist subscription" />
      <h1>Blocklist: {s.url}</h1>
      <p>
        Last fetched:{" "}
        {s.fetched_at ? formatDateTime(s.fetched_at.toISOString()) : "never"}
      </p>
      {s.fetch_error && <p class="error" role="alert">{s.fetch_error}</p>}
      <form method="post" action={action}>
        {csrf}
        <button type="submit" name="do" value="refresh">Fetch now</button>
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
          Apply changes automatically
        </label>
        <button type="submit">Save</button>
      </form>
      <h2>Waiting for review</h2>
      {pending.length === 0
        ? <p class="empty">No change is waiting.</p>
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
                    {d.domain}: {describe(d)}
                    {d.public_comment && <>· “{d.public_comment}”</>}
                  </label>
                </li>
              ))}
            </ul>
            <button type="submit" name="do" value="approve">
              Apply selected
            </button>{" "}
            <button type="submit" name="do" value="reject">
              Reject selected
            </button>
          </form>
        )}
      {rejected.length > 0 && (
        <>
          <h2>Rejected</h2>
          <p>Not asked again while the list proposes the same change.</p>
          <ul>
            {rejected.map((d) => (
              <li key={d.domain}>{d.domain}: {describe(d)}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`${action}/delete`}>Unsubscribe…</a>
      </p>
    </>
  );
});
