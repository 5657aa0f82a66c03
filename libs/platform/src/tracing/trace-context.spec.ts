import { SpanStatusCode } from '@opentelemetry/api';
import { RecordedSpans, recordSpans } from './testing/recorded-spans';
import {
  activeSpanIds,
  activeSpanLink,
  activeTraceContext,
  contextOf,
  inSpan,
  SpanKind,
} from './trace-context';

describe('trace context', () => {
  describe('with tracing off', () => {
    it('has no trace context and no span ids, and still runs the work', async () => {
      const sut = await inSpan('work', { kind: SpanKind.INTERNAL }, () =>
        Promise.resolve({ context: activeTraceContext(), ids: activeSpanIds() }),
      );
      expect(sut).toEqual({ context: undefined, ids: undefined });
    });
  });

  describe('with tracing on', () => {
    let spans: RecordedSpans;
    beforeAll(() => (spans = recordSpans()));
    afterEach(() => spans.forget());
    afterAll(() => spans.stop());

    it('gives the active span as a W3C traceparent, and none outside a span', async () => {
      expect(activeTraceContext()).toBeUndefined();
      const inside = await inSpan('write', { kind: SpanKind.SERVER }, () =>
        Promise.resolve({ context: activeTraceContext(), ids: activeSpanIds() }),
      );
      const [write] = spans.finished();
      const { traceId, spanId } = write.spanContext();
      expect(inside.context).toEqual({ traceparent: `00-${traceId}-${spanId}-01` });
      expect(inside.ids).toEqual({ traceId, spanId });
    });

    it('continues a received trace context as the parent of a new span', async () => {
      const received = await inSpan('send', { kind: SpanKind.PRODUCER }, () =>
        Promise.resolve(activeTraceContext()),
      );
      await inSpan('process', { kind: SpanKind.CONSUMER, parent: contextOf(received) }, () =>
        Promise.resolve(),
      );
      const [send, process] = spans.finished();
      expect(process.spanContext().traceId).toBe(send.spanContext().traceId);
      expect(process.parentSpanContext?.spanId).toBe(send.spanContext().spanId);
    });

    it('starts a new trace when nothing was received', async () => {
      await inSpan('first', { kind: SpanKind.CONSUMER, parent: contextOf(undefined) }, () =>
        Promise.resolve(),
      );
      await inSpan('second', { kind: SpanKind.CONSUMER, parent: contextOf({}) }, () => Promise.resolve());
      const [first, second] = spans.finished();
      expect(first.parentSpanContext).toBeUndefined();
      expect(second.spanContext().traceId).not.toBe(first.spanContext().traceId);
    });

    it('links a span to the spans it works for, in a trace of its own', async () => {
      const links = await Promise.all(
        ['first caller', 'second caller'].map((name) =>
          inSpan(name, { kind: SpanKind.SERVER }, () => Promise.resolve(activeSpanLink())),
        ),
      );
      await inSpan(
        'for both',
        { kind: SpanKind.INTERNAL, parent: contextOf(undefined), links: links.flatMap((link) => link ?? []) },
        () => Promise.resolve(),
      );
      const [first, second, both] = spans.finished();
      expect(both.links.map((link) => link.context.spanId)).toEqual([
        first.spanContext().spanId,
        second.spanContext().spanId,
      ]);
      expect(both.parentSpanContext).toBeUndefined();
      expect(activeSpanLink()).toBeUndefined();
    });

    it('marks a failed span as an error and rethrows', async () => {
      await expect(
        inSpan('fails', { kind: SpanKind.INTERNAL }, () => Promise.reject(new Error('kaputt'))),
      ).rejects.toThrow('kaputt');
      expect(spans.finished()[0].status).toEqual({ code: SpanStatusCode.ERROR, message: 'kaputt' });
    });
  });
});
