import type { RelatedAccountsData } from "../lib/web/related-accounts.ts";
import { AccountRow } from "./AccountRow.tsx";
import { PostButton } from "./PostButton.tsx";
import { Pagination } from "./Timeline.tsx";
import { SettingsNav } from "./SettingsNav.tsx";
import { PageHead } from "./PageHead.tsx";
import { profilePath } from "./format.ts";
import type { RelatedAccountsMessages } from "../lib/i18n/en/relatedAccounts.ts";
import type { PagingLabels } from "./Timeline.tsx";
import type { State } from "../utils.ts";
import { messages } from "../lib/web/pages.ts";

/** Muted or blocked accounts, each with the button that undoes it (`POST /@bob/unmute`…). */
export function RelatedAccountsPage(
  { data, csrf, kind, labels: t, paging }: {
    data: RelatedAccountsData;
    csrf: string;
    kind: "mutes" | "blocks";
    labels: RelatedAccountsMessages;
    paging: PagingLabels;
  },
) {
  const [title, verb, label, empty] = kind === "mutes"
    ? [t.mutedTitle, "unmute", t.unmute, t.noMuted]
    : [t.blockedTitle, "unblock", t.unblock, t.noBlocked];
  return (
    <>
      <PageHead title={title} />
      <h1>{t.settings}</h1>
      <SettingsNav current={data.returnTo} />
      <section class="card" aria-labelledby="related-title">
        <h2 id="related-title">{title}</h2>
        <div class="timeline">
          {data.accounts.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              csrf={csrf}
              returnTo={data.returnTo}
            >
              <PostButton
                action={`${profilePath(account)}/${verb}`}
                csrf={csrf}
                returnTo={data.returnTo}
              >
                {label}
                <span class="visually-hidden">@{account.acct}</span>
              </PostButton>
            </AccountRow>
          ))}
          {data.accounts.length === 0 && <p class="empty">{empty}</p>}
        </div>
      </section>
      <Pagination older={data.older} newer={data.newer} labels={paging} />
    </>
  );
}

/** The route page of `/settings/mutes` or `/settings/blocks`, in the request's language. */
export function relatedAccountsRoute(kind: "mutes" | "blocks") {
  return ({ data, state }: { data: RelatedAccountsData; state: State }) => {
    const t = messages({ state });
    return (
      <RelatedAccountsPage
        data={data}
        csrf={state.csrfToken}
        kind={kind}
        labels={t.relatedAccounts}
        paging={t.timeline}
      />
    );
  };
}
