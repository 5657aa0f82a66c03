import type { components } from '../api/openapi';

type FederalState = components['schemas']['DirectoryEntryResponse']['federalState'];

/** Texts every page shares: the frame, the states of a page, the problems without a server text. */
export const common = {
  appName: 'Innovators Club',
  /** The 16 Länder by name, in alphabetical order (filters list them so). */
  federalStates: {
    BW: 'Baden-Württemberg',
    BY: 'Bayern',
    BE: 'Berlin',
    BB: 'Brandenburg',
    HB: 'Bremen',
    HH: 'Hamburg',
    HE: 'Hessen',
    MV: 'Mecklenburg-Vorpommern',
    NI: 'Niedersachsen',
    NW: 'Nordrhein-Westfalen',
    RP: 'Rheinland-Pfalz',
    SL: 'Saarland',
    SN: 'Sachsen',
    ST: 'Sachsen-Anhalt',
    SH: 'Schleswig-Holstein',
    TH: 'Thüringen',
  } satisfies Record<FederalState, string>,
  appOwner: 'Deutscher Städte- und Gemeindebund',
  titleSuffix: 'Innovators Club',
  skipToContent: 'Zum Inhalt springen',
  mainNavigation: 'Hauptnavigation',
  homeLink: ' – zur Startseite',
  nav: {
    start: 'Übersicht',
    events: 'Veranstaltungen',
    registrations: 'Meine Anmeldungen',
    directory: 'Mitglieder',
    profile: 'Profil',
    signIn: 'Anmelden',
    signOut: 'Abmelden',
    signingOut: 'Abmelden …',
  },
  signedInAs: (name: string) => `Angemeldet als ${name}`,
  footer: {
    text: 'Der Innovators Club ist die kommunale Ideenschmiede des Deutschen Städte- und Gemeindebundes.',
    calendar: 'Alle Veranstaltungen im Kalender abonnieren',
  },
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  back: 'Zurück',
  cancel: 'Abbrechen',
  close: 'Schließen',
  save: 'Speichern',
  saving: 'Wird gespeichert …',
  required: 'Pflichtfeld',
  optional: 'freiwillig',
  moreResults: 'Weitere anzeigen',
  /** The parts of a date-time field (components/DateTimeFields.tsx). */
  dateTime: { date: 'Datum', time: 'Uhrzeit', from: 'Beginn', to: 'Ende' },
  formHasErrors: (count: number) =>
    count === 1
      ? 'Bitte korrigieren Sie die markierte Angabe.'
      : `Bitte korrigieren Sie die ${count} markierten Angaben.`,
  membersOnly: {
    title: 'Nur für Mitglieder',
    text: 'Diese Seite ist für die Mitglieder des Innovators Club. Sie sind als Geschäftsstelle angemeldet.',
  },
  signedOut: 'Sie sind abgemeldet.',
  notFoundPage: {
    title: 'Seite nicht gefunden',
    text: 'Diese Seite gibt es nicht (mehr). Vielleicht hilft Ihnen einer dieser Wege weiter:',
    toStart: 'Zur Startseite',
    toEvents: 'Zu den Veranstaltungen',
  },
  problems: {
    signInRequired: 'Bitte melden Sie sich an.',
    forbidden: 'Diese Funktion steht Ihnen nicht zur Verfügung.',
    notFound: 'Das Gesuchte wurde nicht gefunden.',
    tooMany: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
    unavailable: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.',
    unexpected: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
    offline:
      'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  },
} as const;
