import { RecordedSpans, recordSpans } from '../tracing/testing/recorded-spans';
import { inSpan, SpanKind } from '../tracing/trace-context';
import { withCorrelationId } from './log-context';
import { PlatformLogger } from './platform.logger';

/** The JSON lines the logger writes while `work` runs. */
function linesWrittenBy(work: () => void): Record<string, unknown>[] {
  const written: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  };
  const streams = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation(capture),
  );
  try {
    work();
  } finally {
    streams.forEach((stream) => stream.mockRestore());
  }
  return written.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe(PlatformLogger.name, () => {
  const sut = new PlatformLogger({ service: 'registrations', instance: 'registrations-2' }, 'log', 'json');

  it('names the service and the instance in every JSON line, and nothing of a request outside one', () => {
    const [line] = linesWrittenBy(() => sut.log('Seats recounted', 'SeatBook'));
    expect(line).toEqual({
      level: 'log',
      pid: process.pid,
      timestamp: expect.any(Number),
      message: 'Seats recounted',
      context: 'SeatBook',
      service: 'registrations',
      instance: 'registrations-2',
    });
  });

  it('names the correlation id of the request or message being handled', async () => {
    const [line] = await withCorrelationId('corr-12345678', async () => {
      await Promise.resolve();
      return linesWrittenBy(() => sut.warn('Waiting place given'));
    });
    expect(line).toMatchObject({ level: 'warn', correlationId: 'corr-12345678', service: 'registrations' });
  });

  describe('with tracing on', () => {
    let spans: RecordedSpans;
    beforeAll(() => (spans = recordSpans()));
    afterAll(() => spans.stop());

    it('names the trace and the span the line was written in', async () => {
      const lines = await inSpan('registrations.registrations.register', { kind: SpanKind.SERVER }, () =>
        Promise.resolve(linesWrittenBy(() => sut.error('Seat step failed'))),
      );
      const [span] = spans.finished();
      expect(lines[0]).toMatchObject({
        level: 'error',
        traceId: span.spanContext().traceId,
        spanId: span.spanContext().spanId,
      });
    });
  });
});
