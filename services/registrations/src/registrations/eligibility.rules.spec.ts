import { Actor, ClubEventSnapshot, exampleLoungeSnapshot } from '@ic/contracts';
import { KnownEvent, knownEventOf } from '../replicas/known-event';
import { KnownMember } from '../replicas/known-member';
import {
  attendanceRefusal,
  Candidate,
  cancellationRefusal,
  candidateRefusal,
  choicesRefusal,
  delegationChangeRefusal,
  endsWithErasure,
  interestRefusal,
  registrationWindowRefusal,
} from './eligibility.rules';

const opensAt = '2027-02-01T09:00:00+01:00';
const closesAt = '2027-04-08T23:59:00+02:00';
const during = new Date('2027-03-01T12:00:00Z');
const afterClose = new Date('2027-04-09T08:00:00Z');
const workshop1 = '11111111-1111-4111-8111-111111111111';
const workshop2 = '22222222-2222-4222-8222-222222222222';
const workshop3 = '33333333-3333-4333-8333-333333333333';

function event(overrides: Partial<ClubEventSnapshot> = {}): KnownEvent {
  return knownEventOf({ ...exampleLoungeSnapshot, registration: { opensAt, closesAt }, ...overrides });
}

const circle = (overrides: Partial<ClubEventSnapshot> = {}) =>
  event({
    kind: 'kommunalzirkel',
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    circle: {
      modules: [],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration'] },
      feeCents: 0,
    },
    ...overrides,
  });

const forum = () =>
  event({
    kind: 'deutschlandforum',
    forum: {
      leitgedanke: 'Kommune 2035',
      sessions: [
        workshop(workshop1, 'Daten teilen', '2027-05-12T14:00:00+02:00'),
        workshop(workshop2, 'Klimaanpassung', '2027-05-12T14:00:00+02:00'),
        workshop(workshop3, 'Smarte Region', '2027-05-13T10:15:00+02:00'),
      ],
    },
  });

function workshop(sessionId: string, title: string, startsAt: string) {
  return {
    sessionId,
    kind: 'workshop' as const,
    title,
    startsAt,
    endsAt: startsAt.replace(/T(\d\d)/, (_, hour: string) => `T${String(Number(hour) + 1).padStart(2, '0')}`),
    speakers: [],
    capacity: 30,
  };
}

function member(overrides: Partial<KnownMember> = {}): KnownMember {
  return {
    memberId: 'b8f0c0de-1111-4222-8333-444455556666',
    status: 'active',
    salutation: 'Frau',
    firstName: 'Anna',
    lastName: 'Beispiel',
    email: 'anna@pegnitz.example',
    organisation: 'Stadt Pegnitz',
    sector: 'Kommune',
    federalState: 'BY',
    municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
    themes: [],
    ...overrides,
  };
}

const ruleOf = (refusal: { rule: string } | undefined) => refusal?.rule;
const asMember: Candidate = { kind: 'member', member: member() };
const staff: Actor = { subject: 'staff-1', role: 'staff' };
const registrant: Actor = { subject: member().memberId, role: 'member' };

describe('eligibility rules', () => {
  describe(registrationWindowRefusal.name, () => {
    it.each([
      ['announced', during, 'registration-not-open'],
      ['registration-closed', during, 'registration-closed'],
      ['held', during, 'event-held'],
      ['cancelled', during, 'event-cancelled'],
      ['registration-open', afterClose, 'registration-closed'],
      ['registration-open', during, undefined],
    ] as const)('%s at %s: %s', (status, now, rule) => {
      expect(ruleOf(registrationWindowRefusal(event({ status }), now))).toBe(rule);
    });

    it('says when registration opens', () => {
      expect(registrationWindowRefusal(event({ status: 'announced' }), during)?.detail).toBe(
        'Die Anmeldung ist noch nicht geöffnet; sie beginnt am 1. Februar 2027 um 09:00 Uhr.',
      );
    });
  });

  describe(candidateRefusal.name, () => {
    it('takes active members only', () => {
      expect(
        ruleOf(candidateRefusal(event(), { kind: 'member', member: member({ status: 'inactive' }) })),
      ).toBe('member-active');
      expect(ruleOf(candidateRefusal(event(), { kind: 'member', member: null }))).toBe('member-active');
      expect(candidateRefusal(event(), asMember)).toBeUndefined();
    });

    it('takes guests only where the audience is members and guests', () => {
      expect(ruleOf(candidateRefusal(event(), { kind: 'guest' }))).toBe('members-only');
      expect(candidateRefusal(event({ audience: 'members-and-guests' }), { kind: 'guest' })).toBeUndefined();
    });

    it('takes municipalities, not members, for a Kommunalzirkel', () => {
      expect(ruleOf(candidateRefusal(circle(), asMember))).toBe('municipal-delegation');
      expect(
        candidateRefusal(circle(), {
          kind: 'municipality',
          municipality: member().municipality!,
          member: member(),
        }),
      ).toBeUndefined();
      expect(
        ruleOf(candidateRefusal(event(), { kind: 'municipality', municipality: member().municipality! })),
      ).toBe('delegation-not-offered');
    });

    it.each([
      ['Land', { name: 'Kalletal', ags: '05766040', population: 13_900 }, 'target-group-federal-state'],
      ['population', { name: 'Regensburg', ags: '09362000', population: 157_400 }, 'target-group-population'],
      ['both fitting', { name: 'Pegnitz', ags: '09472175', population: 13_700 }, undefined],
      ['exactly the limit', { name: 'Grenzstadt', ags: '09472999', population: 25_000 }, undefined],
    ])('decides the target group by %s', (_case, municipality, rule) => {
      expect(ruleOf(candidateRefusal(circle(), { kind: 'municipality', municipality }))).toBe(rule);
    });

    it('decides a target-group lounge by the member’s own municipality', () => {
      const lounge = event({
        audience: 'target-group',
        targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
      });
      expect(candidateRefusal(lounge, asMember)).toBeUndefined();
      expect(
        ruleOf(candidateRefusal(lounge, { kind: 'member', member: member({ municipality: undefined }) })),
      ).toBe('target-group-municipality');
    });

    it('names the Länder and the limit in German', () => {
      const candidate = (ags: string, population: number): Candidate => ({
        kind: 'municipality',
        municipality: { name: 'X', ags, population },
      });
      expect(candidateRefusal(circle(), candidate('05766040', 1000))?.detail).toBe(
        'Diese Veranstaltung richtet sich an Kommunen in Bayern.',
      );
      expect(candidateRefusal(circle(), candidate('09362000', 157_400))?.detail).toBe(
        'Diese Veranstaltung richtet sich an Kommunen mit höchstens 25.000 Einwohnerinnen und Einwohnern.',
      );
    });
  });

  describe(choicesRefusal.name, () => {
    it('takes one workshop per parallel slot, of this forum only', () => {
      expect(choicesRefusal(forum(), { sessionIds: [workshop1, workshop3] })).toBeUndefined();
      expect(choicesRefusal(forum(), { sessionIds: [workshop1, workshop2] })).toEqual({
        rule: 'workshop-parallel-slot',
        detail:
          'Diese Workshops finden gleichzeitig statt; bitte wählen Sie einen davon: Daten teilen, Klimaanpassung.',
      });
      expect(ruleOf(choicesRefusal(forum(), { sessionIds: ['44444444-4444-4444-8444-444444444444'] }))).toBe(
        'workshop-unknown',
      );
      expect(ruleOf(choicesRefusal(event(), { sessionIds: [workshop1] }))).toBe('sessions-not-offered');
    });

    it('needs a delegation of one to the limit for a Kommunalzirkel, and none elsewhere', () => {
      const emails = (count: number) =>
        Array.from({ length: count }, (_, index) => `p${index}@pegnitz.example`);
      expect(ruleOf(choicesRefusal(circle(), { sessionIds: [] }))).toBe('delegation-required');
      expect(choicesRefusal(circle(), { sessionIds: [], delegationEmails: emails(3) })).toBeUndefined();
      expect(choicesRefusal(circle(), { sessionIds: [], delegationEmails: emails(4) })).toEqual({
        rule: 'delegation-size',
        detail: 'Eine Kommune kann höchstens 3 Personen entsenden.',
      });
      expect(
        ruleOf(
          choicesRefusal(circle(), { sessionIds: [], delegationEmails: ['a@x.example', 'a@x.example'] }),
        ),
      ).toBe('delegation-duplicate-person');
      expect(ruleOf(choicesRefusal(event(), { sessionIds: [], delegationEmails: emails(1) }))).toBe(
        'delegation-not-offered',
      );
    });
  });

  describe(endsWithErasure.name, () => {
    const startsAt = '2027-04-15T17:00:00+02:00';
    const beforeStart = new Date('2027-04-15T14:59:00Z');
    const afterStart = new Date('2027-04-15T15:01:00Z');

    it('ends registrations for events still to come, also after registration closed', () => {
      expect(endsWithErasure(event({ startsAt }), during)).toBe(true);
      expect(endsWithErasure(event({ startsAt, status: 'registration-closed' }), beforeStart)).toBe(true);
      expect(endsWithErasure(event({ startsAt: undefined }), afterStart)).toBe(true);
    });

    it('keeps registrations for events that began, were held or were cancelled', () => {
      expect(endsWithErasure(event({ startsAt, status: 'registration-closed' }), afterStart)).toBe(false);
      expect(endsWithErasure(event({ startsAt, status: 'held' }), during)).toBe(false);
      expect(endsWithErasure(event({ startsAt, status: 'cancelled' }), during)).toBe(false);
    });
  });

  describe(cancellationRefusal.name, () => {
    it('lets the registrant cancel until registration closes, the office any time before the event is held', () => {
      expect(cancellationRefusal(event(), registrant, during)).toBeUndefined();
      expect(ruleOf(cancellationRefusal(event(), registrant, afterClose))).toBe('cancellation-deadline');
      expect(
        cancellationRefusal(event({ status: 'registration-closed' }), staff, afterClose),
      ).toBeUndefined();
      expect(ruleOf(cancellationRefusal(event({ status: 'held' }), staff, afterClose))).toBe('event-held');
      expect(ruleOf(cancellationRefusal(event({ status: 'cancelled' }), staff, during))).toBe(
        'event-cancelled',
      );
    });

    it('ends the registrant’s cancellations also when the office closed registration early', () => {
      const closedEarly = event({ status: 'registration-closed' });
      expect(cancellationRefusal(closedEarly, registrant, during)).toEqual({
        rule: 'cancellation-deadline',
        detail:
          'Die Anmeldung ist geschlossen; stornieren kann jetzt nur noch die Geschäftsstelle. Bitte wenden Sie sich an sie.',
      });
      expect(
        ruleOf(delegationChangeRefusal(circle({ status: 'registration-closed' }), registrant, during)),
      ).toBe('change-deadline');
    });
  });

  describe(delegationChangeRefusal.name, () => {
    it('lets the municipality change its delegation until registration closes', () => {
      expect(delegationChangeRefusal(circle(), registrant, during)).toBeUndefined();
      expect(ruleOf(delegationChangeRefusal(circle(), registrant, afterClose))).toBe('change-deadline');
      expect(delegationChangeRefusal(circle(), staff, afterClose)).toBeUndefined();
      expect(ruleOf(delegationChangeRefusal(circle({ status: 'cancelled' }), staff, during))).toBe(
        'event-cancelled',
      );
    });
  });

  describe(interestRefusal.name, () => {
    it('takes interest in announced events only, from those who could register', () => {
      expect(interestRefusal(event({ status: 'announced' }), asMember)).toBeUndefined();
      expect(ruleOf(interestRefusal(event({ status: 'registration-open' }), asMember))).toBe(
        'interest-not-open',
      );
      expect(
        ruleOf(
          interestRefusal(circle({ status: 'announced' }), {
            kind: 'municipality',
            municipality: { name: 'Köln', ags: '05315000', population: 1_084_000 },
          }),
        ),
      ).toBe('target-group-federal-state');
    });
  });

  describe(attendanceRefusal.name, () => {
    // The lounge of the example: 15 April 2027, 17:00–21:00 Berlin time.
    const lounge = event({ status: 'registration-closed' });
    const firstModule = '44444444-4444-4444-8444-444444444444';
    const secondModule = '55555555-5555-4555-8555-555555555555';
    const laterModule = '66666666-6666-4666-8666-666666666666';
    const circleWithModules = circle({
      status: 'registration-closed',
      circle: {
        modules: [
          {
            moduleId: firstModule,
            title: 'Auftakt',
            startsAt: '2027-05-03T10:00:00+02:00',
            endsAt: '2027-05-04T16:00:00+02:00',
            guidingQuestions: [],
          },
          {
            moduleId: secondModule,
            title: 'Vertiefung',
            startsAt: '2027-09-20T10:00:00+02:00',
            endsAt: '2027-09-20T16:00:00+02:00',
            guidingQuestions: [],
          },
          { moduleId: laterModule, title: 'Abschluss', dateNote: 'Frühjahr 2028', guidingQuestions: [] },
        ],
        delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration'] },
        feeCents: 0,
      },
    });

    it('takes attendance on the event’s day in Berlin, from its first to its last minute', () => {
      expect(attendanceRefusal(lounge, undefined, new Date('2027-04-14T22:00:00Z'))).toBeUndefined();
      expect(attendanceRefusal(lounge, undefined, new Date('2027-04-15T19:00:00Z'))).toBeUndefined();
      expect(attendanceRefusal(lounge, undefined, new Date('2027-04-15T21:59:59Z'))).toBeUndefined();
    });

    it('refuses the evening before and the day after, saying when check-in is', () => {
      const eveningBefore = attendanceRefusal(lounge, undefined, new Date('2027-04-14T19:00:00Z'));
      expect(eveningBefore).toEqual({
        rule: 'attendance-not-today',
        detail:
          'Der Einlass ist nur am Tag der Veranstaltung möglich (am 15. April 2027); heute wird keine Anwesenheit vermerkt.',
      });
      // Three months before: what the service used to accept.
      expect(ruleOf(attendanceRefusal(lounge, undefined, new Date('2027-01-15T12:00:00Z')))).toBe(
        'attendance-not-today',
      );
      expect(ruleOf(attendanceRefusal(lounge, undefined, new Date('2027-04-15T22:00:00Z')))).toBe(
        'attendance-not-today',
      );
    });

    it('takes every day of an event over several days', () => {
      const forumDays = event({ startsAt: '2027-05-12T09:00:00+02:00', endsAt: '2027-05-13T17:00:00+02:00' });
      expect(attendanceRefusal(forumDays, undefined, new Date('2027-05-13T06:00:00Z'))).toBeUndefined();
      expect(attendanceRefusal(forumDays, undefined, new Date('2027-05-14T06:00:00Z'))?.detail).toContain(
        '(vom 12. Mai 2027 bis zum 13. Mai 2027)',
      );
    });

    it('takes a Kommunalzirkel per module, on that module’s days', () => {
      const secondDayOfFirst = new Date('2027-05-04T08:00:00Z');
      expect(attendanceRefusal(circleWithModules, firstModule, secondDayOfFirst)).toBeUndefined();
      expect(attendanceRefusal(circleWithModules, secondModule, secondDayOfFirst)?.detail).toBe(
        'Der Einlass ist nur am Tag des Moduls „Vertiefung“ möglich (am 20. September 2027); heute wird keine Anwesenheit vermerkt.',
      );
      expect(attendanceRefusal(circleWithModules, laterModule, secondDayOfFirst)?.detail).toBe(
        'Der Einlass ist nur am Tag des Moduls „Abschluss“ möglich; für dieses Modul steht noch kein Termin fest.',
      );
    });

    it('asks for a module of this Kommunalzirkel, and for none elsewhere', () => {
      const day = new Date('2027-05-03T08:00:00Z');
      expect(ruleOf(attendanceRefusal(circleWithModules, undefined, day))).toBe('attendance-module-required');
      expect(ruleOf(attendanceRefusal(circleWithModules, workshop1, day))).toBe('attendance-module-unknown');
      expect(ruleOf(attendanceRefusal(lounge, firstModule, new Date('2027-04-15T12:00:00Z')))).toBe(
        'attendance-module-not-offered',
      );
    });

    it('refuses a cancelled event', () => {
      expect(
        ruleOf(
          attendanceRefusal(event({ status: 'cancelled' }), undefined, new Date('2027-04-15T12:00:00Z')),
        ),
      ).toBe('event-cancelled');
    });
  });
});
