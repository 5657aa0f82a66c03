import { DomainTopics } from '@ic/contracts';
import { EventOrdering } from '@ic/messaging';

/**
 * Registration events of one club event share a partition (they are keyed by event id). The mails
 * of one registration must go out in order ("waiting list" before "moved up"); those of different
 * registrations need not, so a rush's confirmations are sent side by side instead of one by one.
 * Registration events about the whole club event (its change, registration opened for those
 * interested) wait for everything before them. On the other topics the aggregate sets the order.
 */
export const notificationsOrdering: EventOrdering = {
  keyOf(event, topic) {
    if (topic !== DomainTopics.registrations) return event.subject;
    const data = event.data as { readonly registrationId?: unknown };
    return typeof data.registrationId === 'string' ? `registration:${data.registrationId}` : undefined;
  },
};
