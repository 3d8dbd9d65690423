import { page } from "fresh";
import { define } from "../../utils.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { formatDateTime } from "../../components/format.ts";
import { type AuditLogRow, readAuditLog } from "../../lib/moderation/mod.ts";
import { messages } from "../../lib/web/pages.ts";
import type { AdminMessages } from "../../lib/i18n/en/admin.ts";

const PAGE_SIZE = 40;

interface Data {
  entries: (AuditLogRow & { username: string | null })[];
  actions: string[];
  moderators: { id: string; username: string }[];
  action: string;
  accountId: string;
  older: string | null;
}

/**
 * /admin/audit_log — what moderators did, newest first (`view_audit_log`): who, what, to
 * what, when; filtered by action and by moderator, a page at a time.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const query = ctx.url.searchParams;
    const action = query.get("action_type") ?? "";
    const accountId = query.get("account_id") ?? "";
    const log = await readAuditLog(deps.sql, moderator ?? null, {
      action: action || undefined,
      accountId: accountId || undefined,
      maxId: query.get("max_id") ?? undefined,
      limit: PAGE_SIZE,
    });
    let older: string | null = null;
    if (log.entries.length === PAGE_SIZE) {
      const next = new URLSearchParams(query);
      next.set("max_id", log.entries[log.entries.length - 1].id);
      older = `/admin/audit_log?${next}`;
    }
    return page({ ...log, action, accountId, older });
  },
});

function targetOf(
  entry: AuditLogRow,
  t: AdminMessages["auditLog"],
): string {
  const name = entry.human_identifier ?? "";
  if (entry.target_type === "Settings") return t.settingsTarget(name);
  const type = t.targets[entry.target_type] ?? entry.target_type;
  return `${type} ${name || `#${entry.target_id}`}`;
}

export default define.page<typeof handler>(function AuditLog({ data, state }) {
  const { admin } = messages({ state });
  const t = admin.auditLog;
  const actionName = (action: string) =>
    (t.actions as Record<string, string>)[action] ?? action;
  return (
    <>
      <PageHead title={`${admin.administration} · ${t.title}`} />
      <h1>{t.title}</h1>
      <form method="get" action="/admin/audit_log" class="card filters">
        <label>
          {t.action}
          <select name="action_type">
            <option value="">{t.allActions}</option>
            {data.actions.map((a) => (
              <option value={a} selected={a === data.action}>
                {actionName(a)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t.moderator}
          <select name="account_id">
            <option value="">{t.everyone}</option>
            {data.moderators.map((m) => (
              <option value={m.id} selected={m.id === data.accountId}>
                @{m.username}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">{t.filter}</button>
      </form>
      {data.entries.length === 0
        ? <p class="empty">{t.empty}</p>
        : (
          <table class="admin-table">
            <thead>
              <tr>
                <th>{t.who}</th>
                <th>{t.action}</th>
                <th>{t.target}</th>
                <th>{t.when}</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((entry) => (
                <tr>
                  <td>{entry.username ? `@${entry.username}` : t.deleted}</td>
                  <td>{actionName(entry.action)}</td>
                  <td>{targetOf(entry, t)}</td>
                  <td>
                    {formatDateTime(
                      entry.created_at.toISOString(),
                      state.locale ?? "en",
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      {data.older && (
        <p>
          <a href={data.older} rel="next">{t.olderEntries}</a>
        </p>
      )}
    </>
  );
});
