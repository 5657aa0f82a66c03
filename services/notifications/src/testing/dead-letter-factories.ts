import { ReadDeadLetter } from '@ic/messaging';
import { randomUUID } from 'node:crypto';

let offset = 0;

/** A registration event the notifications group gave up on, as the dead-letter index reads it. */
export function newDeadLetter(overrides: Partial<ReadDeadLetter> = {}): ReadDeadLetter {
  offset += 1;
  const eventId = randomUUID();
  return {
    id: `ic.registrations.v1.dlt:0:${offset}`,
    topic: 'ic.registrations.v1',
    partition: 2,
    offset: String(100 + offset),
    reason: 'handler-failed',
    error: 'Zu Mitglied 42 liegen keine Kontaktdaten vor',
    attempts: 5,
    group: 'notifications.events',
    failedAt: new Date(Date.UTC(2026, 11, 6, 9, 0, offset)),
    eventId,
    eventType: 'de.dstgb.ic.registrations.RegistrationConfirmed.v1',
    key: randomUUID(),
    value: Buffer.from('{"registrationId":"r-1"}'),
    headers: { ce_id: eventId, ce_type: 'de.dstgb.ic.registrations.RegistrationConfirmed.v1' },
    ...overrides,
  };
}
