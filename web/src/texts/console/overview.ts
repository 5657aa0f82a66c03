const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

/** Texts of the office console's section „overview“ (Übersicht). */
export const overview = {
  title: 'Übersicht',
  lead: (days: number) =>
    `Was die Geschäftsstelle jetzt erledigen sollte: Fristen und Anmeldungen der nächsten ${days} Tage, ausgebuchte Veranstaltungen, fehlgeschlagene E-Mails und Anmeldungen.`,
  asOf: (when: string) => `Stand: ${when}`,
  refresh: 'Aktualisieren',
  deadLetters: {
    heading: 'Nicht zugestellte Nachrichten',
    intro:
      'Nachrichten, die ein Dienst der Plattform nach allen Versuchen nicht verarbeiten konnte (nur für den Betrieb).',
    loading: 'Die offenen Nachrichten werden geladen …',
    empty: 'Nichts zu tun: Keine offene Nachricht.',
    ofTopic: (topic: string, n: number) => `${topic}: ${count(n, 'offene Nachricht', 'offene Nachrichten')}`,
    link: (n: number) =>
      n === 1
        ? 'Zur offenen Nachricht auf der Seite „Betrieb“'
        : `Zu den ${n.toLocaleString('de-DE')} offenen Nachrichten auf der Seite „Betrieb“`,
  },
  invitations: {
    heading: 'Berufungen, die bald ablaufen',
    intro: (days: number) =>
      `Offene Berufungen, deren Frist in den nächsten ${days} Tagen endet. Erinnern Sie die Person oder senden Sie die Einladung mit neuer Frist erneut.`,
    loading: 'Die offenen Berufungen werden geladen …',
    empty: (days: number) => `Nichts zu tun: Keine offene Berufung läuft in den nächsten ${days} Tagen ab.`,
    expiresAt: (when: string) => `Frist endet am ${when}`,
    sentTimes: (n: number) => `${count(n, 'Mal', 'Mal')} versandt`,
    link: 'Zu den offenen Berufungen',
    more: (n: number) => `und ${count(n, 'weitere', 'weitere')}`,
  },
  registration: {
    heading: 'Anmeldung öffnet oder schließt bald',
    intro: (days: number) =>
      `Veranstaltungen, deren Anmeldung in den nächsten ${days} Tagen öffnet oder schließt (auch Entwürfe).`,
    loading: 'Die Veranstaltungen werden geladen …',
    empty: (days: number) =>
      `Nichts zu tun: Bei keiner Veranstaltung öffnet oder schließt die Anmeldung in den nächsten ${days} Tagen.`,
    opens: (when: string) => `Anmeldung öffnet am ${when}`,
    closes: (when: string) => `Anmeldung schließt am ${when}`,
    draftWarning:
      'Noch ein Entwurf: Die Veranstaltung ist nicht angekündigt, die Anmeldung öffnet erst nach der Ankündigung.',
    link: (title: string) => `Zur Veranstaltung „${title}“`,
  },
  full: {
    heading: 'Ausgebucht, mit Warteliste',
    intro:
      'Kommende Veranstaltungen ohne freien Platz, auf deren Warteliste jemand steht. Wird ein Platz frei, rückt die erste Person der Warteliste von selbst nach.',
    loading: 'Die freien Plätze werden geladen …',
    empty: 'Nichts zu tun: Keine kommende Veranstaltung ist ausgebucht und hat eine Warteliste.',
    seats: (capacity: number, waiting: number) =>
      `Alle ${count(capacity, 'Platz', 'Plätze')} vergeben, ${count(waiting, 'Anmeldung', 'Anmeldungen')} auf der Warteliste`,
    link: (title: string) => `Teilnehmende von „${title}“`,
    seatsError: 'Die freien Plätze einiger Veranstaltungen konnten nicht geladen werden.',
  },
  mails: {
    heading: 'Fehlgeschlagene E-Mails',
    intro:
      'E-Mails, die der Mailserver nicht angenommen hat. Prüfen Sie die Antwort des Mailservers und senden Sie sie im Versand erneut.',
    loading: 'Die fehlgeschlagenen E-Mails werden geladen …',
    empty: 'Nichts zu tun: Keine E-Mail ist fehlgeschlagen.',
    countAll: (n: number) => `${count(n, 'E-Mail', 'E-Mails')} fehlgeschlagen`,
    countAtLeast: (n: number) => `Mehr als ${count(n, 'E-Mail', 'E-Mails')} fehlgeschlagen`,
    item: (kind: string, recipient: string) => `${kind} an ${recipient}`,
    failedAt: (when: string) => `erstellt am ${when}`,
    answer: 'Antwort des Mailservers',
    link: 'Alle fehlgeschlagenen E-Mails im Versand',
  },
  signIns: {
    heading: 'Fehlgeschlagene Anmeldungen',
    intro: (days: number) =>
      `Anmeldungen mit E-Mail-Adresse und Passwort, die in den letzten ${days} Tagen fehlschlugen. Nach mehreren Fehlversuchen in Folge muss eine Adresse vor dem nächsten Versuch warten (höchstens eine Minute); gesperrt wird niemand. Häufen sich Fehlversuche bei einem Konto der Geschäftsstelle und waren Sie es nicht, versucht vielleicht jemand, das Passwort zu erraten: Wenden Sie sich an die technische Betreuung der Plattform.`,
    loading: 'Die fehlgeschlagenen Anmeldungen werden geladen …',
    empty: (days: number) => `Keine fehlgeschlagenen Anmeldungen in den letzten ${days} Tagen.`,
    caption: (days: number) => `Fehlgeschlagene Anmeldungen der letzten ${days} Tage je Adresse`,
    columns: {
      email: 'Adresse',
      failures: 'Fehlversuche',
      lastFailure: 'Zuletzt',
      nextAttempt: 'Nächster Versuch ab',
    },
    officeAccount: 'Konto der Geschäftsstelle',
    noAccount: 'kein Konto',
    atOnce: 'sofort',
    newestOf: (shown: number, all: number) =>
      `Die ${count(shown, 'jüngste', 'jüngsten')} von ${count(all, 'Adresse', 'Adressen')}.`,
  },
  sectionsLabel: 'Aufgaben',
} as const;
