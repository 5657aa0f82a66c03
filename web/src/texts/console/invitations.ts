import type { components } from '../../api/openapi';

type InvitationStatus = components['schemas']['InvitationResponse']['status'];

/** The states of an invitation in the office's words, and how the address names them (`?stand=`). */
const statuses = {
  open: 'Offen',
  accepted: 'Angenommen',
  declined: 'Abgelehnt',
  expired: 'Abgelaufen',
  revoked: 'Zurückgezogen',
} satisfies Record<InvitationStatus, string>;

const statusSlugs = {
  open: 'offen',
  accepted: 'angenommen',
  declined: 'abgelehnt',
  expired: 'abgelaufen',
  revoked: 'zurueckgezogen',
} satisfies Record<InvitationStatus, string>;

/** Texts of the office console's section „invitations“ (Berufungen). */
export const invitations = {
  statuses,
  statusSlugs,
  list: {
    title: 'Berufungen',
    lead: 'Die Einladungen in den Club, die neuesten zuerst. Offene und abgelaufene Einladungen können Sie erneut senden oder zurückziehen.',
    appoint: 'Person berufen',
    filterLabel: 'Nach Stand zeigen',
    all: 'Alle',
    resultsHeading: (status: string | undefined, search: string) =>
      [status ? `Einladungen: ${status}` : 'Einladungen', search ? `mit „${search}“` : null]
        .filter(Boolean)
        .join(' '),
    searchLabel: 'Einladungen durchsuchen',
    searchHint: 'Name, E-Mail-Adresse, Organisation oder Kommune; mehrere Wörter grenzen ein.',
    search: 'Suchen',
    emptySearch: (search: string, status: string | undefined) =>
      status
        ? `Keine Einladungen mit dem Stand „${status}“ passen zu „${search}“.`
        : `Keine Einladungen passen zu „${search}“.`,
    loading: 'Die Einladungen werden geladen …',
    empty: 'Es gibt noch keine Einladungen.',
    emptyFiltered: (status: string) => `Keine Einladungen mit dem Stand „${status}“.`,
    showAll: 'Alle Einladungen zeigen',
    countSoFar: (count: number) => `${count} Einladungen angezeigt, es gibt weitere.`,
    countAll: (count: number) => (count === 1 ? '1 Einladung angezeigt.' : `${count} Einladungen angezeigt.`),
    more: 'Weitere Einladungen anzeigen',
    loadingMore: 'Weitere werden geladen …',
    state: 'Stand',
    email: 'E-Mail-Adresse',
    organisation: 'Organisation',
    municipality: 'Kommune',
    invitedAt: 'Eingeladen am',
    validUntil: 'Gültig bis',
    expiredAt: 'Abgelaufen am',
    answeredAt: (status: string) => `${status} am`,
    sent: 'Verschickt',
    sentTimes: (count: number) => (count === 1 ? 'einmal' : `${count}-mal`),
    resend: 'Erneut senden',
    revoke: 'Zurückziehen',
    actionsFor: (name: string) => `Aktionen für ${name}`,
    resendDialog: {
      title: 'Einladung erneut senden?',
      text: (name: string, email: string) =>
        `${name} erhält die Einladung noch einmal an ${email}, mit einem neuen Link und einer neuen Frist. Der Link der früheren E-Mail gilt dann nicht mehr.`,
      confirm: 'Ja, erneut senden',
    },
    revokeDialog: {
      title: 'Einladung zurückziehen?',
      text: (name: string) =>
        `Der Link in der Einladung an ${name} gilt dann nicht mehr: ${name} kann die Berufung nicht mehr annehmen. ${name} erhält darüber keine Nachricht. Später können Sie die Person erneut berufen.`,
      confirm: 'Ja, zurückziehen',
    },
    resent: (name: string, until: string) =>
      `Die Einladung an ${name} ist erneut verschickt. Sie gilt bis ${until}.`,
    revoked: (name: string) => `Die Einladung an ${name} ist zurückgezogen.`,
  },
  form: {
    title: 'Person berufen',
    lead: 'Die Person erhält eine E-Mail mit einem persönlichen Link, über den sie zusagen oder absagen kann. Bevor die E-Mail verschickt wird, sehen Sie sie in der Vorschau.',
    toList: 'Zur Liste der Berufungen',
    required: 'Pflichtangaben sind nicht als „freiwillig“ markiert.',
    person: 'Person',
    salutation: 'Anrede',
    choose: 'Bitte wählen',
    academicTitle: 'Akademischer Titel',
    noAcademicTitle: 'Kein Titel',
    officeTitle: 'Amtsbezeichnung',
    officeTitleHint: 'Zum Beispiel Bürgermeisterin oder Landrat; sie steht in der Anrede der E-Mail.',
    firstName: 'Vorname',
    lastName: 'Nachname',
    email: 'E-Mail-Adresse',
    emailHint: 'An diese Adresse geht die Einladung.',
    organisationHeading: 'Organisation, Sektor und Land',
    organisation: 'Organisation',
    organisationHint: 'Zum Beispiel Gemeinde Kalletal oder Stadtwerke Ulm.',
    position: 'Funktion',
    positionHint: 'Falls sie von der Amtsbezeichnung abweicht, zum Beispiel Geschäftsführerin.',
    sector: 'Sektor',
    federalState: 'Land',
    municipalityHeading: 'Kommune',
    municipalityRequired: 'Für den Sektor Kommune sind Name, Gemeindeschlüssel und Einwohnerzahl Pflicht.',
    municipalityOptional: 'Freiwillig; füllen Sie die Kommune aus, wenn die Person für eine Kommune steht.',
    municipality: 'Name der Kommune',
    ags: 'Amtlicher Gemeindeschlüssel (AGS)',
    agsHint: 'Acht Ziffern; die ersten beiden nennen das Land (zum Beispiel 05 für Nordrhein-Westfalen).',
    agsOfLand: (land: string) => `Dieser Schlüssel gehört zu ${land}.`,
    population: 'Einwohnerzahl',
    populationHint: 'Ohne Punkte, zum Beispiel 13900.',
    agsHelp: {
      heading: 'Gemeindeschlüssel finden',
      searching: 'Bekannte Kommunen werden gesucht …',
      intro:
        'Kommunen, die der Club aus früheren Berufungen kennt, erscheinen hier mit Schlüssel und Einwohnerzahl, sobald Sie mindestens zwei Buchstaben des Namens eingeben.',
      matches: (count: number) =>
        count === 1 ? '1 bekannte Kommune passt:' : `${count} bekannte Kommunen passen:`,
      none: (name: string) => `Zu „${name}“ kennt der Club noch keine Kommune.`,
      failed:
        'Die bekannten Kommunen konnten nicht geladen werden; den Schlüssel können Sie trotzdem eingeben.',
      entry: (ags: string, population: string, land: string) =>
        `AGS ${ags}, ${population} Einwohner, ${land}`,
      take: 'Übernehmen',
      takeLabel: (name: string, ags: string) => `${name} (AGS ${ags}) übernehmen`,
      taken: (name: string) =>
        `Kommune ${name} übernommen: Name, Schlüssel, Einwohnerzahl und Land sind eingetragen.`,
      where:
        'Für eine Kommune, die der Club noch nicht kennt: Den Amtlichen Gemeindeschlüssel und die Einwohnerzahl nennt das Gemeindeverzeichnis des Statistischen Bundesamts (Gemeindeverzeichnis-Informationssystem GV-ISys, zu finden über die Suche auf destatis.de); auch die Kommune selbst nennt ihn auf Nachfrage.',
    },
    themes: 'Themenfelder',
    themesHint: 'Freiwillig; die Person kann sie später in ihrem Profil ändern.',
    messageHeading: 'Persönliche Nachricht',
    personalMessage: 'Persönliche Worte der Geschäftsstelle',
    personalMessageHint:
      'Erscheint in der E-Mail unter „Die Geschäftsstelle schreibt Ihnen dazu persönlich“. Höchstens 4000 Zeichen.',
    toPreview: 'Weiter zur Vorschau',
    preparingPreview: 'Vorschau wird erstellt …',
    errors: {
      salutation: 'Bitte wählen Sie die Anrede.',
      firstName: 'Bitte geben Sie den Vornamen an.',
      lastName: 'Bitte geben Sie den Nachnamen an.',
      email: 'Bitte geben Sie die E-Mail-Adresse an, zum Beispiel name@kommune.de.',
      organisation: 'Bitte geben Sie die Organisation an.',
      sector: 'Bitte wählen Sie den Sektor.',
      federalState: 'Bitte wählen Sie das Land.',
      municipality: 'Bitte geben Sie den Namen der Kommune an.',
      ags: 'Der Amtliche Gemeindeschlüssel besteht aus genau 8 Ziffern.',
      agsPrefix: (prefix: string) => `Der AGS beginnt mit ${prefix}; gültig sind 01 bis 16 (die Länder).`,
      agsLand: (ags: string, agsLand: string, land: string) =>
        `Der AGS ${ags} gehört zu ${agsLand}, nicht zu ${land}. Bitte prüfen Sie Schlüssel oder Land.`,
      population: 'Bitte geben Sie die Einwohnerzahl als ganze Zahl an, zum Beispiel 13900.',
      municipalityMissing: 'Für den Sektor Kommune geben Sie bitte die Kommune an.',
    },
  },
  preview: {
    heading: 'Vorschau der E-Mail',
    intro: 'So erhält die Person die Einladung. Den persönlichen Link und die Frist setzt der Versand ein.',
    to: 'An',
    subject: 'Betreff',
    mailText: 'Text der E-Mail',
    send: 'Einladung senden',
    sending: 'Wird gesendet …',
    edit: 'Angaben ändern',
  },
  sent: {
    heading: 'Einladung verschickt',
    text: (name: string, email: string, until: string) =>
      `Die Einladung an ${name} ist an ${email} verschickt. Sie gilt bis ${until}.`,
    another: 'Weitere Person berufen',
    toList: 'Zur Liste der Berufungen',
  },
} as const;
