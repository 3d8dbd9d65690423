import { page } from "fresh";
import { define } from "../utils.ts";
import { lookupAccount } from "../lib/domain/profiles.ts";
import { DomainError } from "../lib/domain/errors.ts";
import { withRelationships } from "../lib/web/profile.ts";
import type { UiAccount, UiRelationship } from "../components/mastodon.ts";
import { AccountRow } from "../components/AccountRow.tsx";
import { Icon } from "../components/Icon.tsx";

interface Data {
  q: string;
  accounts: { account: UiAccount; relationship: UiRelationship | null }[];
  tags: string[];
}

const TAG = /^#?([\p{L}\p{N}_]+)$/u;

/**
 * Search for accounts (`alice`, `@bob@remote.example`) and hashtags (`#coffee`). Post search
 * joins in when the domain's search lands.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const q = (ctx.url.searchParams.get("q") ?? "").trim().slice(0, 200);
    if (!q) return page({ q, accounts: [], tags: [] });
    const { deps } = ctx.state;
    const rows = [];
    if (!q.startsWith("#")) {
      try {
        rows.push(await lookupAccount(deps.sql, q, deps.config.host));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    const tag = TAG.exec(q)?.[1];
    return page({
      q,
      accounts: await withRelationships(ctx, rows),
      tags: tag ? [tag.normalize("NFKC").toLowerCase()] : [],
    });
  },
});

export default define.page<typeof handler>(
  function Search({ data, state, url }) {
    const returnTo = url.pathname + url.search;
    const nothing = data.q && data.accounts.length === 0 &&
      data.tags.length === 0;
    return (
      <>
        <h1>
          <Icon name="search" size={22} /> Search
        </h1>
        <form method="get" action="/search" class="search-form" role="search">
          <label>
            <span class="visually-hidden">Search for people or hashtags</span>
            <input
              type="search"
              name="q"
              value={data.q}
              placeholder="alice, @bob@example.social or #hashtag"
            />
          </label>
          <button type="submit">Search</button>
        </form>
        {data.q && (
          <div class="results">
            {data.accounts.length > 0 && (
              <section class="results-section" aria-labelledby="people">
                <h2 id="people" class="section-title">People</h2>
                <div class="timeline">
                  {data.accounts.map(({ account, relationship }) => (
                    <AccountRow
                      account={account}
                      relationship={relationship}
                      csrf={state.csrfToken}
                      returnTo={returnTo}
                    />
                  ))}
                </div>
              </section>
            )}
            {data.tags.length > 0 && (
              <section class="results-section" aria-labelledby="hashtags">
                <h2 id="hashtags" class="section-title">Hashtags</h2>
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
            {nothing && (
              <p class="empty">
                Nothing found for “{data.q}”. For someone on another server,
                search their full address, like @name@example.social.
              </p>
            )}
          </div>
        )}
      </>
    );
  },
);
