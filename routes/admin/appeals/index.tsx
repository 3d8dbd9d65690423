import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { findAccountsByIds } from "../../../lib/db/accounts.ts";
import { listAppeals } from "../../../lib/moderation/mod.ts";
import { messages } from "../../../lib/web/pages.ts";

interface Data {
  appeals: {
    id: string;
    accountId: string;
    handle: string;
    text: string;
    at: string;
  }[];
}

/** /admin/appeals — appeals waiting for a decision (`manage_appeals`), with approve/reject. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const rows = await listAppeals(deps.sql, moderator ?? null);
    const accounts = new Map(
      (await findAccountsByIds(deps.sql, rows.map((r) => r.account_id)))
        .map((a) => [a.id, a]),
    );
    return page({
      appeals: rows.map((r) => ({
        id: r.id,
        accountId: String(r.account_id),
        handle: accounts.has(String(r.account_id))
          ? `@${accounts.get(String(r.account_id))!.username}`
          : messages(ctx).admin.gone,
        text: r.text,
        at: r.created_at.toISOString(),
      })),
    });
  },
});

export default define.page<typeof handler>(function Appeals({ data, state }) {
  const { admin, adminModeration } = messages({ state });
  const t = adminModeration.appeals;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      {data.appeals.length === 0 && <p class="empty">{t.empty}</p>}
      <ul class="stack appeals">
        {data.appeals.map((a) => (
          <li key={a.id} class="card">
            <a href={`/admin/accounts/${a.accountId}`}>{a.handle}</a>{" "}
            <time datetime={a.at}>
              {formatDateTime(a.at, state.locale ?? "en")}
            </time>
            <blockquote>{a.text}</blockquote>
            <div class="report-actions">
              {(["approve", "reject"] as const).map((decision) => (
                <form
                  key={decision}
                  method="post"
                  action={`/admin/appeals/${a.id}/${decision}`}
                >
                  <input type="hidden" name="_csrf" value={state.csrfToken} />
                  <button type="submit" class="small">
                    {decision === "approve" ? t.approve : t.reject}
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
