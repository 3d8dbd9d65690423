import { page } from "fresh";
import { define } from "../../utils.ts";
import { deleteFilter, listFilters } from "../../lib/domain/filters.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { signInFirst } from "../../lib/web/pages.ts";
import {
  ACTION_LABELS,
  CONTEXT_LABELS,
} from "../../components/FilterFields.tsx";
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
  notice: string | null;
}

const NOTICES: Record<string, string> = {
  created: "Filter created.",
  saved: "Filter saved.",
  deleted: "Filter deleted.",
};

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
    const notice = [...ctx.url.searchParams.keys()].find((k) => k in NOTICES);
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
      notice: notice ? NOTICES[notice] : null,
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
  return (
    <>
      <PageHead title="Filters" />
      <header class="page-header">
        <h1>
          <Icon name="filter" size={22} /> Filters
        </h1>
        <a class="button small" href="/filters/new">New filter</a>
      </header>
      {data.notice && <p class="notice" role="status">{data.notice}</p>}
      <section class="card" aria-label="Your filters">
        {data.filters.length === 0 && (
          <p class="empty">
            No filters yet. A filter hides posts with words you don't want to
            see, or puts a warning on them.
          </p>
        )}
        <ul class="plain-list">
          {data.filters.map((f) => (
            <li key={f.id} class="plain-row filter-row">
              <div>
                <strong>{f.title}</strong>
                {f.expired && <span class="chip danger">Expired</span>}
                <p class="help">
                  {f.keywords.length
                    ? f.keywords.join(", ")
                    : "No keywords yet"} · {ACTION_LABELS[f.action] ??
                    f.action} · in{" "}
                  {f.context.map((c) => CONTEXT_LABELS[c] ?? c).join(", ")}
                  {f.expiresAt && !f.expired &&
                    ` · until ${formatDateTime(f.expiresAt)}`}
                </p>
              </div>
              <div class="conversation-actions">
                <a
                  class="button small secondary"
                  href={`/filters/${f.id}/edit`}
                >
                  Edit<span class="visually-hidden">{f.title}</span>
                </a>
                <PostButton
                  action="/filters"
                  csrf={state.csrfToken}
                  returnTo="/filters"
                  fields={{ filter_id: f.id }}
                >
                  Delete<span class="visually-hidden">{f.title}</span>
                </PostButton>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
});
