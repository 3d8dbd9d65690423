import type { ThreadMessages } from "../en/thread.ts";
import { counter } from "../count.ts";

const { count } = counter("de");

export const thread: ThreadMessages = {
  postBy: (name) => `Beitrag von ${name}`,
  conversation: "Unterhaltung",
  editHistory: "Bearbeitungsverlauf",
  backToPost: "Zurück zum Beitrag",
  original: "Original",
  currentVersion: "Aktuelle Version",
  edited: "Bearbeitet",
  contentWarning: (text) => `Inhaltswarnung: ${text}`,
  attachments: (n) => count(n, "Anhang", "Anhänge"),
  headTitle: (handle, excerpt) => `${handle}: „${excerpt}“`,
  headWarning: (text) => `Inhaltswarnung: ${text}`,
  headPicture: "ein Bild",
  headPost: "ein Beitrag",
};
