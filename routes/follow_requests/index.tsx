import { page } from "fresh";
import { define } from "../../utils.ts";
import { listRelated } from "../../lib/domain/relationships.ts";
import {
  messages,
  newerLink,
  olderLink,
  signInFirst,
  uiAccount,
  webPage,
} from "../../lib/web/pages.ts";
import type { UiAccount } from "../../components/mastodon.ts";
import { AccountRow } from "../../components/AccountRow.tsx";
import { Pagination } from "../../components/Timeline.tsx";
import { Icon } from "../../components/Icon.tsx";
import { PageHead } from "../../components/PageHead.tsx";

interface Data {
  accounts: UiAccount[];
  older: string | null;
  newer: string | null;
  locked: boolean;
}

/** People asking to follow a locked account: accept or reject each. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const query = webPage(ctx.url);
    const rows = await listRelated(
      ctx.state.deps,
      "follow_requests",
      session.account.id,
      query,
    );
    return page({
      accounts: rows.map((row) => uiAccount(ctx, row)),
      older: olderLink(
        ctx.url,
        rows.map((r) => ({ id: r.page_id })),
        query.limit,
      ),
      newer: newerLink(ctx.url),
      locked: session.account.locked,
    });
  },
});

export default define.page<typeof handler>(function FollowRequests(
  { data, state },
) {
  const { followRequests: t, timeline } = messages({ state });
  const answer = (account: UiAccount, verb: "authorize" | "reject") => (
    <form method="post" action={`/follow_requests/${account.id}/${verb}`}>
      <input type="hidden" name="_csrf" value={state.csrfToken} />
      <button
        type="submit"
        class={verb === "authorize" ? "small" : "small secondary"}
      >
        {verb === "authorize" ? t.accept : t.reject}
        <span class="visually-hidden">@{account.acct}</span>
      </button>
    </form>
  );
  return (
    <>
      <PageHead title={t.title} />
      <header class="page-header">
        <div>
          <h1>
            <Icon name="userPlus" size={22} /> {t.title}
          </h1>
          {!data.locked && (
            <p>
              {t.notLocked}{" "}
              <a href="/settings/profile">{t.changeInSettings}</a>.
            </p>
          )}
        </div>
      </header>
      <section class="timeline" aria-label={t.title}>
        {data.accounts.map((account) => (
          <AccountRow
            key={account.id}
            account={account}
            csrf={state.csrfToken}
            returnTo="/follow_requests"
          >
            {answer(account, "authorize")}
            {answer(account, "reject")}
          </AccountRow>
        ))}
        {data.accounts.length === 0 && <p class="empty">{t.empty}</p>}
      </section>
      <Pagination older={data.older} newer={data.newer} labels={timeline} />
    </>
  );
});
