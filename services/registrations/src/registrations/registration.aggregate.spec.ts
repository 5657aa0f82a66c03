import { Actor, SeatCounts } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { circleEvent, DURING_REGISTRATION, loungeEvent, staff } from '../testing/use-case-test-bed';
import { Registration, StoredPerson } from './registration';
import { DelegationPeople, RegistrationAggregate } from './registration.aggregate';
import { viewOf } from './registration-places';

const onTheDay = new Date('2027-04-15T16:00:00.000Z');
const seats: SeatCounts = { capacity: 50, confirmed: 50, waiting: 3 };
const mayor: Actor = { subject: randomUUID(), role: 'member' };

function anna(): StoredPerson {
  return {
    personId: randomUUID(),
    salutation: 'Frau',
    firstName: 'Anna',
    lastName: 'Beispiel',
    role: 'administration',
    email: 'anna@hersbruck.example',
  };
}

/** Hersbruck's registration (confirmed with Anna, unless told otherwise), at revision 4. */
function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    registrationId: randomUUID(),
    eventId: randomUUID(),
    registrantKey: 'municipality:09574128',
    registrant: {
      kind: 'municipality',
      memberId: mayor.subject,
      municipality: { name: 'Hersbruck', ags: '09574128', population: 13_700 },
      federalState: 'BY',
    },
    registeredBy: mayor,
    status: 'confirmed',
    sequence: 7,
    sessions: [],
    delegation: [anna()],
    revision: 4,
    registeredAt: DURING_REGISTRATION,
    ...overrides,
  };
}

/** The delegation as a change names it: Anna by her id, and whoever else is given. */
function keeping(person: StoredPerson, ...others: DelegationPeople): DelegationPeople {
  const { personId, salutation, firstName, lastName, role, email } = person;
  return [{ personId, salutation, firstName, lastName, role, email }, ...others];
}

const ben = {
  firstName: 'Ben',
  lastName: 'Beispiel',
  role: 'mayor',
  email: 'ben@hersbruck.example',
} as const;

describe(RegistrationAggregate.name, () => {
  describe('changeDelegation', () => {
    it('records DelegationChanged with the registration right after, its waiting place as loaded and the seats', () => {
      const entry = registration({ status: 'waiting' });
      const [person] = entry.delegation ?? [];
      const benId = randomUUID();
      const sut = RegistrationAggregate.of(viewOf(entry, { waitingPlace: 3 }));

      sut.changeDelegation(
        circleEvent(),
        keeping(person, ben),
        ['unused', benId],
        seats,
        mayor,
        DURING_REGISTRATION,
      );

      const next: Registration = {
        ...entry,
        delegation: [person, { ...ben, personId: benId, salutation: 'keine' as const }],
        revision: 5,
      };
      expect(sut.state).toEqual(next);
      expect(sut.loadedRevision).toBe(4);
      expect(sut.takeFacts()).toEqual([
        {
          type: 'delegation-changed',
          view: viewOf(next, { waitingPlace: 3 }),
          seats,
          by: mayor,
          added: [benId],
          changed: [],
          removed: [],
        },
      ]);
    });

    it('changes nothing and records nothing for the same delegation again', () => {
      const entry = registration();
      const sut = RegistrationAggregate.of(viewOf(entry));

      sut.changeDelegation(
        circleEvent(),
        keeping(entry.delegation![0]),
        [],
        seats,
        mayor,
        DURING_REGISTRATION,
      );

      expect(sut.hasChanges).toBe(false);
      expect(sut.takeFacts()).toEqual([]);
    });

    it('refuses a person id the delegation does not have, and records nothing', () => {
      const sut = RegistrationAggregate.of(viewOf(registration()));

      expect(() =>
        sut.changeDelegation(
          circleEvent(),
          keeping({ ...anna(), personId: randomUUID() }),
          [],
          seats,
          mayor,
          DURING_REGISTRATION,
        ),
      ).toThrow(NotFoundError);
      expect(sut.takeFacts()).toEqual([]);
    });
  });

  describe('recordAttendance', () => {
    it('marks a confirmed registration on the event’s day with AttendanceRecorded, once', () => {
      const entry = registration({
        registrant: { kind: 'member', memberId: mayor.subject },
        delegation: undefined,
      });
      const sut = RegistrationAggregate.of(viewOf(entry));

      sut.recordAttendance(loungeEvent(), { attended: true }, staff, onTheDay);
      sut.recordAttendance(loungeEvent(), { attended: true }, staff, onTheDay);

      const next = { ...entry, attended: true, revision: 5 };
      expect(sut.takeFacts()).toEqual([
        { type: 'attendance-recorded', view: viewOf(next), by: staff, attended: true },
      ]);
    });
  });

  describe('dropRemovedWorkshops', () => {
    const [kept, removed] = [randomUUID(), randomUUID()];
    const choices = [
      { sessionId: kept, status: 'waiting' as const, sequence: 9 },
      { sessionId: removed, status: 'waiting' as const, sequence: 8 },
    ];

    it('drops the choice with RegistrationSessionsChanged, keeping the place in the workshop still chosen', () => {
      const entry = registration({ sessions: choices, delegation: undefined });
      const sut = RegistrationAggregate.of(viewOf(entry, { sessionPlaces: { [kept]: 2, [removed]: 1 } }));

      sut.dropRemovedWorkshops(new Set([kept]), seats);

      const next: Registration = { ...entry, sessions: [choices[0]], revision: 5 };
      expect(sut.takeFacts()).toEqual([
        {
          type: 'sessions-changed',
          view: viewOf(next, { sessionPlaces: { [kept]: 2 } }),
          seats,
          cause: 'session-removed',
          changes: [{ sessionId: removed, from: 'waiting' }],
        },
      ]);
    });

    it('drops a cancelled registration’s choice without an event', () => {
      const sut = RegistrationAggregate.of(viewOf(registration({ status: 'cancelled', sessions: choices })));

      sut.dropRemovedWorkshops(new Set([kept]), seats);

      expect(sut.state.sessions).toEqual([choices[0]]);
      expect(sut.takeFacts()).toEqual([]);
    });
  });

  describe('cancel', () => {
    it('records RegistrationCancelled with the place given up, the previous status and the seats once given back', () => {
      const entry = registration({ status: 'waiting' });
      const sut = RegistrationAggregate.of(viewOf(entry, { waitingPlace: 2 }));

      sut.cancel('registrant', mayor, 12, seats, onTheDay);

      const next: Registration = {
        ...entry,
        status: 'cancelled',
        sequence: 12,
        cancelledAt: onTheDay,
        cancellation: { cause: 'registrant', by: mayor },
        revision: 5,
      };
      expect(sut.takeFacts()).toEqual([
        {
          type: 'cancelled',
          view: viewOf(next),
          seats,
          cause: 'registrant',
          previousStatus: 'waiting',
          by: mayor,
        },
      ]);
    });

    it('leaves a cancelled registration as it is', () => {
      const sut = RegistrationAggregate.of(viewOf(registration({ status: 'cancelled' })));

      sut.cancel('event-cancelled', undefined, 13, seats, onTheDay);

      expect(sut.hasChanges).toBe(false);
      expect(sut.takeFacts()).toEqual([]);
    });
  });

  describe('seat steps', () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const pending = () =>
      registration({
        status: 'waiting',
        sequence: 0,
        delegation: undefined,
        sessions: [
          { sessionId: first, status: 'pending', sequence: 0 },
          { sessionId: second, status: 'pending', sequence: 0 },
        ],
      });
    const ahead = { waiting: 4, sessions: { [second]: { waiting: 1 } } };

    it('takeSeat records RegistrationConfirmed, behind those counted before it in the workshop it waits for', () => {
      const entry = pending();
      const sut = RegistrationAggregate.of(viewOf(entry));

      sut.takeSeat(
        { status: 'confirmed', sessions: { [first]: 'confirmed', [second]: 'waiting' } },
        { sequence: 21, seats, ahead },
        onTheDay,
      );

      const next: Registration = {
        ...entry,
        status: 'confirmed',
        sequence: 21,
        confirmedAt: onTheDay,
        sessions: [
          { sessionId: first, status: 'confirmed', sequence: 21 },
          { sessionId: second, status: 'waiting', sequence: 21 },
        ],
      };
      expect(sut.takeFacts()).toEqual([
        { type: 'confirmed', view: viewOf(next, { sessionPlaces: { [second]: 2 } }), seats, by: mayor },
      ]);
    });

    it('takeSeat records RegistrationWaitlisted at the end of the line, its choices held', () => {
      const sut = RegistrationAggregate.of(viewOf(pending()));

      sut.takeSeat({ status: 'waiting', sessions: {} }, { sequence: 22, seats, ahead }, onTheDay);

      const [fact] = sut.takeFacts();
      expect(fact).toMatchObject({ type: 'waitlisted', view: { waitingPlace: 5, sessionPlaces: {} } });
      expect(sut.view.entry.sessions.map((choice) => choice.status)).toEqual(['pending', 'pending']);
    });

    it('promote records RegistrationPromoted with the cause', () => {
      const entry = registration({ status: 'waiting', delegation: undefined });
      const sut = RegistrationAggregate.of(viewOf(entry, { waitingPlace: 1 }));

      sut.promote(
        { status: 'confirmed', sessions: {} },
        { sequence: 23, seats, ahead },
        'seat-freed',
        onTheDay,
      );

      const next: Registration = {
        ...entry,
        status: 'confirmed',
        sequence: 23,
        confirmedAt: onTheDay,
        revision: 5,
      };
      expect(sut.takeFacts()).toEqual([{ type: 'promoted', view: viewOf(next), seats, cause: 'seat-freed' }]);
    });

    it('promoteInWorkshop records RegistrationSessionsChanged, keeping its place for the other workshop', () => {
      const choices = [
        { sessionId: first, status: 'waiting' as const, sequence: 9 },
        { sessionId: second, status: 'waiting' as const, sequence: 9 },
      ];
      const entry = registration({ sessions: choices, delegation: undefined });
      const sut = RegistrationAggregate.of(viewOf(entry, { sessionPlaces: { [first]: 1, [second]: 3 } }));

      sut.promoteInWorkshop(first, 24, seats, 'capacity-raised');

      const next: Registration = {
        ...entry,
        sessions: [{ sessionId: first, status: 'confirmed', sequence: 24 }, choices[1]],
        revision: 5,
      };
      expect(sut.takeFacts()).toEqual([
        {
          type: 'sessions-changed',
          view: viewOf(next, { sessionPlaces: { [second]: 3 } }),
          seats,
          cause: 'capacity-raised',
          changes: [{ sessionId: first, from: 'waiting', to: 'confirmed' }],
        },
      ]);
    });
  });
});
