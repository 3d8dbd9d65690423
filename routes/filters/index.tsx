import { page } from "fresh";
import { define } from "../../utils.ts";
import { deleteFilter, listFilters } from "../../lib/domain/filters.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { actionLabel, contextLabel } from "../../components/FilterFields.tsx";
import { PostButton } from "../../components/PostButton.tsx";
import { Icon } from "../../components/Icon.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import { formatDateTime } from "../../components/format.ts";

interface FilterSummary {
  id: string;
  title: string;
  context: string[];
  action: string;
  keywords: string[];
  expiresAt: string | null;
  expired: boolean;
}

interface Data {
  filters: FilterSummary[];
  notice: Notice | null;
}

const NOTICES = ["created", "saved", "deleted"] as const;
type Notice = typeof NOTICES[number];

/**
 * `/filters`: the viewer's filters (v2) — keywords that hide or put a warning on posts in the
 * places chosen — with links to make and edit one, and delete buttons.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const rows = await listFilters(ctx.state.deps.sql, session.account.id);
    const now = Date.now();
    const notice = NOTICES.find((k) => ctx.url.searchParams.has(k));
    return page({
      filters: rows.map((f) => ({
        id: f.id,
        title: f.title,
        context: f.context,
        action: f.filter_action,
        keywords: f.keywords.map((k) => k.keyword),
        expiresAt: f.expires_at?.toISOString() ?? null,
        expired: f.expires_at !== null && f.expires_at.getTime() <= now,
      })),
      notice: notice ?? null,
    });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    await deleteFilter(
      ctx.state.deps.sql,
      session.account.id,
      field(form, "filter_id"),
    );
    return ctx.redirect("/filters?deleted=1", 303);
  },
});

export default define.page<typeof handler>(function Filters(
  { data, state },
) {
  const t = messages({ state }).filters;
  return (
    <>
      <PageHead title={t.title} />
      <header class="page-header">
        <h1>
          <Icon name="filter" size={22} /> {t.title}
        </h1>
        <a class="button small" href="/filters/new">{t.newFilter}</a>
      </header>
      {data.notice && <p class="notice" role="status">{t[data.notice]}</p>}
      <section class="card" aria-label={t.yourFilters}>
        {data.filters.length === 0 && <p class="empty">{t.empty}</p>}
        <ul class="plain-list">
          {data.filters.map((f) => (
            <li key={f.id} class="plain-row filter-row">
              <div>
                <strong>{f.title}</strong>
                {f.expired && <span class="chip danger">{t.expired}</span>}
                <p class="help">
                  {f.keywords.length ? f.keywords.join(", ") : t.noKeywords}
                  {" · "}
                  {actionLabel(t, f.action)}
                  {" · "}
                  {t.inContexts(
                    f.context.map((c) => contextLabel(t, c)).join(", "),
                  )}
                  {f.expiresAt && !f.expired &&
                    ` · ${
                      t.until(formatDateTime(f.expiresAt, state.locale ?? "en"))
                    }`}
                </p>
              </div>
              <div class="conversation-actions">
                <a
                  class="button small secondary"
                  href={`/filters/${f.id}/edit`}
                >
                  {t.edit}
                  <span class="visually-hidden">{f.title}</span>
                </a>
                <PostButton
                  action="/filters"
                  csrf={state.csrfToken}
                  returnTo="/filters"
                  fields={{ filter_id: f.id }}
                >
                  {t.delete}
                  <span class="visually-hidden">{f.title}</span>
                </PostButton>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
});
