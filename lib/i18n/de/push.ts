import type { PushMessages } from "../en/push.ts";

export const push: PushMessages = {
  needsJavaScript:
    "Browser-Benachrichtigungen brauchen JavaScript und einen Browser, der sie unterstützt.",
  unsupported:
    "Dieser Browser unterstützt keine Benachrichtigungen von Websites.",
  blocked:
    "Benachrichtigungen dieser Website sind in den Einstellungen deines Browsers blockiert.",
  off:
    "Lass dich von diesem Browser benachrichtigen, wenn dich jemand erwähnt, dir folgt oder deine Beiträge teilt – auch wenn diese Website geschlossen ist.",
  on: "Dieser Browser zeigt deine Mitteilungen an.",
  busy: "Einen Moment …",
  turnOn: "Browser-Benachrichtigungen einschalten",
  turnOff: "Browser-Benachrichtigungen ausschalten",
  failed: "Benachrichtigungen konnten nicht eingeschaltet werden ({status})",
};
