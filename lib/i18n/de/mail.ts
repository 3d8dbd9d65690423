import type { MailMessages } from "../en/mail.ts";

/** Every e-mail in German (Mastodon's German mail wording where it has one). */
export const mail: MailMessages = {
  confirmation: (p) => ({
    subject: `Bestätige deine E-Mail-Adresse auf ${p.host}`,
    body: [
      `Willkommen auf ${p.host}, @${p.username}! Bitte bestätige, dass dies deine E-Mail-Adresse ist: Bis dahin kannst du dich anmelden, aber noch keine Beiträge veröffentlichen.`,
    ],
    action: { label: "E-Mail-Adresse bestätigen", url: p.url },
    after: [
      "Der Link ist 24 Stunden lang gültig. Ist er abgelaufen, melde dich an und fordere einen neuen an.",
      "Wenn du dich nicht registriert hast, ignoriere diese E-Mail.",
    ],
  }),
  passwordReset: (p) => ({
    subject: `Setze dein Passwort auf ${p.host} zurück`,
    body: [
      `Jemand (hoffentlich du) hat angefragt, das Passwort von @${p.username} auf ${p.host} zurückzusetzen.`,
    ],
    action: { label: "Neues Passwort festlegen", url: p.url },
    after: [
      "Der Link funktioniert einmal und ist 1 Stunde lang gültig. Mit einem neuen Passwort wirst du auf allen Geräten und in allen Apps abgemeldet.",
      "Wenn du das nicht angefragt hast, ignoriere diese E-Mail: Dein Passwort bleibt unverändert.",
    ],
  }),
  emailChangeConfirmation: (p) => ({
    subject: `Bestätige deine neue E-Mail-Adresse auf ${p.host}`,
    body: [
      `@${p.username} auf ${p.host} möchte ab jetzt diese E-Mail-Adresse verwenden. Sie wird geändert, sobald du sie bestätigst.`,
    ],
    action: { label: "Neue E-Mail-Adresse bestätigen", url: p.url },
    after: [
      "Der Link ist 24 Stunden lang gültig. Wenn du das nicht angefragt hast, ignoriere diese E-Mail.",
    ],
  }),
  emailChangeNotice: (p) => ({
    subject: `Deine E-Mail-Adresse auf ${p.host} wird geändert`,
    body: [
      `Jemand, der als @${p.username} auf ${p.host} angemeldet ist, möchte die E-Mail-Adresse des Kontos in ${p.newEmail} ändern. Die Änderung erfolgt, sobald diese Adresse bestätigt ist; bis dahin bleibt diese Adresse bestehen.`,
      "Wenn du das nicht warst, ändere jetzt dein Passwort: Wer das getan hat, kennt es.",
    ],
    action: { label: "Passwort ändern", url: p.url },
  }),
  signInAlert: (p) => ({
    subject: `Neue Anmeldung bei deinem Konto auf ${p.host}`,
    body: [
      `Bei @${p.username} wurde sich von einer Adresse aus angemeldet, von der aus das noch nie geschah:`,
      `Adresse: ${p.ip}\nBrowser: ${p.browser}\nZeitpunkt: ${p.time}`,
      "Wenn du das warst, musst du nichts tun. Wenn nicht, ändere jetzt dein Passwort: Damit werden alle anderen Geräte und Apps abgemeldet.",
    ],
    action: { label: "Passwort ändern", url: p.url },
  }),
  warning: (p) => ({
    subject: mail.warningSubjects[p.action](p.host),
    body: [
      `Die Moderator*innen von ${p.host} haben gegen @${p.username} eine Maßnahme ergriffen: ${
        mail.warningActions[p.action]
      }`,
      ...(p.text ? [`Ihre Begründung:\n${p.text}`] : []),
      p.action === "disable" || p.action === "suspend"
        ? "Solange das gilt, kannst du dich nicht anmelden; diese E-Mail ist deshalb deine Kopie der Verwarnung. Sie bleibt auf ihrer Seite erhalten, wo du Einspruch erheben kannst, sobald du dich wieder anmelden kannst."
        : "Du kannst diese Verwarnung auf ihrer Seite lesen und dort einmal Einspruch erheben, wenn du sie für einen Fehler hältst; eine Moderatorin oder ein Moderator sieht sich den Einspruch an.",
    ],
    action: { label: "Lesen und Einspruch erheben", url: p.url },
  }),
  notification: {
    follow: (p) => ({
      subject: `${p.from} folgt dir jetzt`,
      body: [`${p.from} folgt dir jetzt.`],
      action: { label: "Profil ansehen", url: p.url },
    }),
    follow_request: (p) => ({
      subject: `${p.from} möchte dir folgen`,
      body: [
        `${p.from} möchte dir folgen. Dein Konto ist geschützt, daher sieht die Person deine Beiträge für Follower erst, wenn du die Anfrage annimmst.`,
      ],
      action: { label: "Follower-Anfragen ansehen", url: p.url },
    }),
    mention: (p) => ({
      subject: `${p.from} hat dich erwähnt`,
      body: [`${p.from} hat dich erwähnt:`, p.text],
      action: { label: "Mitteilungen öffnen", url: p.url },
    }),
    reblog: (p) => ({
      subject: `${p.from} hat deinen Beitrag geteilt`,
      body: [`${p.from} hat deinen Beitrag geteilt:`, p.text],
      action: { label: "Mitteilungen öffnen", url: p.url },
    }),
    favourite: (p) => ({
      subject: `${p.from} hat deinen Beitrag favorisiert`,
      body: [`${p.from} hat deinen Beitrag favorisiert:`, p.text],
      action: { label: "Mitteilungen öffnen", url: p.url },
    }),
  },
  staff: {
    report: (p) => ({
      subject: `Neue Meldung auf ${p.host}`,
      body: [
        `${p.from} hat eine Meldung eingereicht. Eine Moderatorin oder ein Moderator sollte sie prüfen.`,
      ],
      action: { label: "Meldung prüfen", url: p.url },
    }),
    pending_account: (p) => ({
      subject: `Neues Konto auf ${p.host} wartet auf Überprüfung`,
      body: [
        `${p.from} hat sich registriert und wartet auf Freigabe.`,
        ...(p.reason
          ? [`Warum die Person beitreten möchte:\n${p.reason}`]
          : []),
      ],
      action: { label: "Wartende Konten prüfen", url: p.url },
    }),
    appeal: (p) => ({
      subject: `Neuer Einspruch auf ${p.host}`,
      body: [
        `${p.from} hat Einspruch gegen eine Moderationsentscheidung erhoben:`,
        p.text,
      ],
      action: { label: "Einsprüche prüfen", url: p.url },
    }),
  },
  notificationFooter: (p) => [
    `Du erhältst diese E-Mail, weil du auf ${p.host} E-Mails über ${p.what} ausgewählt hast. Wähle aus, welche E-Mails du erhältst: ${p.settingsUrl}`,
    `Keine E-Mails mehr über ${p.what}: ${p.unsubscribeUrl}`,
  ],
  notificationTypeNames: {
    follow: "neue Follower",
    follow_request: "Follower-Anfragen",
    mention: "Erwähnungen",
    reblog: "geteilte Beiträge von dir",
    favourite: "favorisierte Beiträge von dir",
    report: "neue Meldungen (Moderation)",
    pending_account: "Konten, die auf Freigabe warten (Moderation)",
    appeal: "neue Einsprüche (Moderation)",
  },
  unknownBrowser: "ein unbekannter Browser",
  signInTime: (date) =>
    `${
      new Intl.DateTimeFormat("de-DE", {
        dateStyle: "long",
        timeStyle: "short",
        timeZone: "UTC",
      }).format(date)
    } UTC`,
  warningSubjects: {
    none: (host) => `Du hast eine Verwarnung von ${host} erhalten`,
    sensitive: (host) =>
      `Deine Medien werden auf ${host} mit einer Inhaltswarnung versehen`,
    disable: (host) => `Dein Konto auf ${host} wurde deaktiviert`,
    silence: (host) => `Dein Konto auf ${host} wurde eingeschränkt`,
    suspend: (host) => `Dein Konto auf ${host} wurde gesperrt`,
  },
  warningActions: {
    none: "eine Verwarnung.",
    sensitive:
      "Medien in deinen Beiträgen werden ab jetzt für andere mit einer Inhaltswarnung versehen.",
    disable: "Dein Konto ist deaktiviert; du kannst dich nicht anmelden.",
    silence:
      "Dein Konto ist eingeschränkt: Nur Personen, die dir folgen, sehen deine Beiträge in öffentlichen Timelines.",
    suspend:
      "Dein Konto ist gesperrt: Dein Profil und deine Beiträge sind verborgen, und du kannst dich nicht anmelden.",
  },
};
