import { ClubEvent, federalStatesOf } from './club-event';
import { toSummaryReply } from './club-event.mapper';
import { ClubEventSummary } from './club-events.repository';
import { circleModule, circlePlan, clubEvent, forumPlan, loungePlan } from '../testing/event-factories';

/** The summary the repository reads of a stored event (the list's projection). */
function summaryOf(event: ClubEvent): ClubEventSummary {
  return {
    ...event,
    federalStates: federalStatesOf(event),
    sortKey: `${event.startsAt?.toISOString()}|${event.id}`,
    forum: event.forum && { leitgedanke: event.forum.leitgedanke, edition: event.forum.edition },
    circle: event.circle && { moduleCount: event.circle.modules.length },
  };
}

describe(toSummaryReply.name, () => {
  it('shows a Deutschlandforum with its Leitgedanke and edition, without the agenda', () => {
    const forum = clubEvent(
      forumPlan(undefined, { forum: { leitgedanke: 'Kommune 2035', edition: 23, sessions: [] } }),
    );

    const sut = toSummaryReply(summaryOf(forum));

    expect(sut.forum).toEqual({ leitgedanke: 'Kommune 2035', edition: 23 });
    expect(sut).not.toHaveProperty('lounge');
    expect(sut).not.toHaveProperty('circle');
  });

  it('shows an Innovators Lounge with its topic and host municipality', () => {
    const sut = toSummaryReply(summaryOf(clubEvent(loungePlan())));

    expect(sut.lounge).toEqual({
      topic: 'Die smarte Stadt im Alltag',
      host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    });
    expect(sut).not.toHaveProperty('forum');
  });

  it('shows a Kommunalzirkel with its target group and number of modules', () => {
    const circle = clubEvent(
      circlePlan([
        circleModule(),
        circleModule({ startsAt: undefined, endsAt: undefined, dateNote: 'Sommer' }),
      ]),
    );

    const sut = toSummaryReply(summaryOf(circle));

    expect(sut.targetGroup).toEqual({ federalStates: ['BY'], maxPopulation: 25_000 });
    expect(sut.circle).toEqual({ moduleCount: 2 });
  });
});
