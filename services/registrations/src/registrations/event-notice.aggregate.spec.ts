import { ClubEventChange } from '@ic/contracts';
import { loungeEvent } from '../testing/use-case-test-bed';
import { EventNoticeAggregate } from './event-notice.aggregate';
import { Registration } from './registration';
import { viewOf } from './registration-places';

const event = loungeEvent();
const change: ClubEventChange = { eventId: event.eventId, revision: 5, event: event.snapshot };

function registered(status: Registration['status']) {
  return viewOf({
    registrationId: `${status}-registration`,
    eventId: event.eventId,
    registrantKey: `member:${status}`,
    registrant: { kind: 'member', memberId: status },
    registeredBy: { subject: status, role: 'member' },
    status,
    sequence: 1,
    sessions: [],
    revision: 1,
    registeredAt: new Date('2027-01-01T10:00:00.000Z'),
  });
}

describe(EventNoticeAggregate.name, () => {
  describe('tell', () => {
    it('records RegisteredEventChanged with the news and those not cancelled, and marks the revision told', () => {
      const sut = EventNoticeAggregate.of(event.eventId, 4);
      const confirmed = registered('confirmed');

      sut.tell(change, ['schedule', 'details'], [confirmed, registered('cancelled')]);

      expect(sut.state.toldRevision).toBe(5);
      expect(sut.takeFacts()).toEqual([
        { type: 'event-changed', eventRevision: 5, changed: ['schedule'], registered: [confirmed] },
      ]);
    });

    it('only marks the revision told when nobody is registered', () => {
      const sut = EventNoticeAggregate.of(event.eventId, 4);

      sut.tell(change, ['venue'], [registered('cancelled')]);

      expect(sut.state.toldRevision).toBe(5);
      expect(sut.takeFacts()).toEqual([]);
    });

    it('tells nothing of a revision told before, of a draft or of other changes', () => {
      const told = EventNoticeAggregate.of(event.eventId, 5);
      const draft = EventNoticeAggregate.of(event.eventId, 4);
      const details = EventNoticeAggregate.of(event.eventId, 4);

      told.tell(change, ['schedule'], [registered('confirmed')]);
      draft.tell(
        { ...change, event: { ...change.event, status: 'draft' } },
        ['schedule'],
        [registered('confirmed')],
      );
      details.tell(change, ['details'], [registered('confirmed')]);

      for (const sut of [told, draft, details]) {
        expect(sut.hasChanges).toBe(false);
        expect(sut.takeFacts()).toEqual([]);
      }
    });
  });
});
