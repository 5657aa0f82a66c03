import { EventSeatsReply } from '@ic/contracts';
import { KnownEvent } from '../replicas/known-event';
import { SeatCounters } from '../seats/seat-claims';

/**
 * How full an event and each of its workshops are, as a member about to register sees it: seats
 * left (none: a new registration or choice waits) and how many wait already. Numbers only, from
 * the event's counters.
 */
export function eventSeatsOf(event: KnownEvent, counters: SeatCounters): EventSeatsReply {
  return {
    eventId: event.eventId,
    capacity: event.capacity,
    seatsLeft: Math.max(0, event.capacity - counters.confirmed),
    waiting: counters.waiting,
    workshops: event.workshops.map((workshop) => {
      const taken = counters.sessions[workshop.sessionId] ?? { confirmed: 0, waiting: 0 };
      return {
        sessionId: workshop.sessionId,
        capacity: workshop.capacity,
        seatsLeft: Math.max(0, workshop.capacity - taken.confirmed),
        waiting: taken.waiting,
      };
    }),
  };
}
