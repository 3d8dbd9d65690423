import type { SettingsMessages } from "../en/settings.ts";

/**
 * The settings pages, account status, severed relationships and unsubscribing, in German
 * (Mastodon's German wording: „Stummgeschaltete Konten“, „Konto-Aliasse“, „Einspruch“ …).
 */
export const settings: SettingsMessages = {
  heading: "Einstellungen",
  pageTitle: "Einstellungen · {page}",
  nav: {
    label: "Einstellungen",
    profile: "Profil",
    preferences: "Beiträge",
    email: "E-Mail",
    password: "Passwort",
    twoFactor: "Zwei-Faktor",
    apps: "Apps",
    followRequests: "Follower-Anfragen",
    invites: "Einladungen",
    mutes: "Stummgeschaltet",
    blocks: "Blockiert",
    domainBlocks: "Blockierte Domains",
    followedTags: "Gefolgte Hashtags",
    import: "Importieren",
    export: "Exportieren",
    aliases: "Konto-Aliasse",
    migration: "Zu einem anderen Konto umziehen",
    delete: "Konto löschen",
    archive: "Archiv",
  },
  profile: {
    heading: "Profil",
    saved: "Profil gespeichert.",
    displayName: "Anzeigename",
    bio: "Über mich",
    fields: "Zusatzfelder",
    fieldsHelp:
      "Bis zu vier beschriftete Links oder Angaben, die als Tabelle in deinem Profil erscheinen.",
    fieldLabel: "Beschriftung {n}",
    fieldContent: "Inhalt {n}",
    locked: "Follower manuell bestätigen (geschütztes Konto)",
    bot: "Dies ist ein automatisiertes Konto (Bot)",
    save: "Profil speichern",
  },
  preferences: {
    heading: "Standardeinstellungen für Beiträge",
    saved: "Einstellungen gespeichert.",
    visibility: "Standard-Sichtbarkeit neuer Beiträge",
    visibilityChoices: {
      public: ["Öffentlich", "Alle, auch in öffentlichen Timelines"],
      unlisted: [
        "Nicht gelistet",
        "Alle, aber nicht in öffentlichen Timelines",
      ],
      private: ["Nur Follower", "Nur deine Follower"],
      direct: ["Nur erwähnte Profile", "Nur die Profile, die du erwähnst"],
    },
    sensitive: "Medien immer mit einer Inhaltswarnung versehen",
    save: "Einstellungen speichern",
    appearance: "Erscheinungsbild",
    theme: "Design",
    themeChoices: {
      system: "Wie dieses Gerät (hell oder dunkel)",
      light: "Hell",
      dark: "Dunkel",
      contrast: "Hoher Kontrast",
    },
    saveAppearance: "Erscheinungsbild speichern",
    browserNotifications: "Browser-Benachrichtigungen",
    emailNotifications: "E-Mail-Benachrichtigungen",
    emailAbout: "Schicke mir eine E-Mail über",
    saveEmail: "E-Mail-Benachrichtigungen speichern",
  },
  email: {
    title: "E-Mail",
    heading: "E-Mail-Adresse",
    current: "Deine Adresse:",
    unconfirmed: " (noch nicht bestätigt)",
    requestedBefore: "Ein Bestätigungslink ist unterwegs an ",
    requestedAfter: ". Deine Adresse ändert sich, sobald du ihm folgst.",
    newAddress: "Neue E-Mail-Adresse",
    submit: "E-Mail-Adresse ändern",
  },
  password: {
    title: "Passwort",
    heading: "Passwort ändern",
    saved: "Passwort geändert. Andere Geräte und Apps wurden abgemeldet.",
    submit: "Passwort ändern",
  },
  twoFactor: {
    title: "Zwei-Faktor-Authentisierung",
    codesHeading: "Deine Wiederherstellungscodes",
    codesHelp:
      "Bewahre sie sicher auf: Jeder meldet dich einmal an, falls du dein Telefon verlierst. Sie werden nur jetzt angezeigt.",
    on:
      "Aktiviert: Bei der Anmeldung wird ein Code aus deiner Authentifizierungs-App abgefragt. Verbleibende Wiederherstellungscodes: {count}.",
    keysLink: "Sicherheitsschlüssel",
    keysAfter:
      " ermöglichen die Anmeldung mit einem Schlüssel oder Passkey statt eines Codes. Wenn du die Zwei-Faktor-Authentisierung deaktivierst, werden auch sie entfernt.",
    newCodes: "Neue Wiederherstellungscodes erstellen",
    turnOff: "Zwei-Faktor-Authentisierung deaktivieren",
    scan:
      "Scanne diesen Code mit deiner Authentifizierungs-App (oder gib den Schlüssel unten ein) und tippe dann den Code ein, den sie anzeigt.",
    qrLabel: "QR-Code für deine Authentifizierungs-App",
    key: "Schlüssel:",
    code: "Code aus der App",
    turnOn: "Aktivieren",
    off:
      "Deaktiviert. Wenn aktiviert, wird bei der Anmeldung zusätzlich ein Code aus einer App auf deinem Telefon abgefragt (jede TOTP-App).",
    setUp: "Einrichten",
  },
  securityKeys: {
    title: "Sicherheitsschlüssel",
    added: "Sicherheitsschlüssel hinzugefügt.",
    needsTwoFactor:
      "Sicherheitsschlüssel sind ein zweiter Faktor neben einer Authentifizierungs-App. ",
    turnOnLink: "Aktiviere zuerst die Zwei-Faktor-Authentisierung",
    needsTwoFactorAfter: ".",
    caption: "Deine Sicherheitsschlüssel",
    name: "Name",
    addedAt: "Hinzugefügt",
    lastUsed: "Zuletzt verwendet",
    actions: "Aktionen",
    never: "Nie",
    remove: "{name} entfernen",
    newName: "Name des neuen Schlüssels",
    needsJavaScript:
      "Um einen Sicherheitsschlüssel hinzuzufügen, braucht dieser Browser JavaScript.",
    add: "Sicherheitsschlüssel hinzufügen",
  },
  apps: {
    title: "Apps",
    heading: "Autorisierte Apps",
    intro:
      "Apps, bei denen du dich mit diesem Konto angemeldet hast. Wenn du den Zugriff einer App widerrufst, wird sie sofort überall abgemeldet.",
    revoked: "Zugriff widerrufen.",
    none: "Keine App hat Zugriff auf dein Konto.",
    can: "Darf:",
    authorized: "Autorisiert",
    lastUsed: " · zuletzt verwendet ",
    revoke: "Widerrufen",
  },
  related: {
    mutes: {
      title: "Stummgeschaltete Konten",
      undo: "Stummschaltung aufheben",
      empty: "Du hast niemanden stummgeschaltet.",
    },
    blocks: {
      title: "Blockierte Konten",
      undo: "Blockierung aufheben",
      empty: "Du hast niemanden blockiert.",
    },
  },
  domainBlocks: {
    title: "Blockierte Domains",
    help:
      "Von blockierten Servern siehst du keine Beiträge und Mitteilungen mehr, und deine Follower dort werden entfernt.",
    server: "Zu blockierender Server",
    block: "Server blockieren",
    unblock: "Blockierung aufheben",
    empty: "Du hast keine Server blockiert.",
  },
  followedTags: {
    title: "Gefolgte Hashtags",
    unfollow: "Entfolgen",
    empty:
      "Du folgst keinen Hashtags. Folge einem auf seiner Seite, um seine Beiträge auf deiner Startseite zu sehen.",
  },
  import: {
    title: "Importieren",
    helpBefore:
      "Übernimm Daten, die du aus Starling oder einem anderen mit Mastodon kompatiblen Server exportiert hast (",
    helpLink: "Exportieren",
    helpAfter: ").",
    type: "Art des Imports",
    types: {
      following: "Liste gefolgter Konten",
      blocking: "Liste blockierter Konten",
      muting: "Liste stummgeschalteter Konten",
      domain_blocking: "Liste blockierter Domains",
      bookmarks: "Lesezeichen",
      lists: "Listen",
    },
    mode: "Modus",
    modes: {
      merge: [
        "Zusammenführen",
        "Bestehendes behalten und hinzufügen, was die Datei enthält",
      ],
      overwrite: [
        "Überschreiben",
        "zusätzlich entfernen, was die Datei nicht enthält",
      ],
    },
    file: "CSV-Datei",
    upload: "Hochladen",
    recent: "Letzte Importe",
    refresh: "Fortschritt aktualisieren",
    importLabel: "Import {file}",
    finished: "Abgeschlossen",
    stalled:
      "Nach wiederholten Fehlern angehalten (ein Admin kann ihn erneut starten)",
    inProgress: "Läuft",
    progress: "{processed} von {total} Zeilen verarbeitet",
    failedCount: ", {count} fehlgeschlagen",
    failures: "Fehlgeschlagene Zeilen",
    line: "Zeile",
    row: "Eintrag",
    why: "Grund",
  },
  export: {
    title: "Exportieren",
    helpBefore:
      "CSV-Dateien in den Formaten von Mastodon: Importiere sie hier oder auf einem beliebigen Mastodon-Server (",
    helpLink: "Importieren",
    helpAfter: ").",
    rows: {
      following: "Gefolgte Konten",
      followers: "Follower",
      lists: "Listen",
      blocks: "Von dir blockiert",
      mutes: "Von dir stummgeschaltet",
      domain_blocks: "Blockierte Domains",
      bookmarks: "Lesezeichen",
    },
    download: "{file} herunterladen",
  },
  aliases: {
    title: "Konto-Aliasse",
    intro:
      "Um von einem anderen Konto zu diesem umzuziehen, füge das alte Konto zuerst hier hinzu und starte dann den Umzug im alten Konto.",
    handle: "Adresse des alten Kontos",
    create: "Alias erstellen",
    remove: "Alias entfernen",
  },
  migration: {
    title: "Zu einem anderen Konto umziehen",
    movedBefore: "Dieses Konto ist umgezogen zu ",
    movedAfter:
      ". Es kann keine Beiträge mehr veröffentlichen, und sein Profil verweist dorthin.",
    cancel: "Weiterleitung aufheben",
    intro:
      "Füge dieses Konto zuerst im neuen Konto als Alias hinzu. Beim Umzug werden deine Follower zum neuen Konto übertragen (deine Beiträge bleiben hier), und dieses Konto kann keine Beiträge mehr veröffentlichen. Du kannst alle 30 Tage einmal umziehen.",
    movedRecently:
      "Du bist vor Kurzem umgezogen: Du kannst erst nach {date} wieder umziehen.",
    handle: "Adresse des neuen Kontos",
    redirectOnly:
      "Nur weiterleiten: Das Profil verweist auf das neue Konto, ohne Follower zu übertragen",
    submit: "Follower übertragen",
  },
  delete: {
    title: "Konto löschen",
    scheduledBefore: "Dein Konto wird gelöscht am ",
    scheduledAfter: ". Bis dahin kannst du es behalten.",
    cancel: "Löschung abbrechen",
    intro:
      "Deine Beiträge, Medien, gefolgten Konten und dein Profil werden entfernt, und andere Server werden aufgefordert, sie ebenfalls zu entfernen. Dein Profilname wird niemandem mehr zur Verfügung stehen. Du hast {days} Tage Zeit, es dir anders zu überlegen, indem du dich erneut anmeldest; du wirst sofort überall abgemeldet.",
    submit: "Mein Konto löschen",
  },
  archive: {
    title: "Archiv",
    exportHeading: "Dein Archiv",
    exportIntro:
      "Eine ZIP-Datei mit deinen Beiträgen (als ActivityPub, wie die Archive von Mastodon), deinem Profil, Profil- und Titelbild, deinen Favoriten und Lesezeichen sowie allen angehängten Dateien. Sie wird im Hintergrund erstellt; du kannst alle 7 Tage eine anfordern.",
    pending:
      "Dein Archiv wird erstellt (angefordert am {date}). Lade diese Seite neu, um zu sehen, wann es fertig ist.",
    download: "Dein Archiv herunterladen",
    ready: " ({size}, erstellt am {date})",
    failed:
      "Das Erstellen deines Archivs ist fehlgeschlagen. Du kannst es erneut anfordern.",
    nextAllowed: "Du kannst nach {date} ein neues Archiv anfordern.",
    request: "Archiv anfordern",
    importHeading: "Beiträge aus einem Archiv importieren",
    importIntro:
      "Übernimm deine Beiträge aus einem Archiv von Mastodon (oder Starling). Sie behalten ihr Datum, ihre Inhaltswarnungen, ihre Sichtbarkeit, ihre angehängten Dateien und ihre Threads und erscheinen in deinem Profil wie zuvor. Sie werden nicht als neue Beiträge an deine Follower geschickt. Bevor etwas importiert wird, siehst du, was importiert wird.",
    analysing:
      "Dein Archiv wird gelesen … Lade diese Seite neu, um es zu sehen.",
    willImport: "Was importiert wird",
    dryRun: "Probelauf",
    confirm: "Diese Beiträge importieren",
    cancel: "Abbrechen",
    importing:
      "Deine Beiträge werden importiert … Lade diese Seite neu, um es zu sehen.",
    done: "Import abgeschlossen",
    result: "Ergebnis des Imports",
    unreadable: "Dieses Archiv konnte nicht gelesen werden: {error}",
    file: "Archiv (ZIP)",
    read: "Archiv lesen",
    summary: {
      posts: "Zu importierende Beiträge",
      replies: "Antworten innerhalb des Archivs (Threads bleiben erhalten)",
      media: "Angehängte Dateien",
      boosts: "Geteilte Beiträge, die hier bekannt sind",
      duplicates: "Bereits importiert (übersprungen)",
      skippedBoosts:
        "Geteilte Beiträge, die hier unbekannt sind (übersprungen)",
      missingMedia: "Im Archiv fehlende Dateien (übersprungen)",
      unsupported: "Andere Einträge (übersprungen)",
    },
    results: {
      posts: "Importierte Beiträge",
      boosts: "Importierte geteilte Beiträge",
      media: "Importierte Dateien",
      duplicates: "Bereits importiert (übersprungen)",
      skippedBoosts: "Übersprungene geteilte Beiträge",
      mediaSkipped: "Übersprungene Dateien",
    },
  },
  strikes: {
    title: "Kontostatus",
    suspended:
      "Dein Konto ist gesperrt. Unten steht die Entscheidung der Moderation; du kannst einmal Einspruch dagegen erheben. Bis die Sperre aufgehoben ist, ist nichts anderes in deinem Konto erreichbar.",
    signOut: "Abmelden",
    goodStanding: "Dein Konto ist in gutem Zustand.",
    actions: {
      none: "Verwarnung",
      sensitive: "Medien mit Inhaltswarnung",
      disable: "Anmeldung deaktiviert",
      silence: "Eingeschränkt",
      suspend: "Gesperrt",
    },
    meanings: {
      none: "Die Moderation hat dir eine Verwarnung geschickt.",
      sensitive:
        "Die Medien in deinen Beiträgen werden mit einer Inhaltswarnung versehen.",
      disable: "Die Anmeldung bei deinem Konto wurde deaktiviert.",
      silence:
        "Dein Konto ist eingeschränkt: Nur deine Follower sehen deine Beiträge.",
      suspend: "Dein Konto wurde gesperrt.",
    },
    heading: "Verwarnung vom {date}",
    reversed: "Diese Entscheidung wurde rückgängig gemacht.",
    yourAppeal: "Dein Einspruch",
    appealStates: {
      pending: "Einspruch wird geprüft",
      approved: "Einspruch angenommen",
      rejected: "Einspruch abgelehnt",
    },
    appeal: "Einspruch gegen diese Entscheidung erheben",
    submit: "Einspruch einreichen",
  },
  severed: {
    title: "Getrennte Beziehungen",
    intro:
      "Gefolgte Konten und Follower, die du verloren hast, weil ein Server oder ein Konto blockiert oder gesperrt wurde. Jede Liste kann heruntergeladen werden.",
    none: "Es wurden keine Beziehungen getrennt.",
    reasons: {
      domain_block: [
        "Die Moderation dieses Servers hat ",
        " am ",
        " blockiert.",
      ],
      user_domain_block: ["Du hast ", " am ", " blockiert."],
      account_suspension: [
        "Die Moderation dieses Servers hat ",
        " am ",
        " gesperrt.",
      ],
    },
    followingLost: "Verlorene gefolgte Konten: {count}",
    followersLost: "Verlorene Follower: {count}",
  },
  unsubscribe: {
    title: "Abbestellen",
    heading: "E-Mails über {what}",
    doneBefore:
      "Erledigt: Du erhältst keine E-Mails über {what} mehr. Du kannst sie wieder aktivieren in ",
    doneLink: "deinen Einstellungen",
    doneAfter: ".",
    stop: "Keine E-Mails mehr über {what}",
  },
};
