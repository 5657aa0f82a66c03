import { allEventContracts, WorkingGroupCreatedEvent } from '@ic/contracts';
import { activeTraceContext, contextOf, inSpan, SpanKind } from '@ic/platform';
import { KafkaMessage } from 'kafkajs';
import { RecordedSpans, recordSpans } from '../../../platform/src/tracing/testing/recorded-spans';
import { CE_HEADERS, decodeCloudEvent, encodeCloudEvent } from '../cloud-event';
import { ContractRegistry } from '../contract-registry';
import { OutboxEventFactory, toCloudEvent } from './outbox-entry';

const created = {
  workingGroupId: 'digitales',
  name: 'Digitales',
  createdBy: { subject: 'staff-1', role: 'staff' as const },
};

function asReceived(message: ReturnType<typeof encodeCloudEvent>): KafkaMessage {
  return {
    key: Buffer.from(String(message.key)),
    value: Buffer.from(String(message.value)),
    headers: Object.fromEntries(
      Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)]),
    ),
    timestamp: '0',
    attributes: 0,
    offset: '0',
  };
}

describe(OutboxEventFactory.name, () => {
  const sut = new OutboxEventFactory(new ContractRegistry(allEventContracts), '/ic/membership');

  describe('create, with tracing off', () => {
    it('stores no trace context and publishes no ce_traceparent', () => {
      const entry = sut.create(WorkingGroupCreatedEvent, 'digitales', created);
      expect(entry).not.toHaveProperty('traceparent');
      expect(encodeCloudEvent(toCloudEvent(entry)).headers).not.toHaveProperty(CE_HEADERS.traceparent);
    });
  });

  describe('create, with tracing on', () => {
    let spans: RecordedSpans;
    beforeAll(() => (spans = recordSpans()));
    afterAll(() => spans.stop());

    it('stores the trace of the write with the event, which a consumer continues after any later publish', async () => {
      const entry = await inSpan('working-groups.create', { kind: SpanKind.SERVER }, () =>
        Promise.resolve(sut.create(WorkingGroupCreatedEvent, 'digitales', created)),
      );
      const [write] = spans.finished();
      expect(entry.traceparent).toBe(`00-${write.spanContext().traceId}-${write.spanContext().spanId}-01`);

      // Published later (the sweeper after a crash), outside any span: the stored context goes along.
      expect(activeTraceContext()).toBeUndefined();
      const message = encodeCloudEvent(toCloudEvent(entry));
      expect(message.headers[CE_HEADERS.traceparent]).toBe(entry.traceparent);

      const received = decodeCloudEvent(asReceived(message));
      await inSpan('process ic.membership.v1', { kind: SpanKind.CONSUMER, parent: contextOf(received) }, () =>
        Promise.resolve(),
      );
      const [, processed] = spans.finished();
      expect(processed.spanContext().traceId).toBe(write.spanContext().traceId);
      expect(processed.parentSpanContext?.spanId).toBe(write.spanContext().spanId);
    });
  });
});
