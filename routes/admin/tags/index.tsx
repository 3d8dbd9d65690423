import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import {
  listHashtags,
  type ModeratedTagRow,
} from "../../../lib/moderation/mod.ts";
import { pageQuery } from "../../../lib/mastodon/pagination.ts";
import { messages } from "../../../lib/web/pages.ts";
import type { AdminServerMessages } from "../../../lib/i18n/en/adminServer.ts";

interface Data {
  q: string;
  tags: ModeratedTagRow[];
  /** The next page's link, when this one is full. */
  next: string | null;
}

const PAGE_SIZE = 50;

/**
 * /admin/tags — every hashtag, newest first, searchable by name, with what moderators decided
 * (`manage_taxonomies`); each links to its edit page.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const q = ctx.url.searchParams.get("q")?.trim() ?? "";
    const tags = await listHashtags(
      deps.sql,
      moderator ?? null,
      pageQuery(ctx.url, { limit: PAGE_SIZE, max: PAGE_SIZE }),
      q,
    );
    const next = tags.length === PAGE_SIZE
      ? `/admin/tags?${new URLSearchParams({ q, max_id: tags.at(-1)!.id })}`
      : null;
    return page({ q, tags, next });
  },
});

/** One tag's state in words, as the list shows it. */
function tagState(
  tag: ModeratedTagRow,
  t: AdminServerMessages["tags"],
): string {
  const parts = [
    tag.trendable === null
      ? t.waits
      : tag.trendable
      ? t.mayTrend
      : t.mayNotTrend,
  ];
  if (!tag.usable) parts.push(t.notUsable);
  if (!tag.listable) parts.push(t.notListed);
  return parts.join(" · ");
}

export default define.page<typeof handler>(function Tags({ data, state }) {
  const { admin, adminServer } = messages({ state });
  const t = adminServer.tags;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form method="get" action="/admin/tags" class="search-form">
        <label>
          {t.search} <input type="search" name="q" value={data.q} />
        </label>{" "}
        <button type="submit">{admin.search}</button>
      </form>
      {data.tags.length === 0 && <p class="empty">{t.empty}</p>}
      <ul class="stack admin-tags">
        {data.tags.map((tag) => (
          <li key={tag.id} class="card">
            <a href={`/admin/tags/${tag.id}`}>
              #{tag.display_name || tag.name}
            </a>
            {" · "}
            <span class="tag-state">{tagState(tag, t)}</span>
          </li>
        ))}
      </ul>
      {data.next && <a href={data.next}>{t.older}</a>}
    </>
  );
});
