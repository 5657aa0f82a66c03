import {
  allEventContracts,
  ClubEventSnapshot,
  exampleLoungeSnapshot,
  PersonContact,
  RegisteredEventChanged,
  RegistrationChange,
} from '@ic/contracts';
import { ContractRegistry, OutboxEventFactory } from '@ic/messaging';
import { SecretBox } from '@ic/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { knownEventOf } from '../replicas/known-event';
import { SeatBook, StoredPerson } from '../seats/seat-book';
import { ContactSealer } from '../shared/contact-sealer';
import { RegistrationChanges } from './registration-changes';

const now = new Date('2027-03-01T10:00:00.000Z');
const box = SecretBox.fromBase64Key(randomBytes(32).toString('base64'));
const staff = { subject: 'staff-1', role: 'staff' } as const;

function newSut(): RegistrationChanges {
  return new RegistrationChanges(
    new OutboxEventFactory(new ContractRegistry(allEventContracts), '/ic/registrations'),
    new ContactSealer(box),
  );
}

const circleSnapshot: ClubEventSnapshot = {
  ...exampleLoungeSnapshot,
  eventId: randomUUID(),
  kind: 'kommunalzirkel',
  audience: 'target-group',
  targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
  circle: {
    modules: [{ moduleId: randomUUID(), title: 'Modul 1: Auftakt in Pegnitz', guidingQuestions: [] }],
    delegation: { maxPeople: 3, suggestedRoles: ['mayor'] },
    feeCents: 0,
  },
};

const mayor: StoredPerson = {
  personId: randomUUID(),
  salutation: 'Frau',
  firstName: 'Andrea',
  lastName: 'Lindner',
  role: 'mayor',
  email: 'andrea.lindner@hersbruck.example',
};

describe(RegistrationChanges.name, () => {
  it('makes events that satisfy their contracts, keyed by the event, for every kind of fact', () => {
    const sut = newSut();
    const event = knownEventOf(circleSnapshot);
    const plan = { capacity: 1, workshops: [] };
    const book = SeatBook.empty(event.eventId);
    const delegationOf = (key: string, people: StoredPerson[]) => ({
      registrationId: randomUUID(),
      registrantKey: key,
      registrant: {
        kind: 'municipality' as const,
        municipality: { name: 'Hersbruck', ags: '09574132', population: 12_800 },
        federalState: 'BY' as const,
      },
      registeredBy: staff,
      sessionIds: [],
      delegation: people,
    });
    const first = book.register(delegationOf('municipality:09574132', [mayor]), plan, now).view;
    book.register(delegationOf('municipality:09472175', [{ ...mayor, personId: randomUUID() }]), plan, now);
    book.changeDelegation(first.entry.registrationId, [{ ...mayor, role: 'administration' }], staff, plan);
    book.recordAttendance(
      first.entry.registrationId,
      { personId: mayor.personId, moduleId: '6c1f4f4e-5b7a-4c1e-9d0a-2f3b4c5d6e7f', attended: true },
      staff,
    );
    book.tellEventChange(5, ['venue']);
    book.cancel(first.entry.registrationId, 'staff', staff, plan, now);

    // The factory checks each event against its schema: a mismatch would throw here.
    const entries = sut.entriesOf(book.takeFacts(), event, 'corr-1');

    expect(entries.map((entry) => entry.type.split('.')[4])).toEqual([
      'RegistrationConfirmed',
      'RegistrationWaitlisted',
      'DelegationChanged',
      'AttendanceRecorded',
      'RegisteredEventChanged',
      'RegistrationCancelled',
      'RegistrationPromoted',
    ]);
    expect(
      entries.every((entry) => entry.subject === event.eventId && entry.correlationId === 'corr-1'),
    ).toBe(true);
  });

  it('seals the names and addresses of delegation people; only the key opens them', () => {
    const sut = newSut();
    const event = knownEventOf(circleSnapshot);
    const book = SeatBook.empty(event.eventId);
    book.register(
      {
        registrationId: randomUUID(),
        registrantKey: 'municipality:09574132',
        registrant: {
          kind: 'municipality',
          municipality: { name: 'Hersbruck', ags: '09574132', population: 12_800 },
        },
        registeredBy: staff,
        sessionIds: [],
        delegation: [mayor],
      },
      { capacity: 5, workshops: [] },
      now,
    );

    const [entry] = sut.entriesOf(book.takeFacts(), event);
    const data = entry.data as RegistrationChange;

    expect(JSON.stringify(data)).not.toContain('Lindner');
    expect(JSON.stringify(data)).not.toContain('hersbruck.example');
    const contact = JSON.parse(box.open(data.registration.delegation![0].contact)) as PersonContact;
    expect(contact).toEqual({
      salutation: 'Frau',
      firstName: 'Andrea',
      lastName: 'Lindner',
      email: 'andrea.lindner@hersbruck.example',
    });
    expect(data.registration.delegation![0]).toMatchObject({ personId: mayor.personId, role: 'mayor' });
  });

  it('tells a large event’s registered in parts of at most 100', () => {
    const sut = newSut();
    const event = knownEventOf({ ...exampleLoungeSnapshot, capacity: 250 });
    const book = SeatBook.empty(event.eventId);
    for (let index = 0; index < 250; index++) {
      book.register(
        {
          registrationId: randomUUID(),
          registrantKey: `member:${index}`,
          registrant: { kind: 'member', memberId: randomUUID(), federalState: 'BW', sector: 'Kommune' },
          registeredBy: staff,
          sessionIds: [],
        },
        { capacity: 250, workshops: [] },
        now,
      );
    }
    book.takeFacts();
    book.tellEventChange(9, ['schedule']);

    const parts = sut.entriesOf(book.takeFacts(), event).map((entry) => entry.data as RegisteredEventChanged);

    expect(parts.map((part) => [part.part, part.parts, part.registrations.length])).toEqual([
      [1, 3, 100],
      [2, 3, 100],
      [3, 3, 50],
    ]);
  });
});
