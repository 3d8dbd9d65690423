import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { listModeratedAccounts } from "../../../lib/moderation/mod.ts";
import { messages } from "../../../lib/web/pages.ts";

interface Data {
  rows: {
    id: string;
    username: string;
    email: string;
    reason: string;
    /** Where it signed up from (null for accounts made before it was kept). */
    ip: string | null;
  }[];
}

/** /admin/accounts/pending — sign-ups waiting for approval (REGISTRATIONS=approval). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const views = await listModeratedAccounts(
      deps.sql,
      moderator ?? null,
      { status: "pending", origin: "local" },
      { limit: 100 },
    );
    return page({
      rows: views.map((v) => ({
        id: v.account.id,
        username: v.account.username,
        email: v.user?.email ?? "",
        reason: v.user?.registration_reason ?? "",
        ip: v.user?.sign_up_ip ?? null,
      })),
    });
  },
});

export default define.page<typeof handler>(function Pending({ data, state }) {
  const { admin, adminModeration } = messages({ state });
  const t = adminModeration.pending;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      {data.rows.length === 0 && <p class="empty">{t.empty}</p>}
      <ul class="stack pending-accounts">
        {data.rows.map((r) => (
          <li key={r.id} class="card">
            <a href={`/admin/accounts/${r.id}`}>@{r.username}</a> · {r.email}
            {r.ip && <span class="sign-up-ip">{t.from(r.ip)}</span>}
            {r.reason && <blockquote>{r.reason}</blockquote>}
            <div class="report-actions">
              {(["approve", "reject"] as const).map((action) => (
                <form
                  key={action}
                  method="post"
                  action={`/admin/accounts/${r.id}/${action}`}
                >
                  <input type="hidden" name="_csrf" value={state.csrfToken} />
                  <button type="submit" class="small">
                    {action === "approve" ? admin.approve : admin.reject}
                  </button>
                </form>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
});
