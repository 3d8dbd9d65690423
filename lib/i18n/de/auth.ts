import type { AuthMessages } from "../en/auth.ts";

/** Signing in and up, the app consent page and their shared widgets, in German. */
export const auth: AuthMessages = {
  signIn: {
    title: "Anmelden",
    passwordReset:
      "Dein Passwort wurde geändert, und alle Geräte und Apps wurden abgemeldet. Melde dich mit dem neuen Passwort an.",
    deletionRequested:
      "Dein Konto wird gelöscht, und alle Geräte und Apps wurden abgemeldet. Melde dich vorher erneut an, um die Löschung abzubrechen.",
    login: "Profilname oder E-Mail-Adresse",
    password: "Passwort",
    submit: "Anmelden",
    forgotPassword: "Passwort vergessen?",
    newHere: "Neu hier?",
    createAccount: "Konto erstellen",
  },
  signUp: {
    title: "Registrieren",
    pendingHeading: "Fast geschafft",
    pending:
      "Dein Konto wurde erstellt und wartet auf die Freigabe durch die Moderation. Sobald es freigegeben ist, kannst du dich anmelden.",
    pendingConfirm:
      "Bitte bestätige in der Zwischenzeit deine E-Mail-Adresse mit dem Link, den wir dir geschickt haben.",
    badInviteClosed: "Dieser Einladungslink ist nicht mehr gültig.",
    closed: "Registrierungen sind auf diesem Server geschlossen.",
    heading: "Konto erstellen",
    invitedBy: "Du wurdest von @{username} eingeladen.",
    badInvite:
      "Dieser Einladungslink ist nicht mehr gültig; du kannst dich trotzdem ohne ihn registrieren.",
    reviewed:
      "Neue Konten auf diesem Server werden von der Moderation geprüft.",
    rules: "Serverregeln",
    rulesAgree:
      "Mit der Registrierung erklärst du dich bereit, sie einzuhalten.",
    username: "Profilname",
    usernameHelp: "Buchstaben, Ziffern und Unterstriche; höchstens 30 Zeichen.",
    email: "E-Mail-Adresse",
    password: "Passwort",
    confirmPassword: "Passwort bestätigen",
    dateOfBirth:
      "Geburtsdatum (du musst mindestens {age} Jahre alt sein; es wird geprüft, aber nicht gespeichert)",
    reason: "Warum möchtest du beitreten?",
    acceptBefore: "Mit der Registrierung akzeptierst du die ",
    privacyPolicy: "Datenschutzerklärung",
    acceptAnd: " und die ",
    termsOfService: "Nutzungsbedingungen",
    acceptAfter: ".",
    submit: "Registrieren",
    haveAccount: "Du hast bereits ein Konto?",
    signIn: "Anmelden",
  },
  twoFactor: {
    title: "Zwei-Faktor-Authentisierung",
    useKey: "Sicherheitsschlüssel verwenden",
    code:
      "Code aus deiner Authentifizierungs-App oder ein Wiederherstellungscode",
    submit: "Anmelden",
  },
  confirmation: {
    confirmedTitle: "E-Mail-Adresse bestätigt",
    confirmedAccount:
      "Danke: Deine E-Mail-Adresse ist bestätigt, und du kannst jetzt Beiträge veröffentlichen.",
    confirmedChange:
      "Deine neue E-Mail-Adresse ist bestätigt und wird ab jetzt für dein Konto verwendet.",
    goHome: "Zu deiner Startseite",
    signIn: "Anmelden",
    title: "Bestätige deine E-Mail-Adresse",
    sent: "Ein neuer Bestätigungslink ist unterwegs an {email}.",
    sentToBefore: "Wir haben einen Link an ",
    sentToAfter:
      " geschickt. Folge ihm, um deine Adresse zu bestätigen; bis dahin kannst du lesen, aber keine Beiträge veröffentlichen. Der Link ist 24 Stunden lang gültig.",
    sendAgain: "Link erneut senden",
    wrongAddressBefore: "Falsche Adresse? Ändere sie in ",
    wrongAddressLink: "deinen E-Mail-Einstellungen",
    wrongAddressAfter: ".",
  },
  confirmNotice: {
    before: "Bitte bestätige deine E-Mail-Adresse: Folge dem Link, den wir an ",
    after:
      " geschickt haben. Bis dahin kannst du lesen, aber keine Beiträge veröffentlichen.",
    sendAgain: "Link erneut senden",
  },
  forgotPassword: {
    title: "Passwort vergessen",
    heading: "Passwort vergessen?",
    sent:
      "Wenn diese E-Mail-Adresse zu einem Konto hier gehört, ist ein Link zum Zurücksetzen des Passworts unterwegs. Er ist 1 Stunde lang gültig.",
    intro:
      "Gib die E-Mail-Adresse deines Kontos ein: Wir schicken dir einen Link, mit dem du ein neues Passwort festlegen kannst.",
    email: "E-Mail-Adresse",
    submit: "Link zum Zurücksetzen senden",
    back: "Zurück zur Anmeldung",
  },
  resetPassword: {
    title: "Neues Passwort festlegen",
    submit: "Neues Passwort speichern",
    askAgain: "Einen neuen Link anfordern",
  },
  passwordFields: {
    current: "Aktuelles Passwort",
    yours: "Dein Passwort",
    new: "Neues Passwort",
    confirmNew: "Neues Passwort bestätigen",
  },
  securityKey: {
    waiting: "Warte auf deinen Schlüssel …",
    notUsed:
      "Der Schlüssel wurde nicht verwendet (abgebrochen oder Zeit abgelaufen). Versuche es erneut.",
    browserFailed:
      "Dein Browser konnte den Schlüssel nicht verwenden: {reason}",
  },
  oauth: {
    failedTitle: "Autorisierung fehlgeschlagen",
    goHome: "Zur Startseite",
    codeTitle: "Autorisierungscode",
    copyCode: "Kopiere diesen Code und füge ihn in {app} ein.",
    title: "{app} autorisieren",
    heading: "{app} autorisieren?",
    wantsBefore: " möchte dein Konto ",
    wantsAfter: " verwenden. Die App kann dann:",
    trustBefore:
      "Autorisiere nur Apps, denen du vertraust. Du kannst den Zugriff jederzeit widerrufen unter ",
    trustLink: "Einstellungen › Apps",
    trustAfter: ".",
    deny: "Ablehnen",
    authorize: "Autorisieren",
    unreadable: "Das Formular konnte nicht gelesen werden.",
    expired:
      "Dieses Formular ist abgelaufen. Geh zurück, lade die Seite neu und versuche es erneut.",
    notSignedIn: "Du bist nicht angemeldet.",
    scopes: {
      read:
        "Alles in deinem Konto sehen: Beiträge, Timelines, Listen und Einstellungen",
      write:
        "Beiträge veröffentlichen, bearbeiten und löschen sowie alles in deinem Konto ändern",
      follow: "Für dich Konten folgen, entfolgen, blockieren und stummschalten",
      push: "Dir Push-Benachrichtigungen senden",
      profile: "Nur dein einfaches Profil sehen (Name, Bild, Biografie)",
      "admin:read": "Alle Daten auf diesem Server sehen (Moderation)",
      "admin:write": "Alle Daten auf diesem Server ändern (Moderation)",
    },
    readScope: "Lesezugriff auf {what}",
    writeScope: "Schreibzugriff auf {what}",
  },
};
