import {
  delegationRoleLabel,
  FederalStates,
  RegistrationReply,
  RegistrationStatusNames,
  SessionChoiceStatusNames,
} from '@ic/contracts';
import { CSV_BYTE_ORDER_MARK, csvLine, csvTime } from '../http/csv';

/** The participant list as CSV for a German Excel (see http/csv). */
const COLUMNS = [
  'Stand',
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

/** The start of the file: the byte order mark and the column names. */
export function participantsCsvHead(): string {
  return CSV_BYTE_ORDER_MARK + csvLine(COLUMNS);
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
    csvTime(registration.registeredAt),
    registration.confirmedAt && csvTime(registration.confirmedAt),
    person.attended === undefined ? undefined : person.attended ? 'ja' : 'nein',
  ];
  if (registration.delegation) {
    return registration.delegation
      .map((person) =>
        csvLine(
          common({
            name: `${person.firstName} ${person.lastName}`,
            role: delegationRoleLabel(person.role, person.salutation),
            email: person.email,
            attended: person.attended,
          }),
        ),
      )
      .join('');
  }
  return csvLine(
    common({
      name: registrant.name,
      role: registrant.officeTitle,
      email: registrant.email,
      attended: registration.attended,
    }),
  );
}
