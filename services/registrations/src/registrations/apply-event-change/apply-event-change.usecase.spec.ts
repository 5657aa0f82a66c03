import {
  ClubEventChange,
  RegisteredEventChanged,
  RegisteredEventChangedEvent,
  RegistrationCancelledEvent,
  RegistrationPromotedEvent,
  RegistrationSessionsChangedEvent,
} from '@ic/contracts';
import { Logger } from '@nestjs/common';
import { KnownEvent, knownEventOf } from '../../replicas/known-event';
import {
  actorOf,
  knownMember,
  loungeEvent,
  onNewTestBed,
  typesOf,
  UseCaseTestBed,
  withStatus,
} from '../../testing/use-case-test-bed';
import { ApplyEventChangeUseCase } from './apply-event-change.usecase';

const workshopId = '4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a';

function newTestUseCase() {
  return onNewTestBed(
    (bed) =>
      new ApplyEventChangeUseCase(
        bed.events,
        bed.registrations,
        bed.seats,
        bed.steps,
        bed.views,
        bed.changes,
        bed.notices,
      ),
  );
}

/** The event in its next revision with these fields changed, as the replica then knows it. */
function changed(event: KnownEvent, fields: Partial<KnownEvent['snapshot']>): KnownEvent {
  return knownEventOf({ ...event.snapshot, ...fields, revision: event.revision + 1 });
}

function changeOf(event: KnownEvent): ClubEventChange {
  return { eventId: event.eventId, revision: event.revision, event: event.snapshot };
}

/** A lounge of `capacity` seats with `count` members registered, in order. */
async function loungeWith(bed: UseCaseTestBed, capacity: number, count: number) {
  const event = loungeEvent({ capacity });
  bed.know(event);
  const registrations = [];
  for (let index = 0; index < count; index++) {
    const member = knownMember();
    bed.know(member);
    registrations.push(await bed.register(event.eventId, actorOf(member)));
  }
  return { event, registrations };
}

describe(ApplyEventChangeUseCase.name, () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  describe('followSeats', () => {
    it('gives added seats to the waiting list in order (capacity-raised)', async () => {
      const { sut, bed } = newTestUseCase();
      const { event, registrations } = await loungeWith(bed, 1, 3);
      bed.know(changed(event, { capacity: 2 }));

      await sut.followSeats(event.eventId);

      const published = bed.takePublished();
      expect(typesOf(published)).toEqual([RegistrationPromotedEvent.type]);
      expect(published[0].data).toMatchObject({
        registrationId: registrations[1].registrationId,
        cause: 'capacity-raised',
      });
      await sut.followSeats(event.eventId);
      expect(bed.takePublished()).toEqual([]);
    });

    it('drops the choices of a workshop that left the agenda (session-removed)', async () => {
      const { sut, bed } = newTestUseCase();
      const forum = loungeEvent({
        kind: 'deutschlandforum',
        forum: {
          leitgedanke: 'Kommune 2035',
          sessions: [
            {
              sessionId: workshopId,
              kind: 'workshop',
              title: 'Daten teilen',
              startsAt: '2027-04-15T18:00:00+02:00',
              endsAt: '2027-04-15T19:00:00+02:00',
              speakers: [],
              capacity: 10,
            },
          ],
        },
      });
      const member = knownMember();
      bed.know(forum, member);
      await bed.register(forum.eventId, actorOf(member), { sessionIds: [workshopId] });
      bed.know(changed(forum, { forum: { leitgedanke: 'Kommune 2035', sessions: [] } }));

      await sut.followSeats(forum.eventId);

      const published = bed.takePublished();
      expect(typesOf(published)).toEqual([RegistrationSessionsChangedEvent.type]);
      expect(published[0].data).toMatchObject({ cause: 'session-removed' });
    });
  });

  describe('eventCancelled', () => {
    it('cancels every registration with the cause event-cancelled, and gives no seat to anyone', async () => {
      const { sut, bed } = newTestUseCase();
      const { event } = await loungeWith(bed, 1, 2);
      bed.know(withStatus(event, 'cancelled'));

      await sut.eventCancelled(event.eventId);

      const published = bed.takePublished();
      expect(typesOf(published)).toEqual([RegistrationCancelledEvent.type, RegistrationCancelledEvent.type]);
      expect(published.map((entry) => entry.data)).toEqual([
        expect.objectContaining({ cause: 'event-cancelled', previousStatus: 'confirmed' }),
        expect.objectContaining({ cause: 'event-cancelled', previousStatus: 'waiting' }),
      ]);
      await sut.eventCancelled(event.eventId);
      expect(bed.takePublished()).toEqual([]);
    });
  });

  describe('eventUpdated', () => {
    it('tells everyone registered of a new date once per event revision', async () => {
      const { sut, bed } = newTestUseCase();
      const { event } = await loungeWith(bed, 1, 2);
      const moved = changed(event, {
        startsAt: '2027-04-22T17:00:00+02:00',
        endsAt: '2027-04-22T21:00:00+02:00',
      });
      bed.know(moved);

      await sut.eventUpdated(changeOf(moved), ['schedule']);
      await sut.eventUpdated(changeOf(moved), ['schedule']);

      const published = bed.takePublished();
      expect(typesOf(published)).toEqual([RegisteredEventChangedEvent.type]);
      const notice = published[0].data as RegisteredEventChanged;
      expect(notice).toMatchObject({
        eventRevision: moved.revision,
        changed: ['schedule'],
        part: 1,
        parts: 1,
      });
      expect(notice.registrations.map((registration) => registration.status)).toEqual([
        'confirmed',
        'waiting',
      ]);
    });

    it('tells nobody of changes that are not the schedule or the venue', async () => {
      const { sut, bed } = newTestUseCase();
      const { event } = await loungeWith(bed, 5, 1);
      const retitled = changed(event, { title: 'Innovators Lounge Ulm: Die smarte Stadt' });
      bed.know(retitled);

      await sut.eventUpdated(changeOf(retitled), ['details']);

      expect(bed.takePublished()).toEqual([]);
    });
  });
});
