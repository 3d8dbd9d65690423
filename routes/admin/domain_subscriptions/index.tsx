import { formError } from "../../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import {
  listSubscriptions,
  subscribe,
  type SubscriptionRow,
} from "../../../lib/moderation/mod.ts";
import { messages } from "../../../lib/web/pages.ts";

interface Data {
  subscriptions: (SubscriptionRow & { pending: number })[];
  url: string;
  error: string | null;
}

/**
 * /admin/domain_subscriptions — blocklists the instance follows (`manage_federation`), and a
 * form to subscribe to one: it is fetched at once, and its changes wait as drafts unless
 * "apply automatically" is chosen.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    return page({
      subscriptions: await listSubscriptions(deps.sql, moderator ?? null),
      url: "",
      error: null,
    });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const url = String(form.get("url") ?? "");
    try {
      const row = await subscribe(deps, moderator ?? null, {
        url,
        autoApply: form.get("auto_apply") === "1",
      });
      return ctx.redirect(`/admin/domain_subscriptions/${row.id}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === "validation")) {
        throw error;
      }
      return page({
        subscriptions: await listSubscriptions(deps.sql, moderator ?? null),
        url,
        error: formError(messages(ctx), error),
      }, { status: 422 });
    }
  },
});

export default define.page<typeof handler>(function Subscriptions(
  { data, state },
) {
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.subscriptions;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {data.subscriptions.length === 0
        ? <p class="empty">{t.empty}</p>
        : (
          <table class="admin-table">
            <thead>
              <tr>
                <th>{t.list}</th>
                <th>{t.changes}</th>
                <th>{t.lastFetched}</th>
              </tr>
            </thead>
            <tbody>
              {data.subscriptions.map((s) => (
                <tr>
                  <td>
                    <a href={`/admin/domain_subscriptions/${s.id}`}>{s.url}</a>
                  </td>
                  <td>
                    {s.auto_apply ? t.autoApplied : t.waiting(s.pending)}
                  </td>
                  <td>
                    {s.fetched_at
                      ? formatDateTime(
                        s.fetched_at.toISOString(),
                        state.locale ?? "en",
                      )
                      : admin.never}
                    {s.fetch_error && <>· {s.fetch_error}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      <h2>{t.subscribeTitle}</h2>
      {data.error && <p class="error" role="alert">{data.error}</p>}
      <form method="post" action="/admin/domain_subscriptions" class="card">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.url}
          <input type="url" name="url" required value={data.url} />
        </label>
        <label>
          <input type="checkbox" name="auto_apply" value="1" /> {t.autoApply}
        </label>
        <button type="submit">{t.subscribe}</button>
      </form>
    </>
  );
});
