import { EventKind, EventKindNames, EventStatus, EventStatusNames, germanShortDateTime } from '@ic/contracts';

const status = (value: EventStatus): string => `„${EventStatusNames[value]}“`;

/** What the service tells the office and members, in German (formal "Sie"). */
export const EventMessages = {
  notFound: 'Diese Veranstaltung gibt es nicht.',
  wrongKind: (actual: EventKind, requested: EventKind) =>
    `Diese Veranstaltung ist vom Typ „${EventKindNames[actual]}“, nicht „${EventKindNames[requested]}“; der Typ einer Veranstaltung lässt sich nicht ändern.`,
  notChangeable: (current: EventStatus) =>
    `Die Veranstaltung hat den Status ${status(current)} und kann nicht mehr geändert werden.`,
  transitionRefused: (action: string, current: EventStatus, allowed: readonly EventStatus[]) =>
    `${action} ist nur im Status ${allowed.map(status).join(' oder ')} möglich; die Veranstaltung hat den Status ${status(current)}.`,
  alreadyEnded: (endsAt: Date) =>
    `Die Veranstaltung ist bereits am ${germanShortDateTime(endsAt)} zu Ende gegangen und kann nicht mehr angekündigt werden.`,
  notEndedYet: (endsAt: Date) =>
    `Die Veranstaltung endet erst am ${germanShortDateTime(endsAt)}; erst danach kann sie als stattgefunden gelten.`,
  moduleWithoutDate:
    'Ein Modul des Kommunalzirkels hat noch keinen Termin; die Reihe gilt erst nach ihrem letzten Modul als stattgefunden.',
  rulesViolated: (fields: string) => `Die Angaben verletzen Regeln für diese Veranstaltung: ${fields}.`,
  tooLarge: (kilobytes: number, limit: number) =>
    `Die Veranstaltung ist mit allen Angaben zu umfangreich (${kilobytes} KB, höchstens ${limit} KB). Bitte kürzen Sie Beschreibung, Abstracts oder Biografien.`,
  mustNotBeEmpty: (field: string) => `${field} darf nicht leer sein.`,
} as const;

/** Names of the staff actions in messages. */
export const ActionNames = {
  announce: 'Ankündigen',
  'open-registration': 'Die Anmeldung zu öffnen',
  'close-registration': 'Die Anmeldung zu schließen',
  'mark-held': 'Als stattgefunden zu markieren',
  cancel: 'Absagen',
} as const;
