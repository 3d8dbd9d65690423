import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import {
  listHashtags,
  type ModeratedTagRow,
} from "../../../lib/moderation/mod.ts";
import { pageQuery } from "../../../lib/mastodon/pagination.ts";

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
function tagState(tag: ModeratedTagRow): string {
  const parts = [
    tag.trendable === null
      ? "trending waits for review"
      : tag.trendable
      ? "may trend"
      : "may not trend",
  ];
  if (!tag.usable) parts.push("not usable");
  if (!tag.listable) parts.push("not listed");
  return parts.join(" · ");
}

export default define.page<typeof handler>(function Tags({ data }) {
  return (
    <>
      <PageHead title="Moderation · Hashtags" />
      <h1>Hashtags</h1>
      <p>
        A hashtag that is not usable is no longer linked in new posts, is not
        found by search and never trends; one that is not listed is not found by
        search.
      </p>
      <form method="get" action="/admin/tags" class="search-form">
        <label>
          Search hashtags <input type="search" name="q" value={data.q} />
        </label>{" "}
        <button type="submit">Search</button>
      </form>
      {data.tags.length === 0 && <p class="empty">No hashtags found.</p>}
      <ul class="stack admin-tags">
        {data.tags.map((tag) => (
          <li key={tag.id} class="card">
            <a href={`/admin/tags/${tag.id}`}>
              #{tag.display_name || tag.name}
            </a>
            {" · "}
            <span class="tag-state">{tagState(tag)}</span>
          </li>
        ))}
      </ul>
      {data.next && <a href={data.next}>Older hashtags</a>}
    </>
  );
});
