import { counter } from "../count.ts";

const { count } = counter("en");

/**
 * The notifications pages (routes/notifications.tsx, routes/notifications/requests) and the
 * notification policy form (components/NotificationPolicyForm.tsx). What one notification says
 * is the `notification` section.
 */
export const notifications = {
  title: "Notifications",
  /** The title while some are unread. */
  titleUnread: (unread: number) => `Notifications (${unread})`,
  followRequests: "Follow requests",
  /** `3 filtered notifications from 2 people` */
  filteredSummary: (notifications: number, people: number) =>
    `${
      count(notifications, "filtered notification", "filtered notifications")
    } from ${count(people, "person", "people")}`,
  review: "Review",
  empty:
    "Nothing yet. When people follow you, mention you, boost or favourite your posts, you'll see it here.",
  older: "Older",
  newer: "Newer",
  filteredTitle: "Filtered notifications",
  filteredIntro:
    "Your notification settings held these back. Accept a sender to see their notifications (now and from then on), or dismiss them.",
  allNotifications: "All notifications",
  accepted: "Accepted: their notifications are in your list now.",
  policySaved: "Notification settings saved.",
  dismissed: "Dismissed.",
  accept: "Accept",
  dismiss: "Dismiss",
  /** How many a held-back sender has. */
  count: (n: number) => count(n, "notification", "notifications"),
  noFiltered: "No filtered notifications.",
  policyTitle: "Notifications from…",
  forNotFollowing: "People you don't follow",
  forNotFollowers: "People who don't follow you",
  forNewAccounts: "New accounts (under 30 days old)",
  forPrivateMentions: "Unsolicited private mentions",
  forLimitedAccounts: "Accounts limited by the moderators",
  policyAccept: "Show",
  policyFilter: "Filter (review here)",
  policyDrop: "Ignore",
  savePolicy: "Save notification settings",
};

export type NotificationsMessages = typeof notifications;
