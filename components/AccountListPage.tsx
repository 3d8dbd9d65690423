import type { AccountListData } from "../lib/web/profile.ts";
import { ProfileHeader } from "./ProfileHeader.tsx";
import { AccountRow } from "./AccountRow.tsx";
import { Pagination } from "./Timeline.tsx";
import { displayName } from "./format.ts";
import { PageHead } from "./PageHead.tsx";

/** A profile's followers or following. */
export function AccountListPage(
  { data, csrf }: { data: AccountListData; csrf: string },
) {
  const name = displayName(data.profile.account);
  const label = data.tab === "followers"
    ? `People who follow ${name}`
    : `People ${name} follows`;
  return (
    <>
      <PageHead {...data.head} />
      <ProfileHeader
        profile={data.profile}
        tab={data.tab}
        csrf={csrf}
        returnTo={data.returnTo}
        signedIn={data.signedIn}
      />
      <section class="timeline" aria-label={label}>
        <h2 class="visually-hidden">{label}</h2>
        {data.accounts.map(({ account, relationship }) => (
          <AccountRow
            account={account}
            relationship={relationship}
            csrf={csrf}
            returnTo={data.returnTo}
          />
        ))}
        {data.accounts.length === 0 && (
          <p class="empty">
            {data.tab === "followers"
              ? "No followers yet."
              : "Not following anyone yet."}
          </p>
        )}
      </section>
      <Pagination
        older={data.older}
        newer={data.newer}
        olderLabel="More"
        newerLabel="Back"
      />
    </>
  );
}
