import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { newerLink, olderLink, webPage } from "../../../lib/web/pages.ts";
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
  state: string;
}

interface Data {
  query: Record<string, string>;
  rows: Row[];
  older: string | null;
  newer: string | null;
}

function stateOf({ account, user }: ModeratedAccount): string {
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

export default define.page<typeof handler>(function Accounts({ data }) {
  const q = data.query;
  return (
    <>
      <PageHead title="Moderation · Accounts" />
      <h1>Accounts</h1>
      <form method="get" action="/admin/accounts" class="card admin-search">
        <label>
          Username <input name="username" value={q.username} />
        </label>
        <label>
          Domain <input name="by_domain" value={q.by_domain} />
        </label>
        <label>
          E-mail <input name="email" value={q.email} />
        </label>
        <label>
          IP <input name="ip" value={q.ip} />
        </label>
        <label>
          State{" "}
          <select name="status">
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s} selected={q.status === s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Origin{" "}
          <select name="origin">
            <option value="">any</option>
            <option value="local" selected={q.origin === "local"}>local</option>
            <option value="remote" selected={q.origin === "remote"}>
              remote
            </option>
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      {data.rows.length === 0 && <p class="empty">No accounts match.</p>}
      <ul class="stack admin-accounts">
        {data.rows.map((r) => (
          <li key={r.id} class="card">
            <a href={`/admin/accounts/${r.id}`}>{r.handle}</a>
            {r.email && ` · ${r.email}`} · <span class="state">{r.state}</span>
          </li>
        ))}
      </ul>
      <nav class="pager">
        {data.newer && <a href={data.newer}>Newer</a>}
        {data.older && <a href={data.older}>Older</a>}
      </nav>
    </>
  );
});
