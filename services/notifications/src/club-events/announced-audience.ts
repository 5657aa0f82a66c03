import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { announcementDeliveryIdOf } from '../deliveries/delivery-id';
import { ContactRecord } from '../replicas/contacts.repository';
import { KnownInterestsRepository } from '../replicas/known-interests.repository';

/** Lookups on their way at once (each one read by `_id`). */
const PARALLEL_LOOKUPS = 8;

/**
 * Of the candidates, those whose announcement of the event was sent and who declared no interest
 * in it (interest holders are told as such): the announced audience of "Anmeldung geöffnet".
 */
export async function announcedAndNotInterested(
  eventId: string,
  candidates: readonly ContactRecord[],
  deliveries: Pick<DeliveriesRepository, 'find'>,
  interests: Pick<KnownInterestsRepository, 'declared'>,
): Promise<ContactRecord[]> {
  const chosen = new Array<boolean>(candidates.length);
  let next = 0;
  const lookup = async (): Promise<void> => {
    while (next < candidates.length) {
      const index = next++;
      const { memberId } = candidates[index];
      const announcement = await deliveries.find(announcementDeliveryIdOf(eventId, memberId));
      chosen[index] = announcement?.status === 'sent' && !(await interests.declared(eventId, memberId));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_LOOKUPS, candidates.length) }, lookup));
  return candidates.filter((_, index) => chosen[index]);
}
