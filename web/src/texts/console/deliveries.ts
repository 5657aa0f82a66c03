import type { components } from '../../api/openapi';

type Delivery = components['schemas']['DeliveryResponse'];
type DeliveryStatus = Delivery['status'];
type MailKind = Delivery['kind'];

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

/** The delivery states in words (the API's codes are never shown). */
const statuses = {
  queued: 'In der Warteschlange',
  sending: 'Wird gerade versandt',
  sent: 'Versandt',
  failed: 'Fehlgeschlagen',
} satisfies Record<DeliveryStatus, string>;

/** The states as they stand in the address (`?stand=…`). */
const statusSlugs = {
  queued: 'warteschlange',
  sending: 'im-versand',
  sent: 'versandt',
  failed: 'fehlgeschlagen',
} satisfies Record<DeliveryStatus, string>;

/** The kinds of mail in words. */
const kinds = {
  invitation: 'Berufung',
  'sign-in-link': 'Anmeldelink',
  announcement: 'Ankündigung einer Veranstaltung',
  'registration-confirmed': 'Anmeldebestätigung',
  'registration-waitlisted': 'Platz auf der Warteliste',
  'registration-promoted': 'Von der Warteliste nachgerückt',
  'registration-cancelled': 'Abmeldung von einer Veranstaltung',
  'workshop-seats': 'Änderung der Workshop-Plätze',
  'event-changed': 'Änderung einer Veranstaltung',
  'registration-opened': 'Anmeldung geöffnet',
  'event-reminder': 'Erinnerung an eine Veranstaltung',
} satisfies Record<MailKind, string>;

/** The kinds as they stand in the address (`?art=…`). */
const kindSlugs = {
  invitation: 'berufung',
  'sign-in-link': 'anmeldelink',
  announcement: 'ankuendigung',
  'registration-confirmed': 'anmeldebestaetigung',
  'registration-waitlisted': 'warteliste',
  'registration-promoted': 'nachgerueckt',
  'registration-cancelled': 'abmeldung',
  'workshop-seats': 'workshop-plaetze',
  'event-changed': 'aenderung',
  'registration-opened': 'anmeldung-geoeffnet',
  'event-reminder': 'erinnerung',
} satisfies Record<MailKind, string>;

/** Texts of the office console's section „deliveries“ (Versand). */
export const deliveries = {
  statuses,
  statusSlugs,
  kinds,
  kindSlugs,
  title: 'Versand',
  lead: 'Jede E-Mail, die die Plattform verschickt hat oder verschicken wird – mit ihrem Stand und, wenn der Versand fehlgeschlagen ist, der Antwort des Mailservers.',
  filters: {
    heading: 'E-Mails suchen',
    recipient: 'Empfänger (E-Mail-Adresse)',
    recipientHint:
      'Die ganze Adresse, z. B. anna.mueller@stadt.example; Groß- und Kleinschreibung zählen nicht.',
    event: 'Veranstaltung',
    allEvents: 'Alle Veranstaltungen',
    eventsLoading: 'Veranstaltungen werden geladen …',
    status: 'Stand',
    allStatuses: 'Jeder Stand',
    kind: 'Art der E-Mail',
    allKinds: 'Jede Art',
    submit: 'Suchen',
    reset: 'Alle E-Mails zeigen',
    member: 'Es werden nur die E-Mails an ein bestimmtes Mitglied gezeigt.',
    memberLink: 'Zum Mitglied',
    memberReset: 'Diese Einschränkung aufheben',
    recipientTooLong: 'Die Adresse darf höchstens 254 Zeichen lang sein.',
  },
  results: {
    heading: 'E-Mails',
    loading: 'Die E-Mails werden geladen …',
    empty: 'Es gibt noch keine E-Mail im Versandprotokoll.',
    emptyFiltered: 'Keine E-Mail passt zu dieser Suche.',
    more: 'Weitere E-Mails anzeigen',
    loadingMore: 'Weitere E-Mails werden geladen …',
    countSoFar: (n: number) => `${count(n, 'E-Mail', 'E-Mails')} angezeigt, weitere folgen`,
    countAll: (n: number) => `${count(n, 'E-Mail', 'E-Mails')}`,
    newestFirst: 'Die neuesten zuerst.',
  },
  card: {
    state: 'Stand',
    kind: 'Art',
    recipient: 'Empfänger',
    createdAt: 'Erstellt',
    sentAt: 'Versandt',
    attempts: 'Versuche',
    attemptsValue: (n: number) => count(n, 'Versuch', 'Versuche'),
    smtpAnswer: 'Antwort des Mailservers',
    lastAnswer: 'Letzte Antwort des Mailservers',
    event: 'Veranstaltung',
    eventLink: 'Zur Veranstaltung',
    eventUnknown: 'Veranstaltung ansehen',
    member: 'Mitglied',
    memberLink: 'Zum Mitglied',
    memberMails: 'Alle E-Mails an dieses Mitglied',
    resend: 'Erneut versenden',
    resendFor: (subject: string, recipient: string) => `„${subject}“ an ${recipient} erneut versenden`,
    signInLinkNoResend:
      'Anmeldelinks werden nicht erneut versandt, denn sie gelten nur kurz: Das Mitglied fordert auf der Anmeldeseite einfach einen neuen an.',
    erased: 'Die Daten dieses Mitglieds wurden gelöscht.',
  },
  resendDialog: {
    title: 'E-Mail erneut versenden?',
    text: (subject: string, recipient: string) =>
      `Die E-Mail „${subject}“ wird so, wie sie geschrieben wurde, noch einmal versandt – an ${recipient} oder, falls die Adresse des Mitglieds inzwischen geändert wurde, an die neue Adresse.`,
    hint: 'Prüfen Sie vorher die Antwort des Mailservers: Ist die Adresse falsch, korrigieren Sie sie zuerst im Profil des Mitglieds.',
    confirm: 'Ja, erneut versenden',
  },
  resent: (subject: string) =>
    `Die E-Mail „${subject}“ steht wieder in der Warteschlange und wird gleich versandt. Ihr neuer Stand erscheint in der Liste.`,
  refresh: 'Liste aktualisieren',
} as const;
