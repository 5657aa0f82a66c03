import { berlinWallTime, EventKind, EventKindNames, EventStatus, EventStatusNames } from '@ic/contracts';

/** `12.05.2027, 09:30 Uhr` in Berlin time, for messages. */
export function germanDateTime(instant: Date): string {
  const [date, time] = berlinWallTime(instant).split('T');
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}, ${time.slice(0, 5)} Uhr`;
}

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
    `Die Veranstaltung ist bereits am ${germanDateTime(endsAt)} zu Ende gegangen und kann nicht mehr angekündigt werden.`,
  notEndedYet: (endsAt: Date) =>
    `Die Veranstaltung endet erst am ${germanDateTime(endsAt)}; erst danach kann sie als stattgefunden gelten.`,
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
