import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import {
  messages,
  newerLink,
  olderLink,
  webPage,
} from "../../../lib/web/pages.ts";
import {
  type AccountFilter,
  listModeratedAccounts,
  type ModeratedAccount,
} from "../../../lib/moderation/mod.ts";

const STATUSES = [
  "active",
  "pending",
  "disabled",
  "silenced",
  "suspended",
] as const;

interface Row {
  id: string;
  handle: string;
  email: string | null;
  state: typeof STATUSES[number];
}

interface Data {
  query: Record<string, string>;
  rows: Row[];
  older: string | null;
  newer: string | null;
}

function stateOf(
  { account, user }: ModeratedAccount,
): typeof STATUSES[number] {
  if (account.suspended_at) return "suspended";
  if (user?.disabled) return "disabled";
  if (user && !user.approved) return "pending";
  if (account.silenced_at) return "silenced";
  return "active";
}

/** /admin/accounts — find accounts by username, domain, e-mail or IP, and by state. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const q = ctx.url.searchParams;
    const text = (name: string) => q.get(name)?.trim() || undefined;
    const status = STATUSES.find((s) => s === q.get("status"));
    const filter: AccountFilter = {
      origin: q.get("origin") === "local"
        ? "local"
        : q.get("origin") === "remote"
        ? "remote"
        : undefined,
      status,
      username: text("username"),
      byDomain: text("by_domain"),
      email: text("email"),
      ip: text("ip"),
    };
    const query = webPage(ctx.url);
    const views = await listModeratedAccounts(
      deps.sql,
      moderator ?? null,
      filter,
      query,
    );
    return page({
      query: Object.fromEntries(
        ["username", "by_domain", "email", "ip", "status", "origin"].map((
          k,
        ) => [
          k,
          q.get(k) ?? "",
        ]),
      ),
      rows: views.map((v) => ({
        id: v.account.id,
        handle: v.account.domain
          ? `@${v.account.username}@${v.account.domain}`
          : `@${v.account.username}`,
        email: v.user?.email ?? null,
        state: stateOf(v),
      })),
      older: olderLink(
        ctx.url,
        views.map((v) => v.account),
        query.limit,
      ),
      newer: newerLink(ctx.url),
    });
  },
});

export default define.page<typeof handler>(function Accounts({ data, state }) {
  const q = data.query;
  const { admin } = messages({ state });
  const t = messages({ state }).adminModeration.accounts;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <form method="get" action="/admin/accounts" class="card admin-search">
        <label>
          {t.username} <input name="username" value={q.username} />
        </label>
        <label>
          {t.domain} <input name="by_domain" value={q.by_domain} />
        </label>
        <label>
          {t.email} <input name="email" value={q.email} />
        </label>
        <label>
          {t.ip} <input name="ip" value={q.ip} />
        </label>
        <label>
          {t.state}{" "}
          <select name="status">
            <option value="">{t.any}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s} selected={q.status === s}>
                {t.states[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.origin}{" "}
          <select name="origin">
            <option value="">{t.any}</option>
            <option value="local" selected={q.origin === "local"}>
              {t.local}
            </option>
            <option value="remote" selected={q.origin === "remote"}>
              {t.remote}
            </option>
          </select>
        </label>
        <button type="submit">{admin.search}</button>
      </form>
      {data.rows.length === 0 && <p class="empty">{t.empty}</p>}
      <ul class="stack admin-accounts">
        {data.rows.map((r) => (
          <li key={r.id} class="card">
            <a href={`/admin/accounts/${r.id}`}>{r.handle}</a>
            {r.email && ` · ${r.email}`} ·{" "}
            <span class="state">{t.states[r.state]}</span>
          </li>
        ))}
      </ul>
      <nav class="pager">
        {data.newer && <a href={data.newer}>{admin.newer}</a>}
        {data.older && <a href={data.older}>{admin.older}</a>}
      </nav>
    </>
  );
});
