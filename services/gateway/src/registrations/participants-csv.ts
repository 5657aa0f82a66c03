import {
  DelegationRoleNames,
  FederalStates,
  RegistrationReply,
  RegistrationStatusNames,
  SessionChoiceStatusNames,
} from '@ic/contracts';

/**
 * The participant list as CSV that opens correctly in a German Excel by double-click: UTF-8 with a
 * byte order mark (else umlauts break), `;` as separator (the German list separator), CRLF, every
 * cell quoted, and cells that Excel would take for a formula (= + - @, tab, CR) defused with a
 * leading apostrophe (CSV injection).
 */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BYTE_ORDER_MARK = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;

const COLUMNS = [
  'Status',
  'Warteplatz',
  'Art',
  'Name',
  'Funktion',
  'Organisation',
  'E-Mail',
  'Sektor',
  'Land',
  'Kommune',
  'AGS',
  'Einwohner',
  'Workshops',
  'Angemeldet am',
  'Bestätigt am',
  'Anwesend',
] as const;

const KIND_NAMES: Record<RegistrationReply['registrant']['kind'], string> = {
  member: 'Mitglied',
  municipality: 'Kommune (Delegation)',
  guest: 'Gast',
};

const berlinTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "03.02.2027 09:15" (Berlin time): what a German Excel reads as date and time. */
function excelTime(iso: string): string {
  return berlinTime.format(new Date(iso)).replace(', ', ' ');
}

export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '""';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

function csvLine(cells: readonly (string | number | undefined)[]): string {
  return cells.map(csvCell).join(SEPARATOR) + LINE_END;
}

/** The start of the file: the byte order mark and the column names. */
export function participantsCsvHead(): string {
  return BYTE_ORDER_MARK + csvLine(COLUMNS);
}

/** The lines of one registration: one per person (a delegation has one per member of it). */
export function participantsCsvLines(registration: RegistrationReply): string {
  const { registrant } = registration;
  const common = (person: {
    name: string;
    role?: string;
    email?: string;
    attended?: boolean;
  }): (string | number | undefined)[] => [
    RegistrationStatusNames[registration.status],
    registration.waitingPlace,
    KIND_NAMES[registrant.kind],
    person.name,
    person.role,
    registrant.kind === 'municipality' ? registrant.municipality?.name : registrant.organisation,
    person.email,
    registrant.kind === 'municipality' ? 'Kommune' : registrant.sector,
    registrant.federalState && FederalStates[registrant.federalState].name,
    registrant.municipality?.name,
    registrant.municipality?.ags,
    registrant.municipality?.population,
    registration.sessions
      .map((session) => `${session.title} (${SessionChoiceStatusNames[session.status]})`)
      .join(', ') || undefined,
    excelTime(registration.registeredAt),
    registration.confirmedAt && excelTime(registration.confirmedAt),
    person.attended === undefined ? undefined : person.attended ? 'ja' : 'nein',
  ];
  if (registration.delegation) {
    return registration.delegation
      .map((person) =>
        csvLine(
          common({
            name: `${person.firstName} ${person.lastName}`,
            role: DelegationRoleNames[person.role],
            email: person.email,
            attended: person.attended,
          }),
        ),
      )
      .join('');
  }
  return csvLine(common({ name: registrant.name, email: registrant.email, attended: registration.attended }));
}
