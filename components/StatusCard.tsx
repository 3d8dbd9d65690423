import type { UiStatus } from "./mastodon.ts";
import { Avatar } from "./Avatar.tsx";
import { Icon } from "./Icon.tsx";
import {
  displayName,
  formatCount,
  formatDateTime,
  formatShortDate,
  interactPath,
  mediaSummary,
  profilePath,
  statusPath,
} from "./format.ts";
import ActionBar from "../islands/ActionBar.tsx";
import PollView from "../islands/PollView.tsx";
import { MediaGallery } from "./MediaGallery.tsx";
import { BotBadge } from "./BotBadge.tsx";
import { StatusMenu } from "./StatusMenu.tsx";
import { emojifyHtml, EmojiText } from "./CustomEmoji.tsx";
import type { Messages } from "../lib/i18n/messages.ts";
import { enStatus } from "../lib/i18n/en-status.ts";
import { poll as enPoll, type PollMessages } from "../lib/i18n/en/poll.ts";
import type { FeedMessages } from "../lib/i18n/en/feed.ts";

export interface StatusContext {
  signedIn: boolean;
  csrf: string;
  /** Where a no-JavaScript action form returns to. */
  returnTo: string;
  /** The viewer's account, for what only an author may do (edit, delete, pin; no own votes). */
  accountId?: string | null;
  /** The page language's strings for a post (lib/i18n); English when not given. */
  labels?: StatusLabels;
  /** The page's locale (`ctx.state.locale`) for dates and counts; English when not given. */
  locale?: string;
  /** The page language's strings for polls; English when not given. */
  poll?: PollMessages;
  /** The live parts of a timeline ("N new posts", "Older posts"; components/Timeline.tsx). */
  feed?: FeedMessages;
}

export type StatusLabels = Messages["status"];

/** `{name}` placeholders filled in (catalogue strings reach islands as plain strings). */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (all, key) => values[key] ?? all);
}

function visibilityLabel(labels: StatusLabels, visibility: string): string {
  return {
    public: labels.visibilityPublic,
    unlisted: labels.visibilityUnlisted,
    private: labels.visibilityPrivate,
    direct: labels.visibilityDirect,
  }[visibility] ?? visibility;
}

/**
 * One post as an `<article>`. Used by pages and by islands (new posts shown in place), so it
 * imports nothing server-only. `content` is HTML that was sanitised when it was stored.
 */
export function StatusCard(
  { status: outer, context, focused = false }: {
    status: UiStatus;
    context: StatusContext;
    focused?: boolean;
  },
) {
  const status = outer.reblog ?? outer;
  const path = statusPath(status);
  const labels = context.labels ?? enStatus;
  const locale = context.locale ?? "en";
  const name = displayName(status.account);
  // The viewer's filters that matched (on the boost, when it is one): "warn" puts the post
  // behind a switch, "blur" hides its media ("hide" matches never reach a page).
  const filtered = outer.filtered ?? status.filtered ?? [];
  const warnedBy = filtered.filter((f) => f.filter.filter_action === "warn")
    .map((f) => f.filter.title);
  const blurred = filtered.some((f) => f.filter.filter_action === "blur");
  const body = (
    <>
      {/* Sanitised at ingest (lib/text sanitizeHtml); never raw remote HTML. */}
      <div
        class="status-content"
        lang={status.language ?? undefined}
        dangerouslySetInnerHTML={{
          __html: emojifyHtml(status.content, status.emojis),
        }}
      />
      {status.poll && (
        <PollView
          poll={status.poll}
          canVote={context.signedIn &&
            context.accountId !== status.account.id}
          csrf={context.csrf}
          returnTo={context.returnTo}
          labels={context.poll ?? enPoll}
          locale={locale}
        />
      )}
      {status.media_attachments.length > 0 && (
        <MediaGallery
          media={status.media_attachments}
          // Behind a content warning the media is already hidden; without one, a sensitive
          // post hides its media on its own.
          hidden={(status.sensitive && !status.spoiler_text) || blurred}
          labels={labels}
        />
      )}
    </>
  );
  const shown = status.spoiler_text
    ? (
      <details class="content-warning">
        <summary>
          <span class="cw-label">{labels.contentWarning}</span>{" "}
          <span lang={status.language ?? undefined}>
            <EmojiText text={status.spoiler_text} emojis={status.emojis} />
          </span>
          {status.media_attachments.length > 0 && (
            <span class="cw-media">
              {` (${
                mediaSummary(status.media_attachments, labels.mediaNouns)
              })`}
            </span>
          )}
        </summary>
        {body}
      </details>
    )
    : body;
  return (
    <article
      class={focused ? "status focused" : "status"}
      aria-labelledby={`status-${outer.id}-author`}
      data-status-id={status.id}
    >
      {outer.reblog && (
        <p class="status-prepend">
          <Icon name="boost" size={14} />
          <a href={profilePath(outer.account)}>
            <EmojiText
              text={displayName(outer.account)}
              emojis={outer.account.emojis}
            />
          </a>{" "}
          boosted
        </p>
      )}
      <header class="status-header">
        {/* A mouse shortcut: the name beside it is the link for keyboards and screen readers. */}
        <a
          href={profilePath(status.account)}
          class="status-avatar"
          tabIndex={-1}
          aria-hidden="true"
        >
          <Avatar account={status.account} />
        </a>
        <div class="status-author" id={`status-${outer.id}-author`}>
          <a href={profilePath(status.account)} class="display-name">
            <EmojiText text={name} emojis={status.account.emojis} />
          </a>
          <span class="acct">@{status.account.acct}</span>
          {status.account.bot && <BotBadge />}
        </div>
        <a href={path} class="status-time">
          <time datetime={status.created_at}>
            <span class="time-long">
              {formatDateTime(status.created_at, locale)}
            </span>
            {/* Phones show the short form; readers still get the full one. */}
            <span class="time-short" aria-hidden="true">
              {formatShortDate(status.created_at, locale)}
            </span>
          </time>
          {status.visibility !== "public" && (
            <span
              class="visibility-badge"
              title={visibilityLabel(labels, status.visibility)}
            >
              <Icon
                name={status.visibility === "direct"
                  ? "mail"
                  : status.visibility === "private"
                  ? "lock"
                  : "unlock"}
                size={14}
              />
              <span class="visually-hidden">
                {visibilityLabel(labels, status.visibility)}
              </span>
            </span>
          )}
        </a>
      </header>
      {status.in_reply_to_id && !focused && (
        <p class="status-reply-to">
          <Icon name="reply" size={14} /> {labels.inReplyTo}
        </p>
      )}
      {warnedBy.length > 0
        ? (
          <details class="content-warning filtered-warning">
            <summary>
              <span class="cw-label">{labels.filtered}</span>{" "}
              {warnedBy.join(", ")}
            </summary>
            {shown}
          </details>
        )
        : shown}
      {status.edited_at && (
        <p class="edited">
          <a href={`${path}/history`}>
            {fill(labels.edited, {
              date: formatDateTime(status.edited_at, locale),
            })}
          </a>
        </p>
      )}
      {context.signedIn
        ? (
          <div class="status-footer">
            <ActionBar
              id={status.id}
              path={path}
              repliesCount={status.replies_count}
              reblogsCount={status.reblogs_count}
              favouritesCount={status.favourites_count}
              favourited={status.favourited ?? false}
              reblogged={status.reblogged ?? false}
              bookmarked={status.bookmarked ?? false}
              canBoost={status.visibility === "public" ||
                status.visibility === "unlisted"}
              csrf={context.csrf}
              returnTo={context.returnTo}
              locale={locale}
              labels={{
                reply: labels.reply,
                boost: labels.boost,
                boostUnavailable: labels.boostUnavailable,
                favourite: labels.favourite,
                bookmark: labels.bookmark,
              }}
            />
            <StatusMenu status={status} context={context} path={path} />
          </div>
        )
        : <Counts status={status} labels={labels} locale={locale} />}
    </article>
  );
}

/**
 * Signed-out readers see the counts (no island, no JavaScript), each a link to act on the post
 * from their own server (`/interact`, Mastodon's remote interaction).
 */
function Counts(
  { status, labels, locale }: {
    status: UiStatus;
    labels: StatusLabels;
    locale: string;
  },
) {
  const action = (
    intent: "reply" | "reblog" | "favourite",
    icon: "reply" | "boost" | "star",
    label: string,
    count: number,
  ) => (
    <a class="action" href={interactPath(intent, status.uri)}>
      <Icon name={icon} />
      <span class="visually-hidden">{label}</span>
      <span class="count">{formatCount(count, locale)}</span>
    </a>
  );
  return (
    <div class="action-bar readonly">
      {action("reply", "reply", labels.repliesCount, status.replies_count)}
      {action("reblog", "boost", labels.boostsCount, status.reblogs_count)}
      {action(
        "favourite",
        "star",
        labels.favouritesCount,
        status.favourites_count,
      )}
    </div>
  );
}
