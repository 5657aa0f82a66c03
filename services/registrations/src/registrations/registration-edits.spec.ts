import { Actor } from '@ic/contracts';
import { ConflictError, InvalidInputError, RuleViolationError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { Registration, StoredPerson } from './registration';
import { cancelled, withAttendance, withDelegation, withoutRemovedWorkshops } from './registration-edits';

const now = new Date('2027-03-01T10:00:00.000Z');
const staff: Actor = { subject: 'staff-1', role: 'staff' };
const moduleA = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const moduleB = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function person(firstName: string, overrides: Partial<StoredPerson> = {}): StoredPerson {
  return {
    personId: randomUUID(),
    salutation: 'keine',
    firstName,
    lastName: 'Beispiel',
    role: 'administration',
    email: `${firstName.toLowerCase()}@pegnitz.example`,
    ...overrides,
  };
}

function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    registrationId: randomUUID(),
    eventId: 'event-1',
    registrantKey: 'member:member-1',
    registrant: { kind: 'member', memberId: 'member-1' },
    registeredBy: { subject: 'member-1', role: 'member' },
    status: 'confirmed',
    sequence: 1,
    sessions: [],
    revision: 1,
    registeredAt: now,
    confirmedAt: now,
    ...overrides,
  };
}

function delegation(people: StoredPerson[]): Registration {
  return registration({
    registrantKey: 'municipality:09472175',
    registrant: {
      kind: 'municipality',
      municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
    },
    registeredBy: staff,
    delegation: people,
  });
}

/** What the work throws (undefined when it does not: the assertion on it fails then). */
function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The registration after each mark in turn (a mark that changes nothing leaves it as it is). */
function marked(
  start: Registration,
  ...marks: { personId?: string; moduleId?: string; attended: boolean }[]
): { entry: Registration; changes: number } {
  let entry = start;
  let changes = 0;
  for (const mark of marks) {
    const next = withAttendance(entry, mark);
    if (next) {
      entry = next;
      changes++;
    }
  }
  return { entry, changes };
}

describe('registration edits', () => {
  describe(withDelegation.name, () => {
    it('keeps people by id, and says who was added, changed and removed', () => {
      const anna = person('Anna', { role: 'mayor' });
      const bernd = person('Bernd');
      const carla = person('Carla', { role: 'civil-society' });

      const sut = withDelegation(delegation([anna, bernd]), [
        { ...anna, email: 'anna@rathaus.example' },
        carla,
      ]);

      expect(sut?.next.delegation?.map((kept) => kept.firstName)).toEqual(['Anna', 'Carla']);
      expect(sut).toMatchObject({ added: [carla.personId], changed: [anna.personId], removed: [bernd] });
      expect(sut?.next.revision).toBe(2);
    });

    it('changes nothing for the same people', () => {
      const anna = person('Anna');

      expect(withDelegation(delegation([anna]), [{ ...anna }])).toBeUndefined();
    });

    it('refuses a cancelled registration', () => {
      const gone = cancelled(delegation([person('Anna')]), 'staff', staff, 2, now);

      expect(() => withDelegation(gone, [person('Bernd')])).toThrow(ConflictError);
    });

    it('keeps the marks of a person who stays', () => {
      const anna = person('Anna');
      const { entry } = marked(delegation([anna]), {
        personId: anna.personId,
        moduleId: moduleA,
        attended: true,
      });

      const sut = withDelegation(entry, [{ ...anna, role: 'mayor' }, person('Bernd')]);

      expect(sut?.next.delegation?.[0]).toMatchObject({
        role: 'mayor',
        attended: true,
        attendedModules: [moduleA],
      });
    });
  });

  describe(withAttendance.name, () => {
    it('marks once; the same mark again changes nothing', () => {
      const { entry, changes } = marked(registration(), { attended: true }, { attended: true });

      expect(entry.attended).toBe(true);
      expect(changes).toBe(1);
    });

    it('takes a mark back once', () => {
      const { entry, changes } = marked(
        registration(),
        { attended: true },
        { attended: false },
        { attended: false },
      );

      expect(entry.attended).toBe(false);
      expect(changes).toBe(2);
    });

    it('marks each person of a delegation separately and per module', () => {
      const [anna, bernd] = [person('Anna'), person('Bernd')];
      const { entry, changes } = marked(
        delegation([anna, bernd]),
        { personId: anna.personId, moduleId: moduleA, attended: true },
        { personId: anna.personId, moduleId: moduleA, attended: true },
        { personId: anna.personId, moduleId: moduleB, attended: true },
      );

      expect(entry.delegation).toEqual([
        expect.objectContaining({ firstName: 'Anna', attended: true, attendedModules: [moduleA, moduleB] }),
        expect.not.objectContaining({ attended: true }),
      ]);
      expect(changes).toBe(2);
    });

    it('takes back one module; the person counts as come while one module stays', () => {
      const anna = person('Anna');
      const both = marked(
        delegation([anna]),
        { personId: anna.personId, moduleId: moduleA, attended: true },
        { personId: anna.personId, moduleId: moduleB, attended: true },
      ).entry;

      const one = marked(both, { personId: anna.personId, moduleId: moduleA, attended: false }).entry;
      expect(one.delegation?.[0]).toMatchObject({ attended: true, attendedModules: [moduleB] });

      const none = marked(one, { personId: anna.personId, moduleId: moduleB, attended: false }).entry;
      expect(none.delegation?.[0]).toMatchObject({ attended: false, attendedModules: [] });
    });

    it('takes back a module that was never marked without a change', () => {
      const anna = person('Anna');

      expect(
        withAttendance(delegation([anna]), { personId: anna.personId, moduleId: moduleA, attended: false }),
      ).toBeUndefined();
    });

    it('asks for the person of a delegation with a 400 naming personId', () => {
      const marking = () =>
        withAttendance(delegation([person('Anna')]), { moduleId: moduleA, attended: true });

      expect(marking).toThrow(InvalidInputError);
      expect(thrownBy(marking)).toMatchObject({
        errors: [
          { field: 'personId', message: 'Bei einer Delegation nennen Sie bitte die Person (personId).' },
        ],
      });
    });

    it('refuses a person for a registration without a delegation with a 400 naming personId', () => {
      const marking = () => withAttendance(registration(), { personId: randomUUID(), attended: true });

      expect(marking).toThrow(InvalidInputError);
      expect(thrownBy(marking)).toMatchObject({ errors: [{ field: 'personId' }] });
    });

    it('refuses the waiting, naming the rule', () => {
      const marking = () => withAttendance(registration({ status: 'waiting' }), { attended: true });

      expect(marking).toThrow(RuleViolationError);
      expect(thrownBy(marking)).toMatchObject({ rule: 'attendance-not-confirmed' });
    });
  });

  describe(withoutRemovedWorkshops.name, () => {
    it('drops the choices of a workshop that left the agenda, saying what each was', () => {
      const entry = registration({
        sessions: [
          { sessionId: 'workshop-a', status: 'confirmed', sequence: 1 },
          { sessionId: 'workshop-b', status: 'waiting', sequence: 1 },
        ],
      });

      const sut = withoutRemovedWorkshops(entry, new Set(['workshop-b']));

      expect(sut?.next.sessions.map((choice) => choice.sessionId)).toEqual(['workshop-b']);
      expect(sut?.changes).toEqual([{ sessionId: 'workshop-a', from: 'confirmed' }]);
      expect(withoutRemovedWorkshops(sut!.next, new Set(['workshop-b']))).toBeUndefined();
    });
  });
});
