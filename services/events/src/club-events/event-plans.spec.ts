import { CreateForumRequest, CreateLoungeRequest, formatBerlinTime } from '@ic/contracts';
import { RuleViolationError } from '@ic/platform';
import { MemberSpeaker } from '../replicas/member-speaker';
import { clubEvent } from '../testing/event-factories';
import { toSnapshot } from './club-event.mapper';
import { stateWithPlan } from './club-event.state';
import {
  circlePlanOf,
  forumPlanOf,
  loungePlanOf,
  updatedCirclePlan,
  updatedForumPlan,
  updatedLoungePlan,
} from './event-plans';

function loungeRequest(overrides: Partial<CreateLoungeRequest> = {}): CreateLoungeRequest {
  return {
    title: 'Innovators Lounge Ulm',
    description: 'Die Lounge.',
    themes: ['Digitalisierung'],
    capacity: 50,
    registration: { opensAt: '2027-02-01T09:00', closesAt: '2027-03-20T23:59' },
    audience: 'members',
    startsAt: '2027-03-27T10:00',
    endsAt: '2027-03-27T14:00',
    topic: 'Smarte Stadt',
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
    ...overrides,
  };
}

/** The opening talk of a forum, by a member (one the replica below knows). */
const openingTalk: CreateForumRequest['sessions'][number] = {
  kind: 'talk',
  title: 'Eröffnung',
  startsAt: '2027-05-12T09:30',
  endsAt: '2027-05-12T10:00',
  speakers: [{ memberId: '8f6e0d1c-2b3a-4c5d-9e8f-7a6b5c4d3e2f' }],
};

/** A two-day forum in Berlin with these sessions. */
function forumRequest(sessions: CreateForumRequest['sessions']): CreateForumRequest {
  return {
    ...loungeRequest(),
    startsAt: '2027-05-12T09:30',
    endsAt: '2027-05-13T16:00',
    leitgedanke: 'Kommune 2035',
    venue: { name: 'Kongresshaus', city: 'Berlin', federalState: 'BE' },
    sessions,
  };
}

const members = new Map<string, MemberSpeaker>([
  [
    '8f6e0d1c-2b3a-4c5d-9e8f-7a6b5c4d3e2f',
    {
      memberId: '8f6e0d1c-2b3a-4c5d-9e8f-7a6b5c4d3e2f',
      name: 'Dr. Anna Beispiel',
      organisation: 'Gemeinde Kalletal',
      active: true,
    },
  ],
]);

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('event plans from requests', () => {
  describe('times across the change to summer time (28 March 2027)', () => {
    it('keeps an event at 10:00 on the Saturday before and the Monday after at 10:00 Berlin time', () => {
      const saturday = loungePlanOf(
        loungeRequest({ startsAt: '2027-03-27T10:00', endsAt: '2027-03-27T12:00' }),
      );
      const monday = loungePlanOf(
        loungeRequest({
          startsAt: '2027-03-29T10:00',
          endsAt: '2027-03-29T12:00',
          registration: { opensAt: '2027-02-01T09:00', closesAt: '2027-03-28T12:00' },
        }),
      );
      // Stored unambiguously as instants: one hour apart in UTC, both 10:00 on the wall clock.
      expect(saturday.startsAt?.toISOString()).toBe('2027-03-27T09:00:00.000Z');
      expect(monday.startsAt?.toISOString()).toBe('2027-03-29T08:00:00.000Z');
      const now = new Date('2027-01-10T12:00:00Z');
      const shown = (plan: typeof saturday) =>
        toSnapshot({
          ...stateWithPlan(plan, { status: 'draft', documents: [], createdAt: now }, now),
          id: 'e',
          revision: 1,
        });
      expect(shown(saturday)).toMatchObject({
        startsAt: '2027-03-27T10:00:00+01:00',
        endsAt: '2027-03-27T12:00:00+01:00',
      });
      expect(shown(monday)).toMatchObject({
        startsAt: '2027-03-29T10:00:00+02:00',
        endsAt: '2027-03-29T12:00:00+02:00',
        registration: { opensAt: '2027-02-01T09:00:00+01:00', closesAt: '2027-03-28T12:00:00+02:00' },
      });
    });

    it('keeps the wall time of the October change too (31 October 2027)', () => {
      const plan = loungePlanOf(
        loungeRequest({
          startsAt: '2027-10-30T10:00',
          endsAt: '2027-11-01T10:00',
          registration: { opensAt: '2027-10-01T09:00', closesAt: '2027-10-29T12:00' },
        }),
      );
      expect(formatBerlinTime(plan.startsAt!)).toBe('2027-10-30T10:00:00+02:00');
      expect(formatBerlinTime(plan.endsAt!)).toBe('2027-11-01T10:00:00+01:00');
      expect(plan.endsAt!.getTime() - plan.startsAt!.getTime()).toBe(49 * 60 * 60 * 1000);
    });

    it('takes a time with an explicit offset as that instant', () => {
      const plan = loungePlanOf(
        loungeRequest({ startsAt: '2027-10-31T02:30+01:00', endsAt: '2027-10-31T05:00' }),
      );
      expect(plan.startsAt?.toISOString()).toBe('2027-10-31T01:30:00.000Z');
    });
  });

  it('gives new sessions an id and keeps the ones given, and names member speakers from the replica', () => {
    const given = '0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e';
    const plan = forumPlanOf(
      forumRequest([
        { ...openingTalk, sessionId: given },
        {
          kind: 'panel',
          title: 'Podium',
          startsAt: '2027-05-12T10:00',
          endsAt: '2027-05-12T11:00',
          speakers: [],
        },
      ]),
      members,
    );
    expect(plan.forum?.sessions[0]).toMatchObject({
      sessionId: given,
      speakers: [{ kind: 'member', name: 'Dr. Anna Beispiel', organisation: 'Gemeinde Kalletal' }],
    });
    expect(plan.forum?.sessions[1].sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(plan.forum?.sessions[1].sessionId).not.toBe(given);
  });

  it('derives the schedule of a Kommunalzirkel from its dated modules', () => {
    const plan = circlePlanOf({
      ...loungeRequest(),
      audience: 'target-group',
      targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
      delegation: { maxPeople: 3, suggestedRoles: ['mayor'] },
      feeCents: 0,
      modules: [
        { title: 'Modul 2', startsAt: '2027-11-07T10:00', endsAt: '2027-11-07T16:00', guidingQuestions: [] },
        {
          title: 'Modul 1',
          startsAt: '2027-08-14T10:00',
          endsAt: '2027-08-14T16:00',
          guidingQuestions: [' Wo stehen wir? '],
        },
        { title: 'Modul 3', dateNote: 'Frühjahr 2028', guidingQuestions: [] },
      ],
    });
    expect(formatBerlinTime(plan.startsAt!)).toBe('2027-08-14T10:00:00+02:00');
    expect(formatBerlinTime(plan.endsAt!)).toBe('2027-11-07T16:00:00+01:00');
    expect(plan.circle?.modules[1].guidingQuestions).toEqual(['Wo stehen wir?']);
    expect(plan).not.toHaveProperty('venue');
  });

  describe('updates', () => {
    const current = clubEvent(loungePlanOf(loungeRequest({ summary: 'Kurz gesagt' })));

    it('keeps what the update leaves out and replaces what it names', () => {
      const plan = updatedLoungePlan(current, {
        capacity: 60,
        venue: { name: 'Kongresshaus', city: 'Ulm', federalState: 'BW' },
      });
      expect(plan).toMatchObject({
        capacity: 60,
        title: current.title,
        summary: 'Kurz gesagt',
        venue: { name: 'Kongresshaus' },
      });
      expect(plan.startsAt).toEqual(current.startsAt);
    });

    it('clears an optional field given as null', () => {
      const plan = updatedLoungePlan(current, { summary: null });
      expect(plan).not.toHaveProperty('summary');
    });

    it('refuses null for a field every event needs, naming it', () => {
      const refusal = thrownBy(() => updatedLoungePlan(current, { title: null, venue: null } as never));
      expect(refusal).toBeInstanceOf(RuleViolationError);
      expect((refusal as RuleViolationError).errors?.map((problem) => problem.field)).toEqual([
        'title',
        'venue',
      ]);
    });

    it('replaces the module list whole, keeping the ids given', () => {
      const circle = clubEvent(
        circlePlanOf({
          ...loungeRequest(),
          audience: 'target-group',
          targetGroup: { federalStates: ['BY'] },
          delegation: { maxPeople: 3, suggestedRoles: [] },
          feeCents: 0,
          modules: [
            {
              title: 'Modul 1',
              startsAt: '2027-08-14T10:00',
              endsAt: '2027-08-14T16:00',
              guidingQuestions: [],
            },
          ],
        }),
      );
      const moduleId = circle.circle!.modules[0].moduleId;
      const plan = updatedCirclePlan(circle, {
        modules: [
          {
            moduleId,
            title: 'Modul 1 (verschoben)',
            startsAt: '2027-09-14T10:00',
            endsAt: '2027-09-14T16:00',
            guidingQuestions: [],
          },
          { title: 'Modul 2', dateNote: '2028', guidingQuestions: [] },
        ],
      });
      expect(plan.circle?.modules.map((module) => module.moduleId)).toEqual([
        moduleId,
        expect.not.stringMatching(moduleId),
      ]);
      expect(formatBerlinTime(plan.startsAt!)).toBe('2027-09-14T10:00:00+02:00');
      expect(plan.circle?.delegation).toEqual(circle.circle?.delegation);
    });

    it('keeps the sessions and their speakers when the update does not name them', () => {
      const forum = clubEvent(forumPlanOf(forumRequest([openingTalk]), members));
      const plan = updatedForumPlan(forum, { leitgedanke: 'Kommune 2036' }, new Map());
      expect(plan.forum).toEqual({ ...forum.forum, leitgedanke: 'Kommune 2036' });
    });
  });
});
