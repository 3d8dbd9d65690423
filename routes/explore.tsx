import { page } from "fresh";
import { define } from "../utils.ts";
import { PageHead } from "../components/PageHead.tsx";
import { Timeline } from "../components/Timeline.tsx";
import { AccountRow } from "../components/AccountRow.tsx";
import type { UiAccount, UiStatus } from "../components/mastodon.ts";
import type { StatusContext } from "../components/StatusCard.tsx";
import {
  messages,
  statusContext,
  uiAccount,
  uiStatuses,
  viewerId,
} from "../lib/web/pages.ts";
import {
  trendingLinks,
  trendingStatuses,
  trendingTags,
} from "../lib/trends/mod.ts";
import { suggestionsFor } from "../lib/domain/suggestions.ts";
import { directory } from "../lib/domain/directory.ts";

const TABS = [
  ["posts", "tabPosts"],
  ["tags", "tabTags"],
  ["links", "tabLinks"],
  ["people", "tabPeople"],
] as const;
type Tab = typeof TABS[number][0];

interface Data {
  tab: Tab;
  tags: string[];
  links: { url: string; host: string; accounts: number }[];
  statuses: UiStatus[];
  people: UiAccount[];
  /** People are suggestions to follow (signed in) or this server's active accounts. */
  suggested: boolean;
  context: StatusContext;
}

/**
 * /explore — what trends here, one tab at a time: posts, hashtags and links many accounts
 * boosted, used or shared lately once moderators approved them (as /api/v1/trends/* shows
 * them to this viewer), and people: follow suggestions when signed in, else the active local
 * accounts of the directory.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { sql } = ctx.state.deps;
    const asked = ctx.url.searchParams.get("tab");
    const tab: Tab = TABS.find(([t]) => t === asked)?.[0] ?? "posts";
    const viewer = viewerId(ctx);
    const top = { offset: 0, limit: 10 };
    const data: Data = {
      tab,
      tags: [],
      links: [],
      statuses: [],
      people: [],
      suggested: viewer !== null,
      context: statusContext(ctx),
    };
    if (tab === "posts") {
      const rows = await trendingStatuses(sql, viewer, {
        offset: 0,
        limit: 20,
      });
      data.statuses = await uiStatuses(ctx, rows, "public");
    } else if (tab === "tags") {
      data.tags = (await trendingTags(sql, top)).map((t) =>
        t.display_name || t.name
      );
    } else if (tab === "links") {
      data.links = (await trendingLinks(sql, top)).map((l) => ({
        url: l.key,
        host: new URL(l.key).host,
        accounts: l.accounts,
      }));
    } else {
      const rows = viewer
        ? await suggestionsFor(sql, viewer, 20)
        : await directory(sql, null, { local: true, offset: 0, limit: 20 });
      data.people = rows.map((a) => uiAccount(ctx, a));
    }
    return page(data);
  },
});

export default define.page<typeof handler>(function Explore({ data, state }) {
  const { tab, context } = data;
  const { explore: t, timeline, accountActions } = messages({ state });
  const title = t[TABS.find(([value]) => value === tab)![1]];
  return (
    <>
      <PageHead title={t.titleOf(title)} />
      <header class="page-header">
        <div>
          <h1>{t.title}</h1>
          <p>{t.intro}</p>
        </div>
      </header>
      <nav class="tabs card-tabs" aria-label={t.title}>
        {TABS.map(([value, label]) => (
          <a
            key={value}
            href={value === "posts" ? "/explore" : `/explore?tab=${value}`}
            aria-current={value === tab ? "page" : undefined}
          >
            {t[label]}
          </a>
        ))}
      </nav>
      {tab === "posts" && (
        <Timeline
          statuses={data.statuses}
          context={context}
          label={t.trendingPosts}
          older={null}
          empty={t.nothingTrending}
          labels={timeline}
        />
      )}
      {tab === "tags" && (
        <section class="card" aria-label={t.trendingTags}>
          {data.tags.length === 0 && <p class="empty">{t.nothingTrending}</p>}
          <ul class="plain-list">
            {data.tags.map((tag) => (
              <li key={tag} class="plain-row">
                <a href={`/tags/${encodeURIComponent(tag)}`}>#{tag}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {tab === "links" && (
        <section class="card" aria-label={t.trendingLinks}>
          {data.links.length === 0 && <p class="empty">{t.nothingTrending}</p>}
          <ul class="plain-list">
            {data.links.map((link) => (
              <li key={link.url} class="plain-row">
                <a href={link.url} rel="nofollow noopener" target="_blank">
                  {link.url}
                </a>
                <span class="help">
                  {link.host} · {t.sharedBy(link.accounts)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {tab === "people" && (
        <section
          class="timeline"
          aria-label={data.suggested ? t.suggestedPeople : t.activePeople}
        >
          <p class="help explore-note">
            {data.suggested ? t.suggestedIntro : t.activeIntro}
          </p>
          {data.people.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              relationship={data.suggested
                ? {
                  id: account.id,
                  following: false,
                  followed_by: false,
                  requested: false,
                }
                : null}
              csrf={state.csrfToken}
              returnTo={context.returnTo}
              actionLabels={accountActions}
            />
          ))}
          {data.people.length === 0 && <p class="empty">{t.noOneToSuggest}</p>}
        </section>
      )}
    </>
  );
});
