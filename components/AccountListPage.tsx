import type { AccountListData } from "../lib/web/profile.ts";
import { ProfileHeader } from "./ProfileHeader.tsx";
import { AccountRow } from "./AccountRow.tsx";
import { Pagination } from "./Timeline.tsx";
import { displayName } from "./format.ts";
import { PageHead } from "./PageHead.tsx";
import type { ProfileMessages } from "../lib/i18n/en/profile.ts";
import type { AccountActionsMessages } from "../lib/i18n/en/account-actions.ts";
import type { PagingLabels } from "./Timeline.tsx";
import type { State } from "../utils.ts";
import { messages } from "../lib/web/pages.ts";

/** A profile's followers or following. */
export function AccountListPage(
  { data, csrf, labels: t, paging, actionLabels, locale }: {
    data: AccountListData;
    csrf: string;
    labels: ProfileMessages;
    paging: PagingLabels;
    /** The follow buttons' and the profile menu's strings. */
    actionLabels: AccountActionsMessages;
    locale: string;
  },
) {
  const name = displayName(data.profile.account);
  const label = data.tab === "followers"
    ? t.followersOf(name)
    : t.followedBy(name);
  return (
    <>
      <PageHead {...data.head} />
      <ProfileHeader
        profile={data.profile}
        tab={data.tab}
        csrf={csrf}
        returnTo={data.returnTo}
        signedIn={data.signedIn}
        labels={t}
        actionLabels={actionLabels}
        locale={locale}
      />
      <section class="timeline" aria-label={label}>
        <h2 class="visually-hidden">{label}</h2>
        {data.accounts.map(({ account, relationship }) => (
          <AccountRow
            account={account}
            relationship={relationship}
            csrf={csrf}
            returnTo={data.returnTo}
            actionLabels={actionLabels}
          />
        ))}
        {data.accounts.length === 0 && (
          <p class="empty">
            {data.tab === "followers" ? t.noFollowers : t.notFollowing}
          </p>
        )}
      </section>
      <Pagination
        older={data.older}
        newer={data.newer}
        labels={paging}
        olderLabel={t.more}
        newerLabel={t.back}
      />
    </>
  );
}

/** The followers or following route page, in the request's language. */
export function AccountListRoute(
  { data, state }: { data: AccountListData; state: State },
) {
  const t = messages({ state });
  return (
    <AccountListPage
      data={data}
      csrf={state.csrfToken}
      labels={t.profile}
      paging={t.timeline}
      actionLabels={t.accountActions}
      locale={state.locale ?? "en"}
    />
  );
}
