import { EventFigures } from '@ic/contracts';
import { RegistrationEntry } from '../registrations/event-registrations';

/**
 * The figures of one event from its registrations. `held`: no-shows exist only once the event
 * has taken place; `capacity` null or 0: no fill rate.
 */
export function eventFiguresOf(
  registrations: readonly RegistrationEntry[],
  { held, capacity }: { held: boolean; capacity: number | null },
): EventFigures {
  const count = (matches: (entry: RegistrationEntry) => boolean) => registrations.filter(matches).length;
  const confirmed = count((entry) => entry.status === 'confirmed');
  const waitlisted = count((entry) => entry.waitlisted);
  const promoted = count((entry) => entry.promoted);
  return {
    registered: registrations.length,
    confirmed,
    waiting: count((entry) => entry.status === 'waiting'),
    cancelled: count((entry) => entry.status === 'cancelled'),
    waitlisted,
    promoted,
    attended: count((entry) => entry.attendedPeople > 0),
    attendedPeople: registrations.reduce((sum, entry) => sum + entry.attendedPeople, 0),
    noShows: held ? count((entry) => entry.status === 'confirmed' && entry.attendedPeople === 0) : null,
    fillRate: capacity ? confirmed / capacity : null,
    waitingListConversion: waitlisted > 0 ? promoted / waitlisted : null,
  };
}
