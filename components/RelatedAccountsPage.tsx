import type { RelatedAccountsData } from "../lib/web/related-accounts.ts";
import { AccountRow } from "./AccountRow.tsx";
import { PostButton } from "./PostButton.tsx";
import { Pagination, type PagingLabels } from "./Timeline.tsx";
import { SettingsNav } from "./SettingsNav.tsx";
import { PageHead } from "./PageHead.tsx";
import { profilePath } from "./format.ts";
import type { SettingsMessages } from "../lib/i18n/en/settings.ts";

/** Muted or blocked accounts, each with the button that undoes it (`POST /@bob/unmute`…). */
export function RelatedAccountsPage(
  { data, csrf, kind, t, paging }: {
    data: RelatedAccountsData;
    csrf: string;
    kind: "mutes" | "blocks";
    t: SettingsMessages;
    paging: PagingLabels;
  },
) {
  const verb = kind === "mutes" ? "unmute" : "unblock";
  const { title, undo: label, empty } = t.related[kind];
  return (
    <>
      <PageHead title={title} />
      <h1>{t.heading}</h1>
      <SettingsNav current={data.returnTo} labels={t.nav} />
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
