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
import { eventWith, SeatStepsTestBed } from '../testing/in-memory-registrations';
import { RegistrationFact, RegistrationView, StoredPerson } from './registration';
import { withAttendance, withDelegation } from './registration-edits';
import { viewOf } from './registration-places';
import { ContactSealer } from '../shared/contact-sealer';
import { RegistrationChanges } from './registration-changes';

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
  it('makes events that satisfy their contracts, keyed by the event, for every kind of fact', async () => {
    const sut = newSut();
    const event = { ...knownEventOf(circleSnapshot), capacity: 1 };
    const bed = new SeatStepsTestBed();
    bed.events.set(event.eventId, event);
    const delegationOf = (ags: string, people: StoredPerson[]) => ({
      registrationId: randomUUID(),
      registrantKey: `municipality:${ags}`,
      registrant: {
        kind: 'municipality' as const,
        municipality: { name: 'Hersbruck', ags, population: 12_800 },
        federalState: 'BY' as const,
      },
      registeredBy: staff,
      delegation: people,
    });
    const first = delegationOf('09574132', [mayor]);
    await bed.register(event.eventId, first);
    await bed.register(event.eventId, delegationOf('09472175', [{ ...mayor, personId: randomUUID() }]));
    const registered = (await bed.registrations.findById(first.registrationId))!.entry;
    const seats = { capacity: 1, confirmed: 1, waiting: 1 };
    const changed = withDelegation(registered, [{ ...mayor, role: 'administration' }])!;
    const marked = withAttendance(changed.next, {
      personId: mayor.personId,
      moduleId: '6c1f4f4e-5b7a-4c1e-9d0a-2f3b4c5d6e7f',
      attended: true,
    })!;
    const told: RegistrationFact[] = [
      { type: 'delegation-changed', view: viewOf(changed.next), seats, by: staff, ...changed },
      {
        type: 'attendance-recorded',
        view: viewOf(marked),
        by: staff,
        personId: mayor.personId,
        attended: true,
      },
      {
        type: 'event-changed',
        eventRevision: 5,
        changed: ['venue'],
        registered: await bed.views(event.eventId),
      },
    ];
    const registeredFacts = bed.takeFacts();
    await bed.sut.cancel(first.registrationId, 'staff', staff, () => true);

    // The factory checks each event against its schema: a mismatch would throw here.
    const entries = sut.entriesOf([...registeredFacts, ...told, ...bed.takeFacts()], event, 'corr-1');

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

  it('seals the names and addresses of delegation people; only the key opens them', async () => {
    const sut = newSut();
    const event = knownEventOf(circleSnapshot);
    const bed = new SeatStepsTestBed();
    bed.events.set(event.eventId, event);
    await bed.register(event.eventId, {
      registrationId: randomUUID(),
      registrantKey: 'municipality:09574132',
      registrant: {
        kind: 'municipality',
        municipality: { name: 'Hersbruck', ags: '09574132', population: 12_800 },
      },
      registeredBy: staff,
      delegation: [mayor],
    });

    const [entry] = sut.entriesOf(bed.takeFacts(), event);
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

  it('tells a large event’s registered in parts of at most 100', async () => {
    const sut = newSut();
    const event = knownEventOf({ ...exampleLoungeSnapshot, capacity: 250 });
    const bed = new SeatStepsTestBed();
    bed.events.set(event.eventId, eventWith({ capacity: 250, workshops: [] }, event.eventId));
    for (let index = 0; index < 250; index++) {
      await bed.register(event.eventId, { registrationId: randomUUID(), memberId: randomUUID() });
    }
    const registered: RegistrationView[] = await bed.views(event.eventId);

    const parts = sut
      .entriesOf([{ type: 'event-changed', eventRevision: 9, changed: ['schedule'], registered }], event)
      .map((entry) => entry.data as RegisteredEventChanged);

    expect(parts.map((part) => [part.part, part.parts, part.registrations.length])).toEqual([
      [1, 3, 100],
      [2, 3, 100],
      [3, 3, 50],
    ]);
  });
});
