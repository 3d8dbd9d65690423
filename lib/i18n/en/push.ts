/** Browser notifications (islands/BrowserNotifications.tsx, Settings › Preferences). */
export const push = {
  needsJavaScript:
    "Browser notifications need JavaScript and a browser that supports them.",
  unsupported: "This browser doesn't support notifications from websites.",
  blocked:
    "Notifications from this site are blocked in your browser's settings.",
  off:
    "Get a notification from this browser when someone mentions, follows or boosts you, even with this site closed.",
  on: "This browser shows your notifications.",
  busy: "One moment…",
  turnOn: "Turn on browser notifications",
  turnOff: "Turn off browser notifications",
  /** `{status}`: the HTTP status. */
  failed: "Couldn't turn notifications on ({status})",
};

export type PushMessages = typeof push;
