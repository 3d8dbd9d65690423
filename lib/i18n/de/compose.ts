import type { ComposeMessages } from "../en/compose.ts";

export const compose: ComposeMessages = {
  box: {
    visibilityLabel: "Wer diesen Beitrag sehen kann",
    visibilityPublic: "Öffentlich",
    visibilityUnlisted: "Nicht gelistet (nicht in öffentlichen Timelines)",
    visibilityPrivate: "Nur Follower",
    visibilityDirect: "Nur erwähnte Profile",
    languageLabel: "Sprache des Beitrags",
    scheduleLabel: "Veröffentlichen am (optional)",
    scheduleUtcNote: "Ohne JavaScript gilt diese Zeit als UTC.",
    scheduled: "Geplant für {time}.",

    contentWarning: "Inhaltswarnung",
    contentWarningText: "Text der Inhaltswarnung",
    contentWarningPlaceholder: "Schreibe hier deine Warnung",
    textLabel: "Was gibt’s Neues?",
    textPlaceholder: "Was gibt’s Neues?",
    replyLabel: "Deine Antwort",
    replyPlaceholder: "Schreibe deine Antwort",
    charactersLeft: "Noch {count} Zeichen",
    post: "Veröffentlichen",
    reply: "Antworten",
    posting: "Wird veröffentlicht …",
    posted: "Veröffentlicht.",
    draftRestored: "Dein nicht gesendeter Entwurf ist wieder da.",
    attachFailed: "„{name}“ kann nicht angehängt werden: {reason}",

    attachImages: "Bilder anhängen",
    addImages: "Bilder hinzufügen",
    imagesToAttach: "Anzuhängende Bilder",
    upToImages: "Bis zu {max} Bilder",
    imagesFull: "{max} Bilder angehängt (das Maximum)",
    image: "Bild {n}",
    imageInSentence: "Bild {n}",
    altTextFor: "Bildbeschreibung für Bild {n}",
    altTextPlaceholder: "Beschreibe es für Menschen, die es nicht sehen können",
    removeImage: "Bild {n} entfernen",
    focalPointOf: "Fokuspunkt von {image}",
    setFocalPointOf: "Fokuspunkt von {image} festlegen",
    focalPointClick:
      "Klicke auf die Stelle im Bild, auf die es am meisten ankommt, oder gib sie ein:",
    focalPointHelp: "−1 bis 1, von links und von unten; 0 ist die Mitte.",
    focalPointAcross: "Waagerecht",
    focalPointUp: "Senkrecht",

    addPoll: "Umfrage hinzufügen",
    poll: "Umfrage",
    pollOption: "Option {n}",
    removePollOption: "Entfernen",
    removedPollOption: "Option {n}",
    addPollOption: "Option hinzufügen",
    pollLength: "Laufzeit der Umfrage",
    pollMultiple: "Mehrfachauswahl erlauben",
    pollHideTotals: "Stimmenzahlen bis zum Ende der Umfrage verbergen",

    customEmoji: "Eigene Emojis",
    customEmojiUncategorised: "Eigene",
  },

  newPost: "Neuer Beitrag",
  scheduledNotice: "Dein Beitrag ist für {time} UTC geplant.",
  scheduleWithoutImages:
    "Ohne JavaScript kann ein geplanter Beitrag noch keine Bilder haben. Es wurde nichts veröffentlicht.",
  moved:
    "Dieses Konto ist zu einem anderen Konto umgezogen und kann keine Beiträge mehr veröffentlichen (siehe {link}).",
  movedLink: "Zu einem anderen Konto umziehen",
  tooManyUploads:
    "Du hast in der letzten halben Stunde viele Bilder hochgeladen. Es wurde nichts veröffentlicht; bitte versuche es später noch einmal.",
  imagesTooLarge:
    "Deine Bilder sind zusammen zu groß (höchstens {size} MB pro Bild).",
  chooseImagesAgain:
    "Es wurde nichts veröffentlicht. Bitte wähle deine Bilder noch einmal aus.",

  editPost: "Beitrag bearbeiten",
  contentWarningOptional: "Inhaltswarnung (optional)",
  text: "Text",
  altText: "Beschreibung (Bildbeschreibung)",
  focalPointAcrossRange: "Fokuspunkt, waagerecht (−1 links bis 1 rechts)",
  focalPointDownRange: "Fokuspunkt, senkrecht (1 oben bis −1 unten)",
  saveChanges: "Änderungen speichern",
  cancel: "Abbrechen",

  deleteTitle: "Beitrag löschen?",
  deleteQuestion: "Diesen Beitrag löschen?",
  deleteExplained:
    "Beim Löschen wird er hier entfernt und andere Server werden gebeten, ihn zu entfernen. „Löschen und neu verfassen“ öffnet ihn zuerst auf der Seite zum Verfassen; geteilte Beiträge und Favoriten gehen verloren, und Bilder müssen neu angehängt werden.",
  delete: "Löschen",
  deleteAndRedraft: "Löschen und neu verfassen",
};
