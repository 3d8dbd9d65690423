import { page } from "fresh";
import { define } from "../utils.ts";
import { search } from "../lib/domain/search.ts";
import { withRelationships } from "../lib/web/profile.ts";
import {
  messages,
  statusContext,
  uiStatuses,
  viewerId,
} from "../lib/web/pages.ts";
import type {
  UiAccount,
  UiRelationship,
  UiStatus,
} from "../components/mastodon.ts";
import { AccountRow } from "../components/AccountRow.tsx";
import { StatusCard, type StatusContext } from "../components/StatusCard.tsx";
import { Icon } from "../components/Icon.tsx";
import { PageHead } from "../components/PageHead.tsx";

interface Data {
  q: string;
  accounts: { account: UiAccount; relationship: UiRelationship | null }[];
  tags: string[];
  statuses: UiStatus[];
  context: StatusContext;
}

/**
 * Search people (`alice`, `@bob@remote.example` — looked up on its server when signed in),
 * hashtags and, for signed-in people, posts they can see.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const q = (ctx.url.searchParams.get("q") ?? "").trim().slice(0, 200);
    const context = statusContext(ctx);
    if (!q) return page({ q, accounts: [], tags: [], statuses: [], context });
    const { deps } = ctx.state;
    const results = await search(deps.sql, viewerId(ctx), {
      localHost: deps.config.host,
      q,
      limit: 10,
      offset: 0,
      resolve: ctx.state.session ? (query) => deps.resolveRemote(query) : null,
    });
    return page({
      q,
      accounts: await withRelationships(ctx, results.accounts),
      tags: results.hashtags.map((t) => t.name),
      statuses: await uiStatuses(ctx, results.statuses),
      context,
    });
  },
});

export default define.page<typeof handler>(
  function Search({ data, state, url }) {
    const returnTo = url.pathname + url.search;
    const t = messages({ state }).explore;
    const nothing = data.q && data.accounts.length === 0 &&
      data.tags.length === 0 && data.statuses.length === 0;
    return (
      <>
        <PageHead title={data.q ? t.searchTitle(data.q) : t.search} />
        <h1>
          <Icon name="search" size={22} /> {t.search}
        </h1>
        <form method="get" action="/search" class="search-form" role="search">
          <label>
            <span class="visually-hidden">{t.searchLabel}</span>
            <input
              type="search"
              name="q"
              value={data.q}
              placeholder={t.searchPlaceholder}
            />
          </label>
          <button type="submit">{t.search}</button>
        </form>
        {data.q && (
          <div class="results">
            {data.accounts.length > 0 && (
              <section class="results-section" aria-labelledby="people">
                <h2 id="people" class="section-title">{t.people}</h2>
                <div class="timeline">
                  {data.accounts.map(({ account, relationship }) => (
                    <AccountRow
                      account={account}
                      relationship={relationship}
                      csrf={state.csrfToken}
                      returnTo={returnTo}
                      actionLabels={messages({ state }).accountActions}
                    />
                  ))}
                </div>
              </section>
            )}
            {data.tags.length > 0 && (
              <section class="results-section" aria-labelledby="hashtags">
                <h2 id="hashtags" class="section-title">{t.hashtags}</h2>
                <div class="timeline">
                  {data.tags.map((tag) => (
                    <div class="tag-row">
                      <Icon name="hash" />
                      <a href={`/tags/${encodeURIComponent(tag)}`}>#{tag}</a>
                    </div>
                  ))}
                </div>
              </section>
            )}
            {data.statuses.length > 0 && (
              <section class="results-section" aria-labelledby="posts">
                <h2 id="posts" class="section-title">{t.posts}</h2>
                <div class="timeline">
                  {data.statuses.map((status) => (
                    <StatusCard status={status} context={data.context} />
                  ))}
                </div>
              </section>
            )}
            {nothing && <p class="empty">{t.nothingFound(data.q)}</p>}
          </div>
        )}
      </>
    );
  },
);
