/** Texts of the registrations: the registration on the event page and „Meine Anmeldungen“. */

const people = (count: number) => (count === 1 ? '1 Person' : `${count} Personen`);
const seatsWord = (capacity: number, municipalities: boolean) =>
  `${capacity === 1 ? 'Platz' : 'Plätzen'}${municipalities ? ' für Kommunen' : ''}`;

export const registrations = {
  kinds: {
    deutschlandforum: 'Deutschlandforum',
    'innovators-lounge': 'Innovators Lounge',
    kommunalzirkel: 'Kommunalzirkel',
  },
  /** The state of a registration in a few words (badges, lists). */
  states: {
    confirmed: 'Angemeldet',
    waiting: (place: number | undefined) => (place ? `Warteliste, Platz ${place}` : 'Warteliste'),
    cancelled: 'Storniert',
    attended: 'Teilgenommen',
    interest: 'Interesse bekundet',
  },
  cancellationCauses: {
    registrant: 'Sie haben die Anmeldung storniert.',
    staff: 'Die Geschäftsstelle hat die Anmeldung storniert.',
    'event-cancelled': 'Die Veranstaltung wurde abgesagt.',
    'member-erased': 'Die Anmeldung endete mit dem Löschen Ihrer Daten.',
  },
  roles: {
    mayor: 'Bürgermeisterin oder Bürgermeister',
    administration: 'Verwaltung',
    'civil-society': 'Zivilgesellschaft',
    other: 'Andere Funktion',
  },
  salutations: {
    keine: 'Keine Angabe',
    Frau: 'Frau',
    Herr: 'Herr',
  },
  calendar: 'Termin in Ihren Kalender übernehmen (.ics)',
  calendarOf: (title: string) => `: ${title}`,
  dateOpen: 'Termin wird noch bekannt gegeben',

  panel: {
    heading: 'Ihre Anmeldung',
    loading: 'Ihre Anmeldung wird geladen …',
    signIn: {
      text: 'Bitte melden Sie sich an, um sich anzumelden.',
      interestText: 'Bitte melden Sie sich an, um Ihr Interesse zu bekunden.',
      action: 'Zur Anmeldung für Mitglieder',
    },
    staff:
      'Sie sind als Geschäftsstelle angemeldet. Mitglieder, Kommunen und Gäste melden Sie in der Verwaltung der Geschäftsstelle an.',
    eventCancelled: 'Diese Veranstaltung wurde abgesagt.',
    eventHeld: 'Diese Veranstaltung hat bereits stattgefunden.',
    closed: 'Die Anmeldung zu dieser Veranstaltung ist geschlossen.',
    notOpenYet: (opensAt: string) => `Die Anmeldung öffnet am ${opensAt}.`,
    deadline: (closesAt: string) => `Anmeldeschluss: ${closesAt}.`,
    changeableUntil: (until: string) => `Stornieren können Sie bis zum Anmeldeschluss am ${until}.`,
    delegationChangeableUntil: (until: string) =>
      `Stornieren und die Delegation ändern können Sie bis zum Anmeldeschluss am ${until}.`,
    notChangeable:
      'Die Anmeldung ist geschlossen. Stornieren oder ändern kann jetzt nur noch die Geschäftsstelle; bitte wenden Sie sich an sie.',
    registerAgain:
      'Sie haben Ihre Anmeldung storniert. Solange die Anmeldung geöffnet ist, können Sie sich erneut anmelden.',
    register: 'Verbindlich anmelden',
    registering: 'Anmeldung wird gesendet …',
    registerHint:
      'Mit „Verbindlich anmelden“ sagen Sie Ihre Teilnahme zu. Sie erhalten eine Bestätigung per E-Mail.',
    seats: {
      loading: 'Freie Plätze werden geladen …',
      left: (left: number, capacity: number, municipalities: boolean) =>
        `Noch ${left} von ${capacity} ${seatsWord(capacity, municipalities)} frei.`,
      full: (waiting: number) =>
        waiting === 0
          ? 'Alle Plätze sind vergeben. Wenn Sie sich jetzt anmelden, kommen Sie auf Platz 1 der Warteliste.'
          : `Alle Plätze sind vergeben. Wenn Sie sich jetzt anmelden, kommen Sie auf die Warteliste (dort warten bereits ${people(waiting)}).`,
    },
    confirmed: 'Sie sind verbindlich angemeldet.',
    confirmedMunicipality: (name: string) => `Ihre Kommune ${name} ist mit ihrer Delegation angemeldet.`,
    waiting: (place: number | undefined) =>
      place ? `Sie stehen auf Platz ${place} der Warteliste.` : 'Sie stehen auf der Warteliste.',
    waitingMunicipality: (name: string, place: number | undefined) =>
      place
        ? `Ihre Kommune ${name} steht auf Platz ${place} der Warteliste.`
        : `Ihre Kommune ${name} steht auf der Warteliste.`,
    waitingExplained:
      'Wird ein Platz frei, rücken Sie in der Reihenfolge der Warteliste automatisch nach. Wir benachrichtigen Sie per E-Mail, und diese Seite zeigt es auch ohne Neuladen.',
    promoted: 'Ein Platz ist frei geworden: Sie sind jetzt verbindlich angemeldet.',
    attended: 'Sie haben an dieser Veranstaltung teilgenommen.',
    wasRegistered: 'Sie waren zu dieser Veranstaltung angemeldet.',
    wasWaiting: 'Sie standen auf der Warteliste; ein Platz wurde nicht mehr frei.',
    registeredBy: 'Die Geschäftsstelle hat diese Anmeldung für Sie vorgenommen.',
    workshopsHeading: 'Ihre Workshops',
    noWorkshops: 'Sie haben keinen Workshop gewählt.',
    workshopStates: {
      confirmed: 'Platz sicher',
      waiting: (place: number | undefined) => (place ? `Warteliste, Platz ${place}` : 'Warteliste'),
      pending: 'vorgemerkt – der Platz folgt, sobald Ihre Anmeldung bestätigt ist',
    },
    delegationHeading: (name: string) => `Delegation der Kommune ${name}`,
    changeDelegation: 'Delegation ändern',
    delegationChanged: 'Die Delegation ist geändert. Die Personen erhalten eine Nachricht per E-Mail.',
    interest: {
      text: 'Sie können schon jetzt Ihr Interesse bekunden. Sobald die Anmeldung öffnet, erfahren Sie es als Erste.',
      textMunicipality: (name: string) =>
        `Sie können schon jetzt das Interesse Ihrer Kommune ${name} bekunden. Sobald die Anmeldung öffnet, erfahren Sie es als Erste.`,
      action: 'Interesse bekunden',
      sending: 'Wird gesendet …',
      declared: 'Sie haben Ihr Interesse bekundet. Wir benachrichtigen Sie, sobald die Anmeldung öffnet.',
      declaredMunicipality: (name: string) =>
        `Das Interesse Ihrer Kommune ${name} ist vermerkt. Wir benachrichtigen Sie, sobald die Anmeldung öffnet.`,
    },
    noMunicipality: {
      text: 'Zum Kommunalzirkel meldet eine Kommune ihre Delegation an – durch ihr Mitglied aus dem Sektor Kommune. Ihrem Profil ist keine Kommune zugeordnet.',
      help: 'Wenn das nicht stimmt, wenden Sie sich bitte an die Geschäftsstelle. Ihre Angaben sehen Sie in Ihrem Profil.',
      profile: 'Zu Ihrem Profil',
    },
    refusalOnward: 'Zu allen Veranstaltungen',
  },

  cancel: {
    action: 'Anmeldung stornieren',
    actionFor: (title: string) => `: Anmeldung zu „${title}“`,
    listAction: 'Stornieren',
    title: 'Anmeldung stornieren?',
    confirmedText: (title: string) =>
      `Ihre Anmeldung zu „${title}“ wird storniert. Ihr Platz geht sofort an die nächste Person auf der Warteliste.`,
    waitingText: (title: string) =>
      `Ihre Anmeldung zu „${title}“ wird storniert. Sie verlieren Ihren Platz auf der Warteliste.`,
    again:
      'Solange die Anmeldung geöffnet ist, können Sie sich erneut anmelden – dann aber womöglich nur auf die Warteliste.',
    confirm: 'Ja, Anmeldung stornieren',
    busy: 'Wird storniert …',
    doneConfirmed:
      'Ihre Anmeldung ist storniert. Ihr Platz geht an die nächste Person auf der Warteliste. Sie erhalten eine Bestätigung per E-Mail.',
    doneWaiting: 'Ihre Anmeldung ist storniert; Sie stehen nicht mehr auf der Warteliste.',
    doneIn: (title: string, wasWaiting: boolean) =>
      wasWaiting
        ? `Ihre Anmeldung zu „${title}“ ist storniert; Sie stehen nicht mehr auf der Warteliste.`
        : `Ihre Anmeldung zu „${title}“ ist storniert. Ihr Platz geht an die nächste Person auf der Warteliste. Sie erhalten eine Bestätigung per E-Mail.`,
  },

  workshops: {
    heading: 'Workshops wählen',
    intro:
      'Je Zeitfenster können Sie einen Workshop wählen. Ist ein Workshop voll, kommen Sie auf seine Warteliste und rücken nach, sobald ein Platz frei wird.',
    slot: (index: number, period: string) => `Zeitfenster ${index}: ${period}`,
    none: 'Keinen Workshop in diesem Zeitfenster',
    speakers: (names: string) => `mit ${names}`,
    room: (room: string) => `Raum: ${room}`,
    capacity: (capacity: number) => `${capacity} Plätze`,
    left: (left: number, capacity: number) =>
      `noch ${left} von ${capacity} ${capacity === 1 ? 'Platz' : 'Plätzen'} frei`,
    full: 'ausgebucht – Sie kommen auf die Warteliste des Workshops',
  },

  delegation: {
    heading: (name: string) => `Delegation der Kommune ${name}`,
    intro: (name: string) =>
      `Nennen Sie die Personen, die die Kommune ${name} zum Kommunalzirkel entsendet. Jede Person erhält eine eigene Nachricht per E-Mail.`,
    maxPeople: (max: number) => `Höchstens ${people(max)} je Kommune.`,
    suggested: (roles: string) => `Empfohlen ist je eine Person in diesen Funktionen: ${roles}.`,
    missingSuggested: (roles: string) =>
      `Noch nicht vertreten: ${roles}. Sie können die Delegation trotzdem so anmelden.`,
    person: (index: number) => `Person ${index}`,
    salutation: 'Anrede',
    firstName: 'Vorname',
    lastName: 'Nachname',
    email: 'E-Mail-Adresse',
    emailHint: 'An diese Adresse schicken wir die Bestätigung und den Kalendereintrag.',
    role: 'Funktion in der Delegation',
    chooseRole: 'Bitte wählen',
    add: 'Weitere Person hinzufügen',
    full: (max: number) => `Die Delegation ist vollständig: höchstens ${people(max)} je Kommune.`,
    remove: (index: number) => `Person ${index} entfernen`,
    save: 'Delegation speichern',
    saving: 'Wird gespeichert …',
    problem: 'Bitte prüfen Sie die Angaben zur Delegation.',
    errors: {
      firstName: 'Bitte geben Sie den Vornamen an (höchstens 80 Zeichen).',
      lastName: 'Bitte geben Sie den Nachnamen an (höchstens 80 Zeichen).',
      email: 'Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@gemeinde.de.',
      duplicateEmail: (index: number) =>
        `Diese E-Mail-Adresse steht schon bei Person ${index}; jede Person braucht ihre eigene.`,
      role: 'Bitte wählen Sie die Funktion der Person in der Delegation.',
      salutation: 'Bitte wählen Sie eine Anrede aus der Liste.',
      tooMany: (max: number) => `Eine Kommune kann höchstens ${people(max)} entsenden.`,
      none: 'Bitte nennen Sie mindestens eine Person.',
    },
  },

  myPage: {
    title: 'Meine Anmeldungen',
    lead: 'Ihre Anmeldungen zu Veranstaltungen des Innovators Club, auch die Ihrer Kommune.',
    loading: 'Ihre Anmeldungen werden geladen …',
    coming: 'Kommende Veranstaltungen',
    past: 'Vergangene Veranstaltungen',
    noneComing: 'Für die kommenden Veranstaltungen haben Sie keine Anmeldung.',
    interests: 'Vorgemerkt: Ihr Interesse',
    interestWaiting: 'Wir benachrichtigen Sie, sobald die Anmeldung öffnet.',
    interestOpen: 'Die Anmeldung ist geöffnet.',
    registerNow: (title: string) => `Jetzt zu „${title}“ anmelden`,
    empty: 'Sie haben sich noch zu keiner Veranstaltung angemeldet.',
    emptyAction: 'Veranstaltungen ansehen',
    findMore: 'Weitere Veranstaltungen finden',
    dateLabel: 'Termin',
    stateLabel: 'Stand',
    workshopsLabel: 'Workshops',
    delegationLabel: 'Delegation',
    delegationPeople: (count: number) => people(count),
    eventCancelled: 'Die Veranstaltung wurde abgesagt.',
    more: 'Weitere Anmeldungen anzeigen',
    loadingMore: 'Weitere werden geladen …',
  },
} as const;
