/** Texts of the home pages: the club's front page (`/`) and the member's start page (`/start`). */
export const home = {
  front: {
    title: 'Innovators Club',
    lead: 'Die kommunale Ideenschmiede des Deutschen Städte- und Gemeindebundes',
    intro: [
      'Im Innovators Club treffen sich Bürgermeisterinnen und Bürgermeister, Landrätinnen und Landräte mit Menschen aus Politik, Wirtschaft, Wissenschaft und Zivilgesellschaft – auf Augenhöhe. Gemeinsam denken sie darüber nach, wie Städte und Gemeinden morgen gut funktionieren, und probieren Neues aus.',
      'Der Deutsche Städte- und Gemeindebund hat den Club 2004 gegründet. Mitglied wird man durch Berufung: Der Städte- und Gemeindebund lädt Persönlichkeiten ein, die ihre Erfahrung und ihre Ideen einbringen möchten.',
    ],
    signIn: {
      heading: 'Für Mitglieder',
      text: 'Melden Sie sich mit Ihrer E-Mail-Adresse an. Ein Passwort brauchen Sie nicht: Sie erhalten einen Anmeldelink per E-Mail.',
      action: 'Anmelden',
    },
    signedIn: {
      heading: 'Willkommen zurück',
      text: 'Sie sind angemeldet. Ihre Anmeldungen, Ihr Profil und die Mitglieder finden Sie in Ihrer Übersicht.',
      action: 'Zu Ihrer Übersicht',
    },
    formats: {
      heading: 'Wie wir zusammenkommen',
      items: [
        {
          name: 'Deutschlandforum',
          text: 'Das Herzstück des Clubs: einmal im Jahr, zwei Tage lang, mit Vorträgen, Workshops und Diskussionen unter einem gemeinsamen Leitgedanken.',
        },
        {
          name: 'Innovators Lounge',
          text: 'Mehrmals im Jahr zu Gast in einer Stadt oder Gemeinde, zu einem aktuellen Thema – gemeinsam mit den Gastgebern vor Ort.',
        },
        {
          name: 'Kommunalzirkel',
          text: 'Eine Reihe von Arbeitstreffen über etwa ein Jahr für eine bestimmte Gruppe von Kommunen – am besten mit der Bürgermeisterin oder dem Bürgermeister, der Verwaltung und der Zivilgesellschaft.',
        },
        {
          name: 'Arbeitsgruppen',
          text: 'Zwischen den Veranstaltungen arbeiten Mitglieder in den Arbeitsgruppen Nachhaltigkeit und Digitales weiter.',
        },
      ],
    },
    events: {
      heading: 'Die nächsten Veranstaltungen',
      loading: 'Veranstaltungen werden geladen …',
      empty: 'Zurzeit sind keine Veranstaltungen angekündigt. Schauen Sie bald wieder vorbei.',
      all: 'Alle Veranstaltungen ansehen',
    },
  },
  event: {
    dateLabel: 'Termin',
    placeLabel: 'Ort',
    dateOpen: 'Termin wird noch bekannt gegeben',
    placeOpen: 'Ort wird noch bekannt gegeben',
    kinds: {
      deutschlandforum: 'Deutschlandforum',
      'innovators-lounge': 'Innovators Lounge',
      kommunalzirkel: 'Kommunalzirkel',
    },
    statuses: {
      draft: 'Entwurf',
      announced: 'Angekündigt',
      'registration-open': 'Anmeldung offen',
      'registration-closed': 'Anmeldung geschlossen',
      held: 'Stattgefunden',
      cancelled: 'Abgesagt',
    },
  },
  start: {
    title: 'Ihre Übersicht',
    greeting: (name: string) => `Guten Tag, ${name}!`,
    welcomeNotice: 'Herzlich willkommen im Innovators Club! Sie sind jetzt Mitglied und angemeldet.',
    loadingProfile: 'Ihre Angaben werden geladen …',
    registrations: {
      heading: 'Ihre nächsten Anmeldungen',
      loading: 'Ihre Anmeldungen werden geladen …',
      empty: 'Sie sind zurzeit zu keiner kommenden Veranstaltung angemeldet.',
      all: 'Alle Ihre Anmeldungen',
      confirmed: 'Angemeldet',
      waiting: (place: number | undefined) =>
        place ? `Auf der Warteliste, Platz ${place}` : 'Auf der Warteliste',
      eventCancelled: 'Veranstaltung abgesagt',
    },
    open: {
      heading: 'Jetzt zur Anmeldung offen',
      loading: 'Veranstaltungen werden geladen …',
      empty: 'Gerade ist für keine Veranstaltung die Anmeldung offen.',
      closesAt: (date: string) => `Anmeldung bis ${date}`,
      all: 'Alle Veranstaltungen ansehen',
    },
    links: {
      heading: 'Weiter zu',
      profile: 'Ihr Profil',
      profileText: 'Ihre Angaben, Arbeitsgruppen und E-Mail-Einstellungen',
      directory: 'Mitglieder',
      directoryText: 'Wer ist noch im Club? Suchen Sie nach Land, Bereich und Thema.',
      events: 'Veranstaltungen',
      eventsText: 'Alle kommenden und vergangenen Veranstaltungen des Clubs',
    },
  },
} as const;
