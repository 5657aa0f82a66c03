import { DLT_HEADERS, REDELIVERY_HEADERS } from '@ic/contracts';
import { KafkaMessage } from 'kafkajs';
import { readDeadLetter, redeliveryOf } from './dead-letter';

function dltMessage(headers: Record<string, string>): KafkaMessage {
  return {
    key: Buffer.from('event-1'),
    value: Buffer.from('{"eventId":"event-1"}'),
    offset: '17',
    timestamp: String(Date.UTC(2026, 11, 6, 9, 0)),
    attributes: 0,
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Buffer.from(value)])),
  };
}

const failedOnce = {
  ce_id: 'ce-1',
  ce_type: 'de.dstgb.ic.events.EventAnnounced.v1',
  [DLT_HEADERS.reason]: 'handler-failed',
  [DLT_HEADERS.error]: 'Zu Mitglied 42 liegen keine Kontaktdaten vor',
  [DLT_HEADERS.attempts]: '4',
  [DLT_HEADERS.topic]: 'ic.events.v1',
  [DLT_HEADERS.partition]: '3',
  [DLT_HEADERS.offset]: '1042',
  [DLT_HEADERS.group]: 'notifications.events',
  [DLT_HEADERS.failedAt]: '2026-12-06T09:00:01.000Z',
};

describe(readDeadLetter.name, () => {
  it('reads where it came from, who gave up and why; the message keeps its own headers only', () => {
    const sut = readDeadLetter('ic.events.v1.dlt', 0, dltMessage(failedOnce));

    expect(sut).toEqual({
      id: 'ic.events.v1.dlt:0:17',
      topic: 'ic.events.v1',
      partition: 3,
      offset: '1042',
      reason: 'handler-failed',
      error: 'Zu Mitglied 42 liegen keine Kontaktdaten vor',
      attempts: 4,
      group: 'notifications.events',
      failedAt: new Date('2026-12-06T09:00:01.000Z'),
      eventId: 'ce-1',
      eventType: 'de.dstgb.ic.events.EventAnnounced.v1',
      key: 'event-1',
      value: Buffer.from('{"eventId":"event-1"}'),
      headers: { ce_id: 'ce-1', ce_type: 'de.dstgb.ic.events.EventAnnounced.v1' },
    });
  });

  it('drops the redelivery headers of a redelivered message that failed again', () => {
    const sut = readDeadLetter(
      'ic.events.v1.dlt',
      0,
      dltMessage({
        ...failedOnce,
        [REDELIVERY_HEADERS.deadLetterId]: 'ic.events.v1.dlt:0:3',
        [REDELIVERY_HEADERS.group]: 'notifications.events',
      }),
    );

    expect(sut?.headers).toEqual({ ce_id: 'ce-1', ce_type: 'de.dstgb.ic.events.EventAnnounced.v1' });
  });

  it('leaves out a message that names no group or topic: it cannot go back to anyone', () => {
    const withoutGroup: Record<string, string> = { ...failedOnce };
    delete withoutGroup[DLT_HEADERS.group];

    expect(readDeadLetter('ic.events.v1.dlt', 0, dltMessage(withoutGroup))).toBeUndefined();
  });
});

describe(redeliveryOf.name, () => {
  it('sends the message as it came, addressed to the group that gave up on it', () => {
    const letter = readDeadLetter('ic.events.v1.dlt', 0, dltMessage(failedOnce));
    if (!letter) throw new Error('the dead letter was not read');

    expect(redeliveryOf(letter)).toEqual({
      key: 'event-1',
      value: Buffer.from('{"eventId":"event-1"}'),
      headers: {
        ce_id: 'ce-1',
        ce_type: 'de.dstgb.ic.events.EventAnnounced.v1',
        [REDELIVERY_HEADERS.deadLetterId]: 'ic.events.v1.dlt:0:17',
        [REDELIVERY_HEADERS.group]: 'notifications.events',
      },
    });
  });
});
