import type { FormErrorMessages } from "../en/errors.ts";

/** Refusals shown in the account forms, in German. */
export const errors: FormErrorMessages = {
  csrfFailed:
    "Dein Formular ist abgelaufen oder kam von einer anderen Website. Bitte versuche es erneut.",
  passwordsDiffer: "Die Passwörter stimmen nicht überein",
  tooManySignIns:
    "Zu viele Anmeldeversuche. Bitte warte ein paar Minuten und versuche es dann erneut.",
  tooManyAttempts: "Zu viele Versuche. Bitte warte ein paar Minuten.",
  signInTookTooLong:
    "Diese Anmeldung hat zu lange gedauert. Bitte melde dich erneut an.",
  chooseCsv: "Wähle eine CSV-Datei zum Importieren aus.",
  csvTooLarge: "Die Datei ist zu groß (höchstens 4 MB).",
  nothingImported: "Es wurde nichts importiert. {reason}",

  invalidLogin: "E-Mail-Adresse oder Passwort ungültig",
  accountDisabled: "Dieses Konto ist deaktiviert",
  awaitingApproval:
    "Dein Konto wartet noch auf die Freigabe durch die Moderation",
  registrationsClosed: "Registrierungen sind auf diesem Server geschlossen",
  usernameBlank: "Der Profilname darf nicht leer sein",
  usernameTooLong: "Der Profilname ist zu lang (höchstens {max} Zeichen)",
  usernameCharacters:
    "Der Profilname darf nur Buchstaben, Ziffern und Unterstriche enthalten",
  usernameUnderscore:
    "Der Profilname darf nicht mit einem Unterstrich beginnen",
  usernameReserved: "Dieser Profilname ist reserviert",
  usernameTaken: "Dieser Profilname ist bereits vergeben",
  emailInvalid: "Die E-Mail-Adresse ist ungültig",
  emailTaken: "Diese E-Mail-Adresse wird bereits verwendet",
  passwordTooShort: "Das Passwort ist zu kurz (mindestens {min} Zeichen)",
  passwordTooLong: "Das Passwort ist zu lang",
  reasonBlank: "Bitte gib einen Grund an",
  inviteInvalid: "Diese Einladung ist nicht mehr gültig",
  birthDateBlank: "Bitte gib dein Geburtsdatum an",
  birthDateInvalid: "Das Geburtsdatum ist ungültig",
  birthDateTooYoung: "Du hast das Mindestalter noch nicht erreicht",
  agreementRequired: "Bitte stimme den Bedingungen zu",

  twoFactorCodeInvalid: "Ungültiger Zwei-Faktor-Code",
  twoFactorAlreadyOn: "Die Zwei-Faktor-Authentisierung ist bereits aktiviert",
  twoFactorOff: "Die Zwei-Faktor-Authentisierung ist deaktiviert",
  passwordWrongTwoFactor: "Das Passwort ist falsch",
  startSetUpFirst: "Starte zuerst die Einrichtung",
  codeMismatch: "Dieser Code ist nicht der, den deine App gerade anzeigt",
  twoFactorFirst:
    "Aktiviere zuerst die Zwei-Faktor-Authentisierung mit einer App",
  keyNameBlank: "Gib dem Schlüssel einen Namen",
  keyNameTooLong: "Der Name ist zu lang (höchstens {max} Zeichen)",
  keyNameTaken: "Du hast bereits einen Schlüssel mit diesem Namen",
  tookTooLong: "Das hat zu lange gedauert. Bitte versuche es erneut.",
  keyAnswerUnverified:
    "Die Antwort des Schlüssels konnte nicht überprüft werden",
  keyNotAccepted: "Der Sicherheitsschlüssel wurde nicht akzeptiert",
  noKeyAnswer:
    "Der Browser hat keine Antwort eines Sicherheitsschlüssels gesendet",
  noSuchKey: "Diesen Sicherheitsschlüssel gibt es nicht",

  currentPasswordWrong: "Das aktuelle Passwort ist falsch",
  sameEmail: "Das ist bereits deine E-Mail-Adresse",
  alreadyConfirmed:
    "Das geht nur, solange die E-Mail-Adresse auf ihre Bestätigung wartet",
  confirmationLinkBroken:
    "Dieser Bestätigungslink ist ungültig, wurde bereits verwendet oder ist abgelaufen.",
  resetLinkBroken:
    "Dieser Link zum Zurücksetzen des Passworts ist ungültig, wurde bereits verwendet oder ist abgelaufen. Bitte fordere einen neuen an.",

  displayNameTooLong: "Der Anzeigename ist zu lang (höchstens {max} Zeichen)",
  noteTooLong: "Die Biografie ist zu lang (höchstens {max} Zeichen)",
  tooManyFields: "Zu viele Zusatzfelder (höchstens {max})",
  fieldsTooLong: "Zusatzfelder sind zu lang (höchstens {max} Zeichen je Feld)",
  privacyInvalid: "Diese Sichtbarkeit steht nicht zur Auswahl",
  themeInvalid: "Dieses Design steht nicht zur Auswahl",
  localeUnavailable: "Diese Sprache der Oberfläche ist nicht verfügbar",
  languageInvalid: "Die Standardsprache ist kein Sprachcode",

  handleRequired: "Gib die Adresse des Kontos ein, etwa @name@server",
  handleNotFound: "{handle} wurde nicht gefunden",
  handleIsSelf: "Das ist dieses Konto",
  movedAgainAfter: "Du kannst erst nach {date} wieder umziehen",
  targetMoved: "Dieses Konto ist selbst umgezogen",
  aliasMissing:
    "{handle} führt dieses Konto nicht als Alias: Füge es dort zuerst hinzu",

  domainInvalid: "Die Domain darf nicht leer oder ungültig sein",
  ownDomain: "Du kannst deine eigene Domain nicht blockieren",

  archiveWeekly: "Du kannst alle 7 Tage ein Archiv anfordern.",
  archiveBusy: "Eines deiner Archive wird bereits gelesen.",
  archiveTooLarge: "Das Archiv ist zu groß (höchstens 2 GB).",
  chooseArchive: "Wähle eine Archivdatei zum Importieren aus.",
  archiveNotWaiting: "Dieses Archiv wartet nicht auf eine Bestätigung.",
  fileEmpty: "Die Datei ist leer",
  fileNoRows: "Die Datei enthält keine Zeilen",
  headerMissing: "Zeile 1: Der Kopfzeile fehlt die Spalte „{column}“",
  badLine: "Zeile {line}: {reason}",
  tooManyRows:
    "Die Datei hat {count} Zeilen; höchstens {max} können auf einmal importiert werden",
  rowNotFound: "{what} wurde nicht gefunden",
  rowSuspended: "{what} ist gesperrt",
  rowRequested:
    "{acct} hat deine Follower-Anfrage noch nicht angenommen; füge das Konto der Liste hinzu, sobald es so weit ist",

  appealBlank: "Der Text darf nicht leer sein",
  appealTooLong: "Der Text ist zu lang (höchstens {max} Zeichen)",
  alreadyAppealed: "Gegen diese Verwarnung wurde bereits Einspruch erhoben",

  unsubscribeLinkInvalid: "Dieser Abmeldelink ist ungültig.",
  signInFirst: "Bitte melde dich zuerst an.",
  uploadCutShort: "Der Upload wurde abgebrochen. Bitte versuche es erneut.",

  tooManyMedia: "Zu viele Medienanhänge",
  mediaAndPoll:
    "Medien und eine Umfrage können nicht zusammen angehängt werden",
  pollTooFewOptions: "Eine Umfrage braucht mindestens 2 Optionen",
  pollTooManyOptions: "Eine Umfrage kann höchstens {max} Optionen haben",
  pollOptionLength: "Umfrageoptionen müssen 1 bis 50 Zeichen lang sein",
  pollOptionsUnique: "Umfrageoptionen müssen sich voneinander unterscheiden",
  pollDuration:
    "Die Laufzeit der Umfrage liegt außerhalb des erlaubten Bereichs",
  visibilityUnknown: "Diese Sichtbarkeit gibt es nicht",
  attachAtMost: "Du kannst höchstens {max} Dateien anhängen",
  cannotAttach: "{label} kann nicht angehängt werden: {reason}",
  mediaNotAttached: "Die Medien konnten nicht angehängt werden",
  descriptionTooLong:
    "Die Bildbeschreibung ist zu lang (höchstens {max} Zeichen)",
  focusInvalid:
    "Der Fokuspunkt muss aus zwei Zahlen von -1 bis 1 bestehen: x,y",
  fileTypeUnsupported: "Dieser Dateityp wird nicht unterstützt",
  fileContentMismatch: "Der Dateiinhalt ist {actual}, nicht {claimed}",
  replyTargetMissing:
    "Der Beitrag, auf den du antworten möchtest, scheint nicht zu existieren",
  replyToBoost: "Auf einen geteilten Beitrag kann nicht geantwortet werden",
  fileNumber: "Datei {n}",

  listTitleBlank: "Der Titel muss ausgefüllt werden",
  repliesPolicyUnknown: "Diese Einstellung für Antworten gibt es nicht",
  filterContextBlank: "Wähle mindestens einen Bereich, in dem der Filter gilt",
  filterActionUnknown: "Diese Filteraktion gibt es nicht",
  filterActionInvalid: "Die Filteraktion ist ungültig",
  keywordBlank: "Das Schlagwort muss ausgefüllt werden",
  actionTypeUnknown: "Diese Maßnahme gibt es nicht",
  appealDecided: "Über diesen Einspruch wurde bereits entschieden",
  alreadySubscribed: "Diese Liste ist bereits abonniert",
  urlInvalid: "Die URL ist ungültig",
  urlScheme: "Die URL muss mit http oder https beginnen",
  canonicalHashBlank: "Der Hash der E-Mail-Adresse muss ausgefüllt werden",
  canonicalHashTaken: "Diese E-Mail-Adresse ist bereits gesperrt",
  emailBlank: "Die E-Mail-Adresse muss ausgefüllt werden",
  domainNameInvalid: "Das ist kein gültiger Domainname",
  severityUnknown: "Diese Schwere gibt es nicht",
  domainAlreadyBlocked: "Die Domain ist bereits gesperrt",
  hashtagCaseOnly:
    "Der Anzeigename darf nur die Groß- und Kleinschreibung des Hashtags ändern",
  maxUsesPositive:
    "Die maximale Anzahl an Verwendungen muss eine positive Zahl sein",
  expiresInPositive:
    "Die Gültigkeitsdauer muss eine positive Anzahl Sekunden sein",
  reportContentBlank: "Der Inhalt muss ausgefüllt werden",
  nameBlank: "Der Name muss ausgefüllt werden",
  nameTooLongShort: "Der Name ist zu lang",
  colorInvalid: "Die Farbe muss ein Hex-Wert wie #2b90d9 sein",
  ownRole:
    "Du kannst Position und Berechtigungen deiner eigenen Rolle nicht ändern",
  positionInvalid: "Die Position muss eine ganze Zahl ab 0 sein",
  grantBeyondOwn:
    "Du kannst keine Berechtigungen vergeben, die du selbst nicht hast",
  nameTaken: "Der Name ist bereits vergeben",
  everyoneModeration:
    "Allen Benutzer*innen dürfen nur Berechtigungen gegeben werden, die keinen Zugang zur Moderation öffnen",
  notARole: "Keine Rolle",
  domainTaken: "Die Domain ist bereits eingetragen",
  ipInvalid: "Die IP-Adresse ist ungültig",
  ipBlank: "Die IP-Adresse muss ausgefüllt werden",
  severityBlank: "Die Schwere muss ausgefüllt werden",
  ipTaken: "Für diese IP-Adresse gibt es bereits eine Regel",
  networkSignUps: "Registrierungen aus deinem Netzwerk sind nicht erlaubt",
  emailProvider: "Dieser E-Mail-Anbieter ist nicht erlaubt",
  presetTooLong: "Zu lang",
  startsEndsTogether:
    "Beginn und Ende gehören zusammen: gib beides an oder keins",
  endsAfterStarts: "Das Ende muss nach dem Beginn liegen",
  scheduledFuture: "Der geplante Zeitpunkt muss in der Zukunft liegen",
  serverNameTooLong: "Der Servername ist zu lang (höchstens {max} Zeichen)",
  shortDescriptionTooLong:
    "Die Kurzbeschreibung ist zu lang (höchstens {max} Zeichen)",
  contactEmailInvalid: "Die Kontakt-E-Mail-Adresse ist ungültig",
  registrationsModeUnknown: "Diesen Registrierungsmodus gibt es nicht",
  showDomainBlocksUnknown:
    "Diese Einstellung für gesperrte Domains gibt es nicht",
  contactNotLocal: "Das Kontaktkonto ist kein Konto dieses Servers",
  effectiveDateInvalid: "Das Datum des Inkrafttretens ist kein gültiges Datum",
  termsInForce:
    "Bereits geltende Nutzungsbedingungen können nicht geändert werden",
  shortcodeInvalid:
    "Der Shortcode muss mindestens 2 Zeichen lang sein: nur Buchstaben, Ziffern und Unterstriche",
  shortcodeTaken: "Der Shortcode ist bereits vergeben",
  categoryLocalOnly: "Nur lokale Emojis haben eine Kategorie",
  emojiAlreadyLocal: "Dieses Emoji ist bereits lokal",
  emojiNoImage: "Dieses Emoji hat kein Bild, das kopiert werden könnte",

  accountMoved:
    "Dieses Konto ist umgezogen und kann keine Beiträge mehr veröffentlichen",
  newAccountNoAlias: "Das neue Konto führt das alte nicht als Alias",
  pinOthers: "Beiträge anderer können nicht angeheftet werden",
  pinNonPublic: "Nicht öffentliche Beiträge können nicht angeheftet werden",
  pinLimit: "Du hast bereits die größtmögliche Zahl an Beiträgen angeheftet",
  pollEnded: "Die Umfrage ist bereits beendet",
  pollOwnVote: "Du kannst nicht in deiner eigenen Umfrage abstimmen",
  pollNoSuchOption: "Diese Option gibt es nicht",
  pollOneOption: "Du kannst nur eine Option wählen",
  pollAlreadyVoted: "Du hast in dieser Umfrage bereits abgestimmt",
  appNameTooLong: "Der Name ist zu lang (höchstens {max} Zeichen)",
  redirectUriBlank: "Die Weiterleitungs-URI muss ausgefüllt werden",
  attributionDomains:
    "Die Domains für die Urheberschaft sind keine gültigen Domains",
  followSelf: "Du kannst dir nicht selbst folgen",
  blockSelf: "Du kannst dich nicht selbst blockieren",
  muteSelf: "Du kannst dich nicht selbst stummschalten",
  durationPositive: "Die Dauer muss positiv sein",
  ruleIdsInvalid: "Die gewählten Regeln gibt es nicht",
  scheduledDateInvalid: "Der geplante Zeitpunkt ist kein gültiges Datum",
  scheduledInPast: "Der geplante Zeitpunkt muss in der Zukunft liegen",
  notAllowed: "Diese Aktion ist nicht erlaubt",
  recordNotFound: "Nicht gefunden",
};
