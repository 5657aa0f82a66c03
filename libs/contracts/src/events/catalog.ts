import { clubEventsEventContracts } from '../club-events/club-events.events';
import { membershipEventContracts } from '../membership/membership.events';
import { notificationsEventContracts } from '../notifications/notifications.contracts';
import { registrationsEventContracts } from '../registrations/registrations.events';
import { EventContract } from './event-contract';

/**
 * Every event type the platform publishes. Domain issues add their contracts here; the
 * registries of all services, the AsyncAPI document and the compatibility check read this list.
 */
export const allEventContracts: readonly EventContract<unknown>[] = [
  ...membershipEventContracts,
  ...clubEventsEventContracts,
  ...registrationsEventContracts,
  ...notificationsEventContracts,
];
