import { EventSeatsReply } from '@ic/contracts';
import { KnownEvent } from '../replicas/known-event';
import { SeatBook } from '../seats/seat-book';
import { seatPlanOf } from '../seats/seat-plan';

/**
 * How full an event and each of its workshops are, as a member about to register sees it: seats
 * left (none: a new registration or choice waits) and how many wait already. Numbers only.
 */
export function eventSeatsOf(event: KnownEvent, book: SeatBook): EventSeatsReply {
  const seats = book.seats(seatPlanOf(event));
  return {
    eventId: event.eventId,
    capacity: seats.capacity,
    seatsLeft: Math.max(0, seats.capacity - seats.confirmed),
    waiting: seats.waiting,
    workshops: event.workshops.map((workshop) => {
      const taken = book.workshopSeats(workshop.sessionId);
      return {
        sessionId: workshop.sessionId,
        capacity: workshop.capacity,
        seatsLeft: Math.max(0, workshop.capacity - taken.confirmed),
        waiting: taken.waiting,
      };
    }),
  };
}
