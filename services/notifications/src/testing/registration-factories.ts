import {
  Addressee,
  ClubEventSnapshot,
  DelegationPerson,
  exampleLoungeSnapshot,
  PersonContact,
  RegistrationSnapshot,
} from '@ic/contracts';
import { sealPersonContact, SecretBox } from '@ic/platform';
import { mock } from 'jest-mock-extended';
import { randomBytes, randomUUID } from 'node:crypto';
import { RecordEventUseCase } from '../club-events/record-event/record-event.usecase';
import { MailSettings } from '../mail/mail-settings';
import { MailAttachment } from '../mail/mailer';
import { RegistrationMailBase } from '../mail/templates/registration-mail-parts';
import {
  RegistrationCalendarOptions,
  registrationCalendarFiles,
} from '../registrations/registration-calendar';

/** Test data for the registration mails: events, registrations, people and settings. */

export const office = { name: 'Innovators Club des DStGB', email: 'innovators-club@dstgb.example' };

export const LINK_BASE_URL = 'https://portal.example';

/** The event's page in the portal, as MailSettings.eventPage gives it for LINK_BASE_URL. */
export function eventPageOf(eventId: string): string {
  return `${LINK_BASE_URL}/veranstaltungen/${eventId}`;
}

export function newMailSettings(): MailSettings {
  return MailSettings.fromEnv({
    MAIL_FROM: `${office.name} <${office.email}>`,
    LINK_BASE_URL,
    LINK_TOKEN_SECRET: randomBytes(32).toString('base64'),
  });
}

/**
 * A lounge open for registration over two days across the end of summer time (Sunday, 27 October
 * 2030, 03:00 CEST → 02:00 CET): it starts in summer time and ends in winter time.
 */
export function lounge(overrides: Partial<ClubEventSnapshot> = {}): ClubEventSnapshot {
  return {
    ...exampleLoungeSnapshot,
    eventId: '8d1c0f3e-4b7a-4c2e-9f51-3a6b2c1d0e97',
    revision: 4,
    status: 'registration-open',
    startsAt: '2030-10-26T09:30:00+02:00',
    endsAt: '2030-10-27T16:00:00+01:00',
    registration: { opensAt: '2030-02-01T09:00:00+01:00', closesAt: '2030-10-19T23:59:00+02:00' },
    updatedAt: '2030-02-01T08:00:00.000Z',
    ...overrides,
  };
}

/**
 * The events this service has recorded: `known` where it is newer than (or as new as) the event a
 * message carries, else the carried one (see RecordEventUseCase.newest).
 */
export function eventsKnowing(known?: ClubEventSnapshot): RecordEventUseCase {
  return mock<RecordEventUseCase>({
    newest: (carried: ClubEventSnapshot) =>
      Promise.resolve(known && known.revision >= carried.revision ? known : carried),
  });
}

export const WORKSHOP_ID = '4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a';
export const SECOND_WORKSHOP_ID = '5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b';

/** A Deutschlandforum with two parallel workshops. */
export function forum(overrides: Partial<ClubEventSnapshot> = {}): ClubEventSnapshot {
  const workshop = (sessionId: string, title: string, room: string) => ({
    sessionId,
    kind: 'workshop' as const,
    title,
    startsAt: '2030-10-26T14:00:00+02:00',
    endsAt: '2030-10-26T15:30:00+02:00',
    room,
    speakers: [],
    capacity: 30,
  });
  return lounge({
    kind: 'deutschlandforum',
    title: '26. Deutschlandforum des Innovators Club',
    lounge: undefined,
    forum: {
      leitgedanke: 'Kommune 2035',
      sessions: [
        workshop(WORKSHOP_ID, 'Daten teilen zwischen Kommunen', 'Raum Spree'),
        workshop(SECOND_WORKSHOP_ID, 'Bürgerbeteiligung digital', 'Raum Havel'),
      ],
    },
    ...overrides,
  });
}

export const MODULE_IDS = ['1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b', '2c3d4e5f-6071-4829-8b3c-4d5e6f7a8b9c'];

/** A Kommunalzirkel: one module in summer time, one after the change to winter time, one undated. */
export function circle(overrides: Partial<ClubEventSnapshot> = {}): ClubEventSnapshot {
  return lounge({
    eventId: 'ff822a30-a7ad-4034-95d8-c26f913dbb28',
    kind: 'kommunalzirkel',
    title: 'Kommunen for future – Wandel vor Ort gestalten',
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    federalStates: ['BY'],
    venue: undefined,
    lounge: undefined,
    startsAt: '2030-10-24T10:00:00+02:00',
    endsAt: '2030-11-07T16:00:00+01:00',
    circle: {
      modules: [
        {
          moduleId: MODULE_IDS[0],
          title: 'Auftakt in Pegnitz',
          startsAt: '2030-10-24T10:00:00+02:00',
          endsAt: '2030-10-24T16:00:00+02:00',
          place: 'Rathaus Pegnitz',
          guidingQuestions: [],
        },
        {
          moduleId: MODULE_IDS[1],
          title: 'Energie vor Ort',
          startsAt: '2030-11-07T10:00:00+01:00',
          endsAt: '2030-11-07T16:00:00+01:00',
          guidingQuestions: [],
        },
        { moduleId: randomUUID(), title: 'Abschluss', dateNote: 'Frühjahr 2031', guidingQuestions: [] },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration'] },
      feeCents: 0,
    },
    ...overrides,
  });
}

export const MEMBER_ID = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';

export function registration(overrides: Partial<RegistrationSnapshot> = {}): RegistrationSnapshot {
  return {
    registrationId: '0d6c3a9e-2f41-4b8a-9c77-5e1f2a3b4c5d',
    eventId: lounge().eventId,
    revision: 1,
    status: 'confirmed',
    registrant: { kind: 'member', memberId: MEMBER_ID, federalState: 'NW', sector: 'Kommune' },
    registeredBy: { subject: MEMBER_ID, role: 'member' },
    sessions: [],
    registeredAt: '2030-03-01T08:00:00.000Z',
    confirmedAt: '2030-03-01T08:00:00.000Z',
    ...overrides,
  };
}

export function delegationPerson(
  box: SecretBox,
  contact: Partial<PersonContact> = {},
  role: DelegationPerson['role'] = 'administration',
): DelegationPerson {
  return {
    personId: randomUUID(),
    role,
    contact: sealPersonContact(box, {
      salutation: 'keine',
      firstName: 'Anna',
      lastName: 'Vogel',
      email: 'anna.vogel@pegnitz.example',
      ...contact,
    }),
  };
}

/** Pegnitz's delegation, registered by its mayor. */
export function delegationRegistration(
  people: readonly DelegationPerson[],
  overrides: Partial<RegistrationSnapshot> = {},
): RegistrationSnapshot {
  return registration({
    registrationId: '7a1e4c2b-9d3f-4e8a-b6c5-0f1e2d3c4b5a',
    eventId: circle().eventId,
    registrant: {
      kind: 'municipality',
      memberId: MEMBER_ID,
      municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
      federalState: 'BY',
    },
    delegation: people,
    ...overrides,
  });
}

/** A member the mails address by office title: "Sehr geehrte Frau Oberbürgermeisterin Müller,". */
export const lordMayor: Addressee = {
  salutation: 'Frau',
  officeTitle: 'Oberbürgermeisterin',
  firstName: 'Anna',
  lastName: 'Müller',
};

/**
 * What every registration mail template needs; a member, the Oberbürgermeisterin of Lemgo, by
 * default, with the link to the event's page that a member's mail carries.
 */
export function mailBase(overrides: Partial<RegistrationMailBase> = {}): RegistrationMailBase {
  const event = overrides.event ?? lounge();
  return {
    addressee: lordMayor,
    event,
    registration: registration(),
    eventPage: eventPageOf(event.eventId),
    office,
    now: new Date('2030-03-01T09:00:00Z'),
    ...overrides,
  };
}

/**
 * A delegation person's mail: "Guten Tag Anna Vogel," from Pegnitz, in the administration's role;
 * without a link into the portal, which only members sign in to.
 */
export function delegateMailBase(overrides: Partial<RegistrationMailBase> = {}): RegistrationMailBase {
  return mailBase({
    addressee: { salutation: 'keine', firstName: 'Anna', lastName: 'Vogel' },
    event: circle(),
    registration: delegationRegistration([]),
    delegate: { role: 'administration', municipality: 'Pegnitz' },
    eventPage: undefined,
    ...overrides,
  });
}

/** The calendar files a registration mail from `office` attaches: PUBLISH, unless told otherwise. */
export function calendarFilesOf(
  event: ClubEventSnapshot,
  registration: RegistrationSnapshot,
  options: Partial<RegistrationCalendarOptions> = {},
): MailAttachment[] {
  return registrationCalendarFiles(event, registration, {
    method: 'PUBLISH',
    office,
    eventUrl: eventPageOf,
    ...options,
  });
}
