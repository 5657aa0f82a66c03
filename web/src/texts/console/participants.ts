import type { components } from '../../api/openapi';

type Registration = components['schemas']['RegistrationResponse'];
type RegistrantKind = Registration['registrant']['kind'];
type SessionChoiceStatus = components['schemas']['SessionChoiceResponse']['status'];

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

/** Texts of the office console's section „participants“: the list per event, the print page. */
export const participants = {
  // ---- /geschaeftsstelle/veranstaltungen/:eventId/teilnehmende
  title: (event: string) => `Teilnehmende: ${event}`,
  titleLoading: 'Teilnehmende',
  loading: 'Die Veranstaltung wird geladen …',
  backToEvent: 'Zurück zur Veranstaltung',
  toEvents: 'Zu allen Veranstaltungen',
  notFound: {
    title: 'Veranstaltung nicht gefunden',
    text: 'Diese Veranstaltung gibt es nicht (mehr). Bitte wählen Sie sie aus der Liste der Veranstaltungen.',
  },
  draft:
    'Diese Veranstaltung ist noch ein Entwurf. Anmeldungen gibt es erst, wenn sie angekündigt ist und die Anmeldung öffnet.',
  actions: {
    csv: 'Liste als CSV-Datei für Excel herunterladen',
    csvFiltered: 'Liste mit den gewählten Filtern als CSV-Datei für Excel herunterladen',
    csvHint: 'eine Zeile je Person, öffnet sich in Excel per Doppelklick',
    print: 'Druckliste und Namensschilder',
  },

  // ---- figures
  figures: {
    heading: 'Zahlen',
    loading: 'Die Zahlen werden geladen …',
    capacity: 'Plätze',
    capacityCircle: 'Plätze (Kommunen)',
    confirmed: 'Bestätigt',
    seatsLeft: 'Noch frei',
    waiting: 'Auf der Warteliste',
    cancelled: 'Storniert',
    people: 'Personen bestätigt',
    interested: 'Interesse bekundet',
    interestedValue: (members: number, municipalities: number) =>
      municipalities === 0
        ? count(members, 'Mitglied', 'Mitglieder')
        : `${count(members, 'Mitglied', 'Mitglieder')}, ${count(municipalities, 'Kommune', 'Kommunen')}`,
    attended: 'Beim Einlass (Personen)',
    attendedValue: (n: number) => String(n),
    noShows: 'Nicht erschienen',
    noShowsValue: (n: number) => count(n, 'Anmeldung', 'Anmeldungen'),
  },

  // ---- the list and its filters
  filters: {
    heading: 'Liste filtern',
    search: 'Name oder Kommune',
    searchHint: 'Auch ohne Umlaute, z. B. „Muller“ oder „Goerlitz“.',
    status: 'Stand',
    attendance: 'Einlass',
    federalState: 'Land',
    sector: 'Sektor',
    all: 'Alle',
    apply: 'Filter anwenden',
    reset: 'Filter zurücksetzen',
  },
  statusOptions: {
    bestaetigt: 'Bestätigt',
    warteliste: 'Warteliste',
    storniert: 'Storniert',
  },
  attendanceOptions: {
    anwesend: 'Beim Einlass vermerkt',
    'nicht-vermerkt': 'Noch nicht vermerkt',
  },
  list: {
    heading: 'Teilnehmende',
    caption: (event: string) => `Teilnehmende der Veranstaltung ${event}`,
    loading: 'Die Liste wird geladen …',
    empty: 'Zu dieser Veranstaltung hat sich noch niemand angemeldet.',
    emptyFiltered: 'Niemand passt zu diesen Filtern.',
    shownSoFar: (n: number) => `${count(n, 'Anmeldung', 'Anmeldungen')} angezeigt, weitere folgen`,
    shownAll: (n: number) => `${count(n, 'Anmeldung', 'Anmeldungen')}`,
    more: 'Weitere anzeigen',
    loadingMore: 'Weitere werden geladen …',
    columns: {
      name: 'Name',
      kind: 'Art',
      organisation: 'Organisation / Kommune',
      federalState: 'Land',
      status: 'Stand',
      workshops: 'Workshops',
      attendance: 'Einlass',
      registeredAt: 'Angemeldet am',
    },
    delegation: (n: number) => `Delegation (${count(n, 'Person', 'Personen')}):`,
    attended: 'anwesend',
    notAttended: 'noch nicht da',
    noWorkshops: 'keine',
    byOffice: 'von der Geschäftsstelle angemeldet',
  },
  kinds: {
    member: 'Mitglied',
    municipality: 'Kommune mit Delegation',
    guest: 'Gast',
  } satisfies Record<RegistrantKind, string>,
  status: {
    confirmed: 'Bestätigt',
    waiting: (place: number | undefined) => (place ? `Warteliste, Platz ${place}` : 'Warteliste'),
    cancelled: 'Storniert',
  },
  workshopStatus: {
    confirmed: 'Platz sicher',
    waiting: 'Warteliste',
    pending: 'vorgemerkt',
  } satisfies Record<SessionChoiceStatus, string>,

  // ---- the waiting list
  waitingList: {
    heading: 'Warteliste in ihrer Reihenfolge',
    lead: 'Wird ein Platz frei, rückt Platz 1 sofort nach und erhält eine Nachricht.',
    loading: 'Die Warteliste wird geladen …',
    empty: 'Niemand wartet auf einen Platz.',
    place: (n: number) => `Platz ${n}`,
    since: (when: string) => `angemeldet am ${when}`,
  },

  // ---- the workshops of a Deutschlandforum
  workshops: {
    heading: 'Workshops',
    lead: 'Wer in welchem Workshop ist, und wie viele Plätze noch frei sind.',
    seats: (confirmed: number, capacity: number, left: number, waiting: number) =>
      `${confirmed} von ${capacity} Plätzen vergeben, ${left} frei` +
      (waiting > 0 ? `, ${waiting} auf der Warteliste` : ''),
    showPeople: (title: string) => `Teilnehmende von „${title}“ anzeigen`,
    people: 'Teilnehmende des Workshops',
    loading: 'Wird geladen …',
    empty: 'Diesen Workshop hat noch niemand gewählt.',
  },

  // ---- /geschaeftsstelle/veranstaltungen/:eventId/teilnehmende/druck
  print: {
    titleList: (event: string) => `Druckliste: ${event}`,
    titleBadges: (event: string) => `Namensschilder: ${event}`,
    titleLoading: 'Drucken',
    choose: 'Was möchten Sie drucken?',
    list: 'Liste für den Einlass (mit Unterschrift)',
    badges: 'Namensschilder (8 je A4-Seite)',
    print: 'Drucken',
    printHint:
      'Im Druckfenster wählen Sie Ihren Drucker oder „Als PDF speichern“. Es wird nur die Liste oder die Namensschilder gedruckt, ohne die Navigation.',
    backToList: 'Zurück zur Teilnehmendenliste',
    loading: 'Die Bestätigten werden geladen …',
    empty:
      'Es gibt noch keine bestätigten Teilnehmenden. Sobald sich jemand angemeldet hat, können Sie hier drucken.',
    summary: (people: number) =>
      `${count(people, 'Person', 'Personen')} mit bestätigtem Platz, nach Nachnamen geordnet.`,
    sheet: (n: number, of: number) => `Bogen ${n} von ${of}`,
    columns: {
      number: 'Nr.',
      name: 'Name',
      office: 'Amt / Funktion',
      organisation: 'Organisation / Kommune',
      signature: 'Unterschrift',
    },
    listCaption: (event: string, date: string) => `Teilnehmende – ${event}${date ? `, ${date}` : ''}`,
  },
} as const;
