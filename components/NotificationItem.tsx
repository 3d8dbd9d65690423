import type { UiNotification } from "./mastodon.ts";
import { fill, StatusCard, type StatusContext } from "./StatusCard.tsx";
import type { Messages } from "../lib/i18n/messages.ts";
import { Icon, type IconName } from "./Icon.tsx";
import {
  displayName,
  formatDateTime,
  formatShortDate,
  profilePath,
} from "./format.ts";
import { EmojiText } from "./CustomEmoji.tsx";

type NotificationLabels = Messages["notification"];
type Kind = Exclude<keyof NotificationLabels, "review" | "seeWho">;

const ICONS: Record<Kind, IconName> = {
  follow: "userPlus",
  follow_request: "userPlus",
  favourite: "star",
  reblog: "boost",
  mention: "reply",
  status: "bell",
  update: "bell",
  poll: "bell",
  "admin.report": "bell",
  "admin.sign_up": "userPlus",
  move: "userPlus",
  severed_relationships: "bell",
};

/** One notification: who did what, and the post it was about. */
export function NotificationItem(
  { notification: n, context, labels }: {
    notification: UiNotification;
    context: StatusContext;
    /** In the page's language (lib/i18n). */
    labels: NotificationLabels;
  },
) {
  const kind = Object.hasOwn(ICONS, n.type) ? n.type as Kind : null;
  const icon = kind ? ICONS[kind] : "bell";
  const text = kind ? labels[kind] : n.type;
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
        {n.type === "follow_request" && (
          <a href="/follow_requests">{labels.review}</a>
        )}
        {n.type === "severed_relationships" && n.event && (
          <a href="/severed_relationships">
            {fill(labels.seeWho, { domain: n.event.target_name })}
          </a>
        )}
        {n.type === "admin.report" && n.report && (
          <a href={`/admin/reports/${n.report.id}`}>{labels.review}</a>
        )}
        <time datetime={n.created_at}>
          <span class="time-long">
            {formatDateTime(n.created_at, context.locale ?? "en")}
          </span>
          <span class="time-short" aria-hidden="true">
            {formatShortDate(n.created_at, context.locale ?? "en")}
          </span>
        </time>
      </p>
      {n.status && <StatusCard status={n.status} context={context} />}
    </div>
  );
}
