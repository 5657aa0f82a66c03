import type { components } from '../../api/openapi';

type DeadLetter = components['schemas']['DeadLetterResponse'];

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

/** The streams the messages came from, in words (the topic's name is shown beside it for IT). */
const topics = {
  'ic.membership.v1': 'Mitgliedschaft',
  'ic.events.v1': 'Veranstaltungen',
  'ic.registrations.v1': 'Anmeldungen',
  'ic.notifications.v1': 'E-Mail-Versand',
} satisfies Record<DeadLetter['topic'], string>;

const states = {
  open: 'Offen',
  redelivered: 'Erneut zugestellt',
  discarded: 'Verworfen',
} satisfies Record<DeadLetter['state'], string>;

const reasons = {
  unparseable: 'Nachricht nicht lesbar',
  'contract-violation': 'Inhalt entspricht nicht dem vereinbarten Format',
  'handler-failed': 'Verarbeitung nach allen Versuchen gescheitert',
} satisfies Record<DeadLetter['reason'], string>;

/** Texts of the office console's section „Betrieb“ (dead letters), for staff with the operations role. */
export const operations = {
  topics,
  states,
  reasons,
  title: 'Betrieb',
  lead: 'Nachrichten, die ein Dienst der Plattform nach allen Versuchen nicht verarbeiten konnte – etwa eine Anmeldung, zu der keine E-Mail ging. Beheben Sie zuerst die Ursache; dann stellen Sie die Nachricht erneut zu (genau einmal, nur an den Dienst, der aufgegeben hat) oder verwerfen sie mit einem Vermerk.',
  notOperator:
    'Diese Seite steht nur Konten der Geschäftsstelle zur Verfügung, die auch den Betrieb der Plattform verantworten. Die IT-Abteilung kann Ihr Konto dafür freischalten.',
  figures: {
    heading: 'Offene Nachrichten',
    total: (n: number) => count(n, 'offene Nachricht', 'offene Nachrichten'),
    none: 'Keine offenen Nachrichten.',
  },
  filters: {
    heading: 'Nachrichten suchen',
    state: 'Stand',
    topic: 'Herkunft',
    allTopics: 'Jede Herkunft',
    submit: 'Anzeigen',
  },
  results: {
    heading: 'Nachrichten',
    loading: 'Nachrichten werden geladen …',
    empty: 'Keine Nachrichten mit diesem Stand.',
    more: 'Weitere Nachrichten anzeigen',
    loadingMore: 'Weitere Nachrichten werden geladen …',
    countSoFar: (n: number) => `${count(n, 'Nachricht', 'Nachrichten')} angezeigt, weitere folgen`,
    countAll: (n: number) => count(n, 'Nachricht', 'Nachrichten'),
    newestFirst: 'Die neuesten zuerst.',
  },
  refresh: 'Neu laden',
  card: {
    state: 'Stand',
    reason: 'Grund',
    topic: 'Herkunft',
    group: 'Aufgegeben von',
    failedAt: 'Gescheitert am',
    attempts: 'Versuche',
    error: 'Fehlermeldung',
    eventId: 'Ereignis-ID',
    id: 'Kennung',
    redelivered: (at: string, by: string) => `Erneut zugestellt am ${at} von ${by}`,
    discarded: (at: string, by: string) => `Verworfen am ${at} von ${by}`,
    note: 'Vermerk',
    redeliver: 'Erneut zustellen',
    redeliverFor: (what: string) => `${what} erneut zustellen`,
    notRedeliverable:
      'Diese Nachricht kann kein Dienst lesen; erneut zugestellt, scheiterte sie genauso. Verwerfen Sie sie mit einem Vermerk.',
    discard: 'Verwerfen',
    discardFor: (what: string) => `${what} verwerfen`,
    unknownType: 'Nachricht ohne Typ',
  },
  redeliverDialog: {
    title: 'Nachricht erneut zustellen?',
    text: (what: string, group: string) =>
      `„${what}“ geht zurück an den Dienst, der sie aufgegeben hat (${group}). Andere Dienste, die sie schon verarbeitet haben, erhalten sie nicht noch einmal.`,
    hint: 'Eine Nachricht wird nur einmal erneut zugestellt. Scheitert sie wieder, erscheint sie als neue offene Nachricht.',
    confirm: 'Ja, erneut zustellen',
  },
  redeliverAll: {
    button: (n: number) =>
      n === 1
        ? 'Die offene Nachricht erneut zustellen'
        : `Alle ${n.toLocaleString('de-DE')} offenen Nachrichten erneut zustellen`,
    title: 'Alle offenen Nachrichten erneut zustellen?',
    text: 'Jede offene Nachricht, die ein Dienst lesen kann, geht einmal zurück an den Dienst, der sie aufgegeben hat, in der Reihenfolge, in der sie scheiterten; nicht lesbare bleiben offen. Beheben Sie vorher die Ursache.',
    confirm: 'Ja, alle erneut zustellen',
  },
  discardDialog: {
    title: 'Nachricht verwerfen?',
    text: (what: string) => `„${what}“ wird nicht erneut zugestellt. Bitte vermerken Sie, warum.`,
    note: 'Vermerk',
    noteHint: 'Mindestens 3 Zeichen, z. B. „Testanmeldung, hinfällig“.',
    noteMissing: 'Bitte geben Sie einen Vermerk mit mindestens 3 Zeichen ein.',
    confirm: 'Verwerfen',
  },
  redelivered: (what: string) => `„${what}“ wurde erneut zugestellt.`,
  redeliveredAll: (n: number) => `${count(n, 'Nachricht wurde', 'Nachrichten wurden')} erneut zugestellt.`,
  discarded: (what: string) => `„${what}“ wurde verworfen.`,
} as const;
