import type { ProfileStatusesData } from "../lib/web/profile.ts";
import { ProfileHeader } from "./ProfileHeader.tsx";
import { Timeline } from "./Timeline.tsx";
import { displayName } from "./format.ts";
import { PageHead } from "./PageHead.tsx";

/** A profile with one of its posts tabs. */
export function ProfilePage(
  { data, csrf }: { data: ProfileStatusesData; csrf: string },
) {
  const name = displayName(data.profile.account);
  const label = data.tagged
    ? `Posts by ${name} tagged #${data.tagged}`
    : data.tab === "media"
    ? `Media by ${name}`
    : data.tab === "with_replies"
    ? `Posts and replies by ${name}`
    : `Posts by ${name}`;
  return (
    <>
      <PageHead {...data.head} />
      <ProfileHeader
        profile={data.profile}
        tab={data.tab}
        csrf={csrf}
        returnTo={data.context.returnTo}
        signedIn={data.context.signedIn}
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
          ? "You've blocked this account, so its posts are hidden."
          : data.tagged
          ? `No posts tagged #${data.tagged} yet.`
          : data.tab === "media"
          ? "No posts with pictures yet."
          : "No posts yet."}
      />
    </>
  );
}
