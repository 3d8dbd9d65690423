import type { ProfileStatusesData } from "../lib/web/profile.ts";
import { ProfileHeader } from "./ProfileHeader.tsx";
import { Timeline } from "./Timeline.tsx";
import { displayName } from "./format.ts";
import { PageHead } from "./PageHead.tsx";
import type { ProfileMessages } from "../lib/i18n/en/profile.ts";
import type { AccountActionsMessages } from "../lib/i18n/en/account-actions.ts";
import type { PagingLabels } from "./Timeline.tsx";
import type { State } from "../utils.ts";
import { messages } from "../lib/web/pages.ts";

/** A profile with one of its posts tabs. */
export function ProfilePage(
  { data, csrf, labels: t, paging, actionLabels, locale }: {
    data: ProfileStatusesData;
    csrf: string;
    labels: ProfileMessages;
    paging: PagingLabels;
    /** The follow buttons' and the profile menu's strings. */
    actionLabels: AccountActionsMessages;
    locale: string;
  },
) {
  const name = displayName(data.profile.account);
  const label = data.tagged
    ? t.postsTaggedBy(name, data.tagged)
    : data.tab === "media"
    ? t.mediaBy(name)
    : data.tab === "with_replies"
    ? t.postsAndRepliesBy(name)
    : t.postsBy(name);
  return (
    <>
      <PageHead {...data.head} />
      <ProfileHeader
        profile={data.profile}
        tab={data.tab}
        csrf={csrf}
        returnTo={data.context.returnTo}
        signedIn={data.context.signedIn}
        labels={t}
        actionLabels={actionLabels}
        locale={locale}
      />
      <h2 class="visually-hidden">{label}</h2>
      <Timeline
        statuses={data.statuses}
        context={data.context}
        label={label}
        older={data.older}
        newer={data.newer}
        api={`/api/v1/accounts/${data.profile.account.id}/statuses${
          data.tagged
            ? `?tagged=${encodeURIComponent(data.tagged)}`
            : data.tab === "media"
            ? "?only_media=true"
            : data.tab === "posts"
            ? "?exclude_replies=true"
            : ""
        }`}
        empty={data.profile.relationship?.blocking
          ? t.blockedPostsHidden
          : data.tagged
          ? t.noPostsTagged(data.tagged)
          : data.tab === "media"
          ? t.noMedia
          : t.noPosts}
        labels={paging}
      />
    </>
  );
}

/** A posts tab's route page: the profile in the request's language (routes/@[username]/…). */
export function ProfileRoute(
  { data, state }: { data: ProfileStatusesData; state: State },
) {
  const t = messages({ state });
  return (
    <ProfilePage
      data={data}
      csrf={state.csrfToken}
      labels={t.profile}
      paging={t.timeline}
      actionLabels={t.accountActions}
      locale={state.locale ?? "en"}
    />
  );
}
