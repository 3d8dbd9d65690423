import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import {
  StatusCard,
  type StatusContext,
} from "../../../../components/StatusCard.tsx";
import { formatDateTime } from "../../../../components/format.ts";
import type { UiStatus } from "../../../../components/mastodon.ts";
import type { AccountRow } from "../../../../lib/db/accounts.ts";
import { field } from "../../../../lib/web/forms.ts";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  messages,
  statusContext,
  uiStatuses,
} from "../../../../lib/web/pages.ts";
import {
  addNote,
  MAX_NOTE_LENGTH,
  reportCase,
} from "../../../../lib/moderation/mod.ts";

interface Data {
  id: string;
  category: string;
  comment: string;
  forwarded: boolean;
  remote: boolean;
  createdAt: string;
  resolvedAt: string | null;
  reporter: string;
  target: string;
  targetPath: string;
  assignee: string | null;
  assignedToMe: boolean;
  resolvedBy: string | null;
  statuses: UiStatus[];
  context: StatusContext;
  notes: { id: string; author: string; content: string; createdAt: string }[];
  history: { id: string; who: string; action: string; at: string }[];
}

function handle(account: AccountRow | undefined, gone: string): string {
  if (!account) return gone;
  return account.domain
    ? `@${account.username}@${account.domain}`
    : `@${account.username}`;
}

/**
 * /admin/reports/:id — one report with the posts it is about (whatever their visibility), its
 * notes and history, and the moderator's actions. POST adds a note.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const c = await reportCase(deps.sql, moderator ?? null, ctx.params.id);
    const r = c.report;
    const { admin, adminModeration } = messages(ctx);
    const words = adminModeration.report.historyActions;
    const who = (id: string | null) =>
      id ? handle(c.accounts.get(id), admin.gone) : null;
    const target = c.accounts.get(r.target_account_id);
    return page({
      id: r.id,
      category: r.category,
      comment: r.comment,
      forwarded: r.forwarded,
      remote: r.uri !== null,
      createdAt: r.created_at.toISOString(),
      resolvedAt: r.action_taken_at?.toISOString() ?? null,
      reporter: who(r.account_id)!,
      target: who(r.target_account_id)!,
      targetPath: target && !target.domain
        ? `/@${target.username}`
        : target?.url ?? target?.uri ?? "#",
      assignee: who(r.assigned_account_id),
      assignedToMe: r.assigned_account_id === moderator?.accountId,
      resolvedBy: who(r.action_taken_by_account_id),
      statuses: await uiStatuses(ctx, c.statuses),
      context: statusContext(ctx),
      notes: c.notes.map((n) => ({
        id: n.id,
        author: who(n.account_id)!,
        content: n.content,
        createdAt: n.created_at.toISOString(),
      })),
      history: c.history.map((h) => ({
        id: h.id,
        who: who(h.account_id) ?? admin.gone,
        action: words[h.action] ?? h.action,
        at: h.created_at.toISOString(),
      })),
    });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await addNote(
      deps.sql,
      moderator ?? null,
      ctx.params.id,
      field(form, "content"),
    );
    return ctx.redirect(`/admin/reports/${ctx.params.id}`, 303);
  },
});

function ActionButton(
  { id, action, label, csrf }: {
    id: string;
    action: string;
    label: string;
    csrf: string;
  },
) {
  return (
    <form method="post" action={`/admin/reports/${id}/${action}`}>
      <input type="hidden" name="_csrf" value={csrf} />
      <button type="submit" class="small">{label}</button>
    </form>
  );
}

export default define.page<typeof handler>(function Report(props) {
  const { data, state } = props;
  const csrf = state.csrfToken;
  const context = data.context;
  const { admin, adminModeration } = messages(props);
  const t = adminModeration.report;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title(data.id)}`} />
      <h1>{t.title(data.id)}</h1>
      <section class="card report-summary">
        <dl>
          <dt>{t.reportedAccount}</dt>
          <dd>
            <a href={data.targetPath}>{data.target}</a>
          </dd>
          <dt>{t.reportedBy}</dt>
          <dd>
            {data.reporter}
            {data.remote && t.fromElsewhere}
          </dd>
          <dt>{t.category}</dt>
          <dd>{adminModeration.categories[data.category] ?? data.category}</dd>
          <dt>{t.filed}</dt>
          <dd>
            <time datetime={data.createdAt}>
              {formatDateTime(data.createdAt, state.locale ?? "en")}
            </time>
          </dd>
          <dt>{t.state}</dt>
          <dd class="report-state">
            {data.resolvedAt
              ? t.resolvedBy(data.resolvedBy ?? admin.gone)
              : t.open}
          </dd>
          <dt>{t.assignedTo}</dt>
          <dd class="report-assignee">{data.assignee ?? t.nobody}</dd>
        </dl>
        {data.comment && <blockquote>{data.comment}</blockquote>}
        <div class="report-actions">
          {data.assignedToMe
            ? (
              <ActionButton
                id={data.id}
                action="unassign"
                label={t.unassign}
                csrf={csrf}
              />
            )
            : (
              <ActionButton
                id={data.id}
                action="assign_to_self"
                label={t.assignToMe}
                csrf={csrf}
              />
            )}
          {data.resolvedAt
            ? (
              <ActionButton
                id={data.id}
                action="reopen"
                label={t.reopen}
                csrf={csrf}
              />
            )
            : (
              <ActionButton
                id={data.id}
                action="resolve"
                label={t.resolve}
                csrf={csrf}
              />
            )}
        </div>
      </section>
      <section>
        <h2>{t.reportedPosts}</h2>
        {data.statuses.length === 0 && <p class="empty">{t.noPosts}</p>}
        {data.statuses.map((status) => (
          <StatusCard key={status.id} status={status} context={context} />
        ))}
      </section>
      <section class="card">
        <h2>{t.notes}</h2>
        {data.notes.length === 0 && <p class="empty">{t.noNotes}</p>}
        <ul class="stack report-notes">
          {data.notes.map((n) => (
            <li key={n.id}>
              <p>
                <strong>{n.author}</strong>{" "}
                <time datetime={n.createdAt}>
                  {formatDateTime(n.createdAt, state.locale ?? "en")}
                </time>
              </p>
              <p class="report-note-content">{n.content}</p>
            </li>
          ))}
        </ul>
        <form method="post" action={`/admin/reports/${data.id}`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <label for="note-content">{t.addNoteLabel}</label>
          <textarea
            id="note-content"
            name="content"
            required
            maxLength={MAX_NOTE_LENGTH}
            rows={3}
          />
          <button type="submit">{t.addNote}</button>
        </form>
      </section>
      <section class="card">
        <h2>{t.history}</h2>
        <ol class="report-history">
          <li>
            <time datetime={data.createdAt}>
              {formatDateTime(data.createdAt, state.locale ?? "en")}
            </time>{" "}
            {t.reportedByLine(data.reporter)}
          </li>
          {data.history.map((h) => (
            <li key={h.id}>
              <time datetime={h.at}>
                {formatDateTime(h.at, state.locale ?? "en")}
              </time>{" "}
              {h.who} {h.action}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
});
