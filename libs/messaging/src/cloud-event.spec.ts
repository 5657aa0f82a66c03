import { KafkaMessage } from 'kafkajs';
import { CE_HEADERS, decodeCloudEvent, encodeCloudEvent, EnvelopeError, newCloudEvent } from './cloud-event';

function asReceived(message: ReturnType<typeof encodeCloudEvent>): KafkaMessage {
  const headers = Object.fromEntries(
    Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)]),
  );
  return {
    key: Buffer.from(String(message.key)),
    value: Buffer.from(String(message.value)),
    headers,
    timestamp: '0',
    attributes: 0,
    offset: '0',
  };
}

describe('CloudEvents binary mode', () => {
  const event = newCloudEvent({
    type: 'de.dstgb.ic.test.ThingHappened.v1',
    source: '/ic/test',
    subject: 'thing-1',
    data: { thingId: 'thing-1', sequence: 1 },
    correlationId: 'corr-12345678',
  });

  it('puts the attributes in ce_ headers, the data in the body and the subject in the key', () => {
    const message = encodeCloudEvent(event);
    expect(message.key).toBe('thing-1');
    expect(JSON.parse(String(message.value))).toEqual({ thingId: 'thing-1', sequence: 1 });
    expect(message.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_type: 'de.dstgb.ic.test.ThingHappened.v1',
      ce_source: '/ic/test',
      ce_subject: 'thing-1',
      ce_time: event.time,
      ce_correlationid: 'corr-12345678',
      'content-type': 'application/json',
    });
  });

  it('reads back what it wrote', () => {
    expect(decodeCloudEvent(asReceived(encodeCloudEvent(event)))).toEqual(event);
  });

  it.each([
    ['a missing ce_id', (m: KafkaMessage) => delete m.headers![CE_HEADERS.id], /missing header ce_id/],
    [
      'another spec version',
      (m: KafkaMessage) => (m.headers![CE_HEADERS.specversion] = Buffer.from('0.3')),
      /ce_specversion/,
    ],
    ['a body that is not JSON', (m: KafkaMessage) => (m.value = Buffer.from('{oops')), /not valid JSON/],
    [
      'a time that is not a timestamp',
      (m: KafkaMessage) => (m.headers![CE_HEADERS.time] = Buffer.from('yesterday')),
      /ce_time/,
    ],
    [
      'an XML content type',
      (m: KafkaMessage) => (m.headers![CE_HEADERS.contentType] = Buffer.from('application/xml')),
      /content-type/,
    ],
    ['an empty body', (m: KafkaMessage) => (m.value = null), /empty body/],
  ])('refuses a message with %s', (_case, spoil, reason) => {
    const message = asReceived(encodeCloudEvent(event));
    spoil(message);
    expect(() => decodeCloudEvent(message)).toThrow(EnvelopeError);
    expect(() => decodeCloudEvent(message)).toThrow(reason);
  });
});
