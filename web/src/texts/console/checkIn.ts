const people = (n: number) => `${n.toLocaleString('de-DE')} ${n === 1 ? 'Person' : 'Personen'}`;
const marks = (n: number) => `${n.toLocaleString('de-DE')} ${n === 1 ? 'Vermerk' : 'Vermerke'}`;

/** Texts of the office console's section „checkIn“: the door screen („Einlass“) on a phone. */
export const checkIn = {
  title: (eventTitle: string) => `Einlass: ${eventTitle}`,
  titleLoading: 'Einlass',
  loading: 'Die Teilnehmenden werden geladen …',
  notFound: {
    title: 'Veranstaltung nicht gefunden',
    text: 'Diese Veranstaltung gibt es nicht (mehr). Bitte wählen Sie sie aus der Liste der Veranstaltungen.',
  },
  toEvents: 'Zu den Veranstaltungen',
  toEvent: 'Zur Veranstaltung',
  toParticipants: 'Zur Teilnehmendenliste',

  // ---- the module of a Kommunalzirkel
  module: 'Modul',
  moduleHint: 'Beim Kommunalzirkel wird jedes Modul für sich vermerkt.',
  moduleDateOpen: 'Termin folgt',

  // ---- when the door is open
  openToday: 'Der Einlass ist heute geöffnet.',
  opensOn: (day: string) =>
    `Der Einlass öffnet am ${day}. Bis dahin sehen Sie die Liste nur an; vermerkt wird am Tag der Veranstaltung.`,
  opensOnModule: (day: string) =>
    `Der Einlass zu diesem Modul öffnet am ${day}. Bis dahin sehen Sie die Liste nur an.`,
  closedSince: (day: string) =>
    `Der Einlass war am ${day}. Die Liste zeigt, wer eingetroffen ist; ändern lässt sie sich nicht mehr.`,
  noDate: 'Für dieses Modul steht noch kein Termin fest; der Einlass öffnet an seinem Tag.',
  noEventDate: 'Für diese Veranstaltung steht noch kein Termin fest; der Einlass öffnet an ihrem Tag.',
  cancelled: 'Diese Veranstaltung ist abgesagt; es gibt keinen Einlass.',
  daysRange: (first: string, last: string) => `${first} bis ${last}`,

  // ---- figure and search
  count: (arrived: number, total: number) =>
    `${arrived.toLocaleString('de-DE')} von ${total.toLocaleString('de-DE')} eingetroffen`,
  search: 'Name oder Kommune suchen',
  searchHint: 'Schon ein Teil des Namens genügt, z. B. „Müller“ oder „Pegnitz“.',
  results: (n: number, query: string) =>
    query
      ? `${people(n)} gefunden für „${query}“`
      : n === 1
        ? '1 angemeldete Person'
        : `Alle ${n.toLocaleString('de-DE')} angemeldeten Personen`,
  resultsHeading: 'Angemeldete',
  noResults: (query: string) =>
    `Niemand gefunden für „${query}“. Prüfen Sie die Schreibweise oder suchen Sie nach der Kommune.`,
  nobody: 'Für diese Veranstaltung ist niemand bestätigt angemeldet.',

  // ---- one person
  arrive: 'Eingetroffen',
  undo: 'Zurücknehmen',
  arrived: 'Eingetroffen',
  notArrived: 'Noch nicht da',
  sending: 'wird übertragen',
  delegation: (n: number) => `Delegation, ${people(n)}`,
  guest: 'Gast',

  // ---- what a tick did, told politely
  announced: {
    arrived: (name: string) => `${name} ist eingetroffen.`,
    undone: (name: string) => `Der Einlass von ${name} ist zurückgenommen.`,
    queuedArrived: (name: string) =>
      `${name} ist vermerkt und wird übertragen, sobald die Verbindung wieder steht.`,
    queuedUndone: (name: string) =>
      `Die Rücknahme für ${name} ist vermerkt und wird übertragen, sobald die Verbindung wieder steht.`,
    sent: (n: number) => `Verbindung wieder da: ${marks(n)} übertragen.`,
  },
  refused: (name: string, reason: string) => `Für ${name} wurde nichts vermerkt: ${reason}`,

  // ---- the connection
  offline: 'Keine Verbindung zum Server.',
  waiting: (n: number) =>
    `${marks(n)} ${n === 1 ? 'wartet' : 'warten'} auf dem Gerät und ${n === 1 ? 'wird' : 'werden'} übertragen, sobald die Verbindung wieder steht. Bitte schließen Sie diese Seite nicht.`,
  transferring: (n: number) => `${marks(n)} ${n === 1 ? 'wird' : 'werden'} übertragen …`,
  retryNow: 'Jetzt erneut senden',
  signInAgain:
    'Ihre Anmeldung ist abgelaufen. Die Vermerke bleiben auf diesem Gerät gespeichert; bitte melden Sie sich erneut an.',
  signInLink: 'Erneut anmelden',
} as const;
