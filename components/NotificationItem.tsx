import type { UiNotification } from "./mastodon.ts";
import { StatusCard, type StatusContext } from "./StatusCard.tsx";
import { Icon, type IconName } from "./Icon.tsx";
import {
  displayName,
  formatDateTime,
  formatShortDate,
  profilePath,
} from "./format.ts";
import { EmojiText } from "./CustomEmoji.tsx";

const KINDS: Record<string, [IconName, string]> = {
  follow: ["userPlus", "followed you"],
  follow_request: ["userPlus", "asked to follow you"],
  favourite: ["star", "favourited your post"],
  reblog: ["boost", "boosted your post"],
  mention: ["reply", "mentioned you"],
  status: ["bell", "posted"],
  update: ["bell", "edited a post you interacted with"],
  poll: ["bell", "A poll has ended"],
  "admin.report": ["bell", "filed a report"],
  "admin.sign_up": ["userPlus", "signed up"],
  move: ["userPlus", "moved to"],
  severed_relationships: ["bell", "lost follows to a moderation decision"],
};

/** One notification: who did what, and the post it was about. */
export function NotificationItem(
  { notification: n, context }: {
    notification: UiNotification;
    context: StatusContext;
  },
) {
  const [icon, text] = KINDS[n.type] ?? ["bell", n.type];
  // A mention is the post itself; other kinds show the post they are about, compactly.
  if (n.type === "mention" && n.status) {
    return <StatusCard status={n.status} context={context} />;
  }
  return (
    <div class="notification">
      <p class="notification-line">
        <span class={`notification-icon ${n.type}`}>
          <Icon name={icon} />
        </span>
        <strong>
          <a href={profilePath(n.account)}>
            <EmojiText
              text={displayName(n.account)}
              emojis={n.account.emojis}
            />
          </a>
        </strong>{" "}
        {text}
        {n.type === "move" && n.target && (
          <a href={profilePath(n.target)}>{displayName(n.target)}</a>
        )}
        {n.type === "follow_request" && <a href="/follow_requests">Review</a>}
        {n.type === "severed_relationships" && n.event && (
          <a href="/severed_relationships">
            See who (blocked: {n.event.target_name})
          </a>
        )}
        {n.type === "admin.report" && n.report && (
          <a href={`/admin/reports/${n.report.id}`}>Review</a>
        )}
        <time datetime={n.created_at}>
          <span class="time-long">{formatDateTime(n.created_at)}</span>
          <span class="time-short" aria-hidden="true">
            {formatShortDate(n.created_at)}
          </span>
        </time>
      </p>
      {n.status && <StatusCard status={n.status} context={context} />}
    </div>
  );
}
