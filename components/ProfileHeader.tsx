import type { ProfileData } from "../lib/web/profile.ts";
import { Avatar } from "./Avatar.tsx";
import { Icon } from "./Icon.tsx";
import { displayName, formatDate, interactPath } from "./format.ts";
import FollowButton from "../islands/FollowButton.tsx";
import { followLabels } from "./AccountRow.tsx";
import ProfileMenu from "../islands/ProfileMenu.tsx";
import { BotBadge } from "./BotBadge.tsx";
import type { AccountActionsMessages } from "../lib/i18n/en/account-actions.ts";
import { emojifyHtml, EmojiText } from "./CustomEmoji.tsx";
import type { ProfileMessages } from "../lib/i18n/en/profile.ts";

export type ProfileTab =
  | "posts"
  | "with_replies"
  | "media"
  | "followers"
  | "following";

/**
 * The top of every profile page: header image, avatar, name, bio (sanitised HTML), fields,
 * counts, the follow button and the tabs.
 */
export function ProfileHeader(
  {
    profile,
    tab,
    csrf,
    returnTo,
    signedIn,
    labels: t,
    locale,
    actionLabels,
  }: {
    profile: ProfileData;
    /** The follow button's and menu's strings in the page's language. */
    actionLabels: AccountActionsMessages;
    tab: ProfileTab;
    csrf: string;
    returnTo: string;
    signedIn: boolean;
    labels: ProfileMessages;
    /** The page's locale, for the joined date. */
    locale: string;
  },
) {
  const { account, relationship } = profile;
  const base = `/@${account.acct}`;
  const name = displayName(account);
  const hasHeader = account.header && !account.header.includes("/missing");
  const tabLink = (t: ProfileTab, href: string, label: string) => (
    <a href={href} aria-current={tab === t ? "page" : undefined}>{label}</a>
  );
  return (
    <section class="card profile" aria-labelledby="profile-name">
      {profile.movedTo && (
        <p class="notice moved-banner" role="status">
          {t.movedTo(name)}{" "}
          <a href={`/@${profile.movedTo.acct}`}>
            {profile.movedTo.name} (@{profile.movedTo.acct})
          </a>
        </p>
      )}
      <div class="profile-header-image">
        {hasHeader && <img src={account.header} alt="" />}
      </div>
      <div class="profile-body">
        <div class="profile-top">
          <Avatar account={account} size={96} />
          <div class="profile-actions">
            {signedIn && !profile.isSelf && relationship?.blocking && (
              <form
                method="post"
                action={`${base}/unblock`}
                class="follow-form"
              >
                <input type="hidden" name="_csrf" value={csrf} />
                <input type="hidden" name="return_to" value={returnTo} />
                <button type="submit" class="button secondary">
                  {t.unblock}
                  <span class="visually-hidden">{name}</span>
                </button>
              </form>
            )}
            {signedIn && !profile.isSelf && relationship &&
              !relationship.blocking && !relationship.blocked_by && (
              <FollowButton
                accountId={account.id}
                acct={account.acct}
                displayName={name}
                following={relationship.following}
                requested={relationship.requested}
                locked={account.locked}
                csrf={csrf}
                returnTo={returnTo}
                labels={followLabels(actionLabels)}
              />
            )}
            {signedIn && !profile.isSelf && relationship && (
              <ProfileMenu
                accountId={account.id}
                acct={account.acct}
                blocking={relationship.blocking ?? false}
                muting={relationship.muting ?? false}
                csrf={csrf}
                returnTo={returnTo}
                labels={actionLabels}
              />
            )}
            {profile.isSelf && (
              <a class="button secondary" href="/settings/profile">
                {t.editProfile}
              </a>
            )}
            {!signedIn && (
              <a class="button" href={interactPath("follow", account.url)}>
                {t.follow}
              </a>
            )}
          </div>
        </div>
        <div class="profile-name">
          <h1 id="profile-name">
            <EmojiText text={name} emojis={account.emojis} />
            {account.locked && (
              <span title={t.approvesFollowers}>
                <Icon name="lock" size={16} />
                <span class="visually-hidden">({t.approvesFollowers})</span>
              </span>
            )}
          </h1>
          <span class="acct">@{account.acct}</span>{" "}
          {account.bot && <BotBadge label={t.bot} title={t.botTitle} />}{" "}
          {account.roles?.map((role) => (
            <span key={role.id} class="chip role-badge">{role.name}</span>
          ))}{" "}
          {relationship?.followed_by && <span class="chip">{t.followsYou}
          </span>}{" "}
          {relationship?.blocking && (
            <span class="chip danger">{t.blocked}</span>
          )} {relationship?.muting && <span class="chip">{t.muted}</span>}{" "}
          {relationship?.blocked_by && (
            <span class="chip danger">{t.blocksYou}</span>
          )}
        </div>
        {account.note && (
          <div
            class="profile-note"
            // Rendered from the bio by lib/domain/profiles (local) or sanitised at ingest (remote).
            dangerouslySetInnerHTML={{
              __html: emojifyHtml(account.note, account.emojis),
            }}
          />
        )}
        {account.fields.length > 0 && (
          <dl class="profile-fields">
            {account.fields.map((field) => (
              <div>
                <dt>
                  <EmojiText text={field.name} emojis={account.emojis} />
                </dt>
                <dd
                  class={field.verified_at ? "verified" : undefined}
                  dangerouslySetInnerHTML={{
                    __html: emojifyHtml(field.value, account.emojis),
                  }}
                />
              </div>
            ))}
          </dl>
        )}
        <ul class="profile-counts">
          <li>
            <span>
              <strong>{t.number(account.statuses_count)}</strong>{" "}
              {t.postsNoun(account.statuses_count)}
            </span>
          </li>
          <li>
            <a href={`${base}/following`}>
              <strong>{t.number(account.following_count)}</strong>{" "}
              {t.followingNoun(account.following_count)}
            </a>
          </li>
          <li>
            <a href={`${base}/followers`}>
              <strong>{t.number(account.followers_count)}</strong>{" "}
              {t.followersNoun(account.followers_count)}
            </a>
          </li>
          <li>
            <span>{t.joined(formatDate(account.created_at, locale))}</span>
          </li>
        </ul>
        {profile.remote && (
          <p class="remote-note">
            {t.remoteNote}{" "}
            {profile.remoteUrl && (
              <a href={profile.remoteUrl} rel="noopener nofollow">
                {t.seeOriginal}
              </a>
            )}
          </p>
        )}
      </div>
      <nav class="tabs" aria-label={t.sections}>
        {tabLink("posts", base, t.tabPosts)}
        {tabLink("with_replies", `${base}/with_replies`, t.tabWithReplies)}
        {tabLink("media", `${base}/media`, t.tabMedia)}
        {tab === "followers" &&
          tabLink("followers", `${base}/followers`, t.tabFollowers)}
        {tab === "following" &&
          tabLink("following", `${base}/following`, t.tabFollowing)}
      </nav>
    </section>
  );
}
