import {
  ClubEventSnapshot,
  EventData,
  exampleLoungeSnapshot,
  exampleRegistration,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import { randomUUID } from 'node:crypto';

/**
 * The data of a RegistrationWaitlisted event as the registrations service publishes it: a new
 * registration of the member at `waitingPlace` of a lounge (the contracts' example lounge under
 * `eventId`, changed by `event`).
 */
export function waitlistedChange(options: {
  readonly eventId: string;
  readonly memberId: string;
  readonly waitingPlace: number;
  readonly registeredAt: string;
  readonly event?: Partial<ClubEventSnapshot>;
}): EventData<typeof RegistrationWaitlistedEvent> {
  const { eventId, memberId, waitingPlace, registeredAt } = options;
  const registrationId = randomUUID();
  return {
    eventId,
    registrationId,
    revision: 1,
    by: { subject: memberId, role: 'member' },
    registration: {
      registrationId,
      eventId,
      revision: 1,
      status: 'waiting',
      waitingPlace,
      registrant: { ...exampleRegistration.registrant, memberId },
      registeredBy: { subject: memberId, role: 'member' },
      sessions: [],
      registeredAt,
    },
    event: { ...exampleLoungeSnapshot, ...options.event, eventId },
    seats: { capacity: 0, confirmed: 0, waiting: waitingPlace },
  };
}
