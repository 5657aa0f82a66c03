import { KnownEvent } from '../replicas/known-event';

/** The seats an event offers, from its latest known state. */
export interface SeatPlan {
  readonly capacity: number;
  readonly workshops: readonly { readonly sessionId: string; readonly capacity: number }[];
}

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
