import { page } from "fresh";
import { define } from "../../utils.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { formatDateTime } from "../../components/format.ts";
import { type AuditLogRow, readAuditLog } from "../../lib/moderation/mod.ts";

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

function targetOf(entry: AuditLogRow): string {
  const name = entry.human_identifier ?? "";
  if (entry.target_type === "Settings") return `Server settings: ${name}`;
  return `${entry.target_type} ${name || `#${entry.target_id}`}`;
}

export default define.page<typeof handler>(function AuditLog({ data }) {
  return (
    <>
      <PageHead title="Administration · Audit log" />
      <h1>Audit log</h1>
      <form method="get" action="/admin/audit_log" class="card filters">
        <label>
          Action
          <select name="action_type">
            <option value="">All actions</option>
            {data.actions.map((a) => (
              <option value={a} selected={a === data.action}>{a}</option>
            ))}
          </select>
        </label>{" "}
        <label>
          Moderator
          <select name="account_id">
            <option value="">Everyone</option>
            {data.moderators.map((m) => (
              <option value={m.id} selected={m.id === data.accountId}>
                @{m.username}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">Filter</button>
      </form>
      {data.entries.length === 0
        ? <p class="empty">Nothing was logged.</p>
        : (
          <table class="admin-table">
            <thead>
              <tr>
                <th>Who</th>
                <th>Action</th>
                <th>Target</th>
                <th>When</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((entry) => (
                <tr>
                  <td>{entry.username ? `@${entry.username}` : "(deleted)"}</td>
                  <td>{entry.action}</td>
                  <td>{targetOf(entry)}</td>
                  <td>{formatDateTime(entry.created_at.toISOString())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      {data.older && (
        <p>
          <a href={data.older} rel="next">Older entries</a>
        </p>
      )}
    </>
  );
});
