import { exampleLoungeSnapshot } from '@ic/contracts';
import { knownEventOf } from '../replicas/known-event';
import { NO_COUNTERS } from '../seats/seat-claims';
import { SeatStepsTestBed } from '../testing/in-memory-registrations';
import { eventSeatsOf } from './event-seats.query';

const daten = '11111111-1111-4111-8111-111111111111';
const energie = '22222222-2222-4222-8222-222222222222';

/** A forum with two seats and two parallel workshops of one seat each. */
const forum = knownEventOf({
  ...exampleLoungeSnapshot,
  kind: 'deutschlandforum',
  capacity: 2,
  forum: {
    leitgedanke: 'Kommune 2035',
    sessions: [daten, energie].map((sessionId, index) => ({
      sessionId,
      kind: 'workshop' as const,
      title: `Werkstatt ${index + 1}`,
      startsAt: '2027-05-12T14:00:00+02:00',
      endsAt: '2027-05-12T15:30:00+02:00',
      speakers: [],
      capacity: 1,
    })),
  },
});

const registration = (index: number, sessionIds: string[] = []) => ({
  registrationId: `registration-${index}`,
  memberId: `member-${index}`,
  sessionIds,
});

/** A test bed with the forum in it. */
function forumBed(): SeatStepsTestBed {
  const bed = new SeatStepsTestBed();
  bed.events.set(forum.eventId, forum);
  return bed;
}

describe(eventSeatsOf.name, () => {
  it('counts every seat as left in an event nobody registered for', () => {
    expect(eventSeatsOf(forum, NO_COUNTERS)).toEqual({
      eventId: forum.eventId,
      capacity: 2,
      seatsLeft: 2,
      waiting: 0,
      workshops: [
        { sessionId: daten, capacity: 1, seatsLeft: 1, waiting: 0 },
        { sessionId: energie, capacity: 1, seatsLeft: 1, waiting: 0 },
      ],
    });
  });

  it('shows no seat left once the confirmed fill it, and counts the waiting list', async () => {
    const bed = forumBed();
    await bed.register(forum.eventId, registration(1, [daten]));
    await bed.register(forum.eventId, registration(2, [daten]));
    await bed.register(forum.eventId, registration(3, [energie]));

    expect(eventSeatsOf(forum, await bed.seats.peek(forum.eventId))).toMatchObject({
      seatsLeft: 0,
      waiting: 1,
      workshops: [
        { sessionId: daten, seatsLeft: 0, waiting: 1 },
        // the third registration waits for the event: its workshop choice takes no seat yet
        { sessionId: energie, seatsLeft: 1, waiting: 0 },
      ],
    });
  });

  it('gives a seat back when a registration is cancelled and nobody waits', async () => {
    const bed = forumBed();
    await bed.register(forum.eventId, registration(1, [daten]));
    await bed.sut.cancel('registration-1', 'registrant', { subject: 'member-1', role: 'member' }, () => true);

    expect(eventSeatsOf(forum, await bed.seats.peek(forum.eventId))).toMatchObject({
      seatsLeft: 2,
      workshops: [
        { sessionId: daten, seatsLeft: 1 },
        { sessionId: energie, seatsLeft: 1 },
      ],
    });
  });
});
