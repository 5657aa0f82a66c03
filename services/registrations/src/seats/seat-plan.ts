import { KnownEvent } from '../replicas/known-event';
import { SeatPlan } from '../registrations/registration';

/** The seats of an event as its latest known state offers them. */
export function seatPlanOf(event: KnownEvent): SeatPlan {
  return {
    capacity: event.capacity,
    workshops: event.workshops.map((workshop) => ({
      sessionId: workshop.sessionId,
      capacity: workshop.capacity,
    })),
  };
}
