import { common } from './common';
import type { components } from '../api/openapi';

type Schemas = components['schemas'];
type EventKind = Schemas['EventResponse']['kind'];
type Theme = Schemas['EventResponse']['themes'][number];
type Audience = Schemas['EventResponse']['audience'];
type SessionKind = Schemas['AgendaSessionResponse']['kind'];
type DelegationRole = Schemas['DelegationRuleDto']['suggestedRoles'][number];
type Salutation = Schemas['DelegationPersonResponse']['salutation'];
type DocumentKind = Schemas['EventDocumentResponse']['kind'];
type MediaType = Schemas['EventDocumentResponse']['mediaType'];

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

const mayorOf = {
  Frau: 'Bürgermeisterin',
  Herr: 'Bürgermeister',
  keine: 'Bürgermeister*in',
} satisfies Record<Salutation, string>;

/** Texts of the events pages: the list (/veranstaltungen) and one event (/veranstaltungen/:id). */
export const events = {
  // ---- every code value the API sends, in words
  kinds: {
    deutschlandforum: 'Deutschlandforum',
    'innovators-lounge': 'Innovators Lounge',
    kommunalzirkel: 'Kommunalzirkel',
  } satisfies Record<EventKind, string>,
  themes: {
    Digitalisierung: 'Digitalisierung',
    Bildung: 'Bildung',
    Klimaschutz: 'Klimaschutz',
    Energiepolitik: 'Energiepolitik',
    Stadtentwicklung: 'Stadtentwicklung',
    Kommunikation: 'Kommunikation',
    Partizipation: 'Partizipation',
    Kooperation: 'Kooperation',
    IT: 'Informationstechnik',
    Klima: 'Klima',
    Energie: 'Energie',
  } satisfies Record<Theme, string>,
  federalStates: common.federalStates,
  audiences: {
    members: 'Mitglieder des Innovators Club',
    'members-and-guests': 'Mitglieder des Innovators Club und von der Geschäftsstelle eingeladene Gäste',
    'target-group': 'Kommunen der Zielgruppe',
  } satisfies Record<Audience, string>,
  sessionKinds: {
    talk: 'Vortrag',
    workshop: 'Workshop',
    panel: 'Podium',
    discussion: 'Diskussion',
  } satisfies Record<SessionKind, string>,
  delegationRoles: {
    mayor: 'Bürgermeisterin oder Bürgermeister',
    administration: 'Verwaltung',
    'civil-society': 'Zivilgesellschaft',
    other: 'Sonstige',
  } satisfies Record<DelegationRole, string>,
  /** One person's role beside their name: the mayor by their salutation („Bürgermeisterin“). */
  delegationRoleOf: (role: DelegationRole, salutation: Salutation): string =>
    role === 'mayor' ? mayorOf[salutation] : events.delegationRoles[role],
  documentKinds: {
    programme: 'Programm',
    other: 'Unterlage',
  } satisfies Record<DocumentKind, string>,
  mediaTypes: {
    'application/pdf': 'PDF-Dokument',
    'image/png': 'Bild (PNG)',
    'image/jpeg': 'Bild (JPEG)',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-Dokument',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint-Präsentation',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel-Tabelle',
  } satisfies Record<MediaType, string>,

  // ---- registration in words (list card and event page)
  registration: {
    opensOn: (when: string) => `Anmeldung ab ${when} möglich`,
    opensSoon: 'Anmeldung öffnet in Kürze',
    openUntil: (when: string) => `Anmeldung offen bis ${when}`,
    fullWaitingList: 'Ausgebucht – Warteliste',
    closed: 'Anmeldung geschlossen',
    held: 'Hat stattgefunden',
    cancelled: 'Abgesagt',
    draft: 'Entwurf – für Mitglieder noch nicht sichtbar',
    window: (opens: string, closes: string) => `vom ${opens} bis ${closes}`,
  },

  // ---- shared phrases of list and page
  period: {
    undated: 'Termin folgt',
  },
  capacity: (n: number, kind: EventKind) =>
    kind === 'kommunalzirkel' ? `bis zu ${count(n, 'Kommune', 'Kommunen')}` : count(n, 'Platz', 'Plätze'),
  targetGroup: (states: string, maxPopulation: number | undefined) =>
    maxPopulation === undefined
      ? `Kommunen in ${states}`
      : `Kommunen in ${states} mit höchstens ${maxPopulation.toLocaleString('de-DE')} Einwohnerinnen und Einwohnern`,
  moduleCount: (n: number) => count(n, 'Modul', 'Module'),
  host: (name: string, state: string) => `${name} (${state})`,
  list: (items: readonly string[]) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items.at(-1)}`,
  edition: (n: number) => `${n}. Deutschlandforum`,

  // ---- /veranstaltungen
  listPage: {
    title: 'Veranstaltungen',
    lead: 'Deutschlandforum, Innovators Lounges und Kommunalzirkel des Innovators Club.',
    whenNavigation: 'Kommende oder vergangene Veranstaltungen',
    upcoming: 'Kommende',
    past: 'Vergangene',
    upcomingHeading: 'Kommende Veranstaltungen',
    pastHeading: 'Vergangene Veranstaltungen',
    filters: {
      heading: 'Veranstaltungen filtern',
      kind: 'Art',
      theme: 'Themenfeld',
      federalState: 'Land',
      from: 'Von',
      to: 'Bis',
      any: 'Alle',
      apply: 'Filter anwenden',
      reset: 'Filter zurücksetzen',
      toBeforeFrom: 'Das Enddatum darf nicht vor dem Anfangsdatum liegen.',
      dateHint: 'Datum wie 01.06.2027',
      invalidDate: 'Bitte geben Sie ein gültiges Datum ein, zum Beispiel 01.06.2027.',
      active: (n: number) => (n === 1 ? '1 Filter gesetzt' : `${n} Filter gesetzt`),
      checkFilters: 'Mit diesen Filtern lässt sich nicht suchen. Bitte prüfen Sie die markierten Angaben.',
    },
    shown: (n: number) => (n === 1 ? '1 Veranstaltung angezeigt' : `${n} Veranstaltungen angezeigt`),
    more: 'Weitere anzeigen',
    loadingMore: 'Weitere werden geladen …',
    emptyUpcoming: 'Zurzeit sind keine kommenden Veranstaltungen angekündigt.',
    emptyPast: 'Es gibt noch keine vergangenen Veranstaltungen.',
    emptyFiltered: 'Keine Veranstaltung passt zu Ihren Filtern.',
    showPast: 'Vergangene Veranstaltungen ansehen',
    showUpcoming: 'Kommende Veranstaltungen ansehen',
    signInToSee: 'Die Veranstaltungen sehen Sie nach der Anmeldung im Portal.',
    card: {
      leitgedanke: 'Leitgedanke',
      host: 'Gastgeber',
      topic: 'Thema',
      targetGroup: 'Zielgruppe',
      modules: 'Module',
      when: 'Termin',
      where: 'Ort',
      themes: 'Themenfelder',
      registration: 'Anmeldung',
      cancellationReason: 'Grund der Absage',
    },
  },

  // ---- /veranstaltungen/:eventId
  eventPage: {
    loading: 'Die Veranstaltung wird geladen …',
    back: 'Alle Veranstaltungen',
    notFound: {
      title: 'Veranstaltung nicht gefunden',
      text: 'Diese Veranstaltung gibt es nicht oder sie ist noch nicht angekündigt.',
      toList: 'Zu allen Veranstaltungen',
    },
    signInToSee: {
      title: 'Bitte melden Sie sich an',
      text: 'Diese Veranstaltung können Sie nach der Anmeldung sehen.',
    },
    cancelled: {
      heading: 'Diese Veranstaltung ist abgesagt',
      reason: 'Grund:',
      when: (date: string) => `Abgesagt am ${date}.`,
    },
    facts: {
      heading: 'Auf einen Blick',
      kind: 'Art',
      edition: 'Ausgabe',
      when: 'Termin',
      where: 'Ort',
      host: 'Gastgeber',
      topic: 'Thema',
      themes: 'Themenfelder',
      capacity: 'Plätze',
      audience: 'Wer teilnehmen kann',
      registrationWindow: 'Anmeldezeitraum',
      registrationState: 'Stand der Anmeldung',
    },
    leitgedanke: 'Leitgedanke',
    description: 'Beschreibung',
    agenda: {
      heading: 'Programm',
      empty: 'Das Programm wird noch bekannt gegeben.',
      time: (from: string, to: string) => `${from} bis ${to}`,
      room: (room: string) => `Raum: ${room}`,
      speakers: 'Mitwirkende',
      external: 'Gast',
      workshopCapacity: (n: number) => count(n, 'Platz', 'Plätze'),
      about: (name: string) => `Über ${name}`,
    },
    circle: {
      modulesHeading: 'Module',
      undated: 'Termin folgt',
      undatedWithNote: (note: string) => `Termin folgt (voraussichtlich ${note})`,
      place: (place: string) => `Ort: ${place}`,
      guidingQuestions: 'Leitfragen',
      participationHeading: 'Zielgruppe und Teilnahme',
      targetGroup: 'Zielgruppe',
      delegation: 'Delegation',
      delegationRule: (maxPeople: number) =>
        maxPeople === 1
          ? 'Eine Person je Kommune.'
          : `Bis zu ${maxPeople} Personen je Kommune – mehrere Personen aus einer Kommune sind erwünscht.`,
      suggestedRoles: (roles: string) => `Am besten gemeinsam: ${roles}.`,
      fee: 'Teilnahmegebühr',
      free: 'kostenfrei',
      feeAmount: (cents: number) =>
        new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100),
    },
    documents: {
      heading: 'Unterlagen',
      empty: 'Zu dieser Veranstaltung gibt es noch keine Unterlagen.',
      details: (kind: string, type: string, size: string) => `${kind} · ${type} · ${size}`,
      membersOnly:
        'Die Unterlagen können Mitglieder nach der Anmeldung im Portal herunterladen. Diese Unterlagen gibt es:',
      signIn: 'Anmelden, um die Unterlagen herunterzuladen',
    },
    calendar: {
      heading: 'Kalender',
      link: 'In meinen Kalender',
      text: 'Lädt einen Kalendereintrag (Datei im iCalendar-Format, .ics) herunter, den Ihr Kalenderprogramm öffnet. Ändert sich der Termin, übernimmt ein erneutes Herunterladen die Änderung.',
      membersOnly: 'Nach der Anmeldung im Portal können Sie den Termin hier in Ihren Kalender übernehmen.',
    },
  },
  fileSize: (bytes: number) => {
    if (bytes < 1024) return `${bytes} Byte`;
    if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('de-DE')} KB`;
    return `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
  },
} as const;
