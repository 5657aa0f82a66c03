import { JaegerSpan, JaegerTrace, renderTrace } from './trace-tree';

function span(
  spanID: string,
  operationName: string,
  processID: string,
  startMs: number,
  durationMs: number,
  parent?: string,
  tags: JaegerSpan['tags'] = [],
): JaegerSpan {
  return {
    spanID,
    operationName,
    processID,
    references: parent ? [{ refType: 'CHILD_OF', spanID: parent }] : [],
    startTime: 1_796_000_000_000_000 + startMs * 1000,
    duration: durationMs * 1000,
    tags,
  };
}

describe(renderTrace.name, () => {
  it('draws the spans as a tree in the order they started, with the services, times and telling attributes', () => {
    const trace: JaegerTrace = {
      traceID: '58f65be2f8c81515a6e43c0d9e685980',
      processes: {
        p1: { serviceName: 'gateway' },
        p2: { serviceName: 'registrations' },
        p3: { serviceName: 'notifications' },
      },
      spans: [
        span('d', 'smtp send', 'p3', 152, 35, 'c', [
          { key: 'smtp.response', value: '250 OK: message queued' },
        ]),
        span('a', 'POST /api/v1/events/:eventId/registrations', 'p1', 0, 25),
        span('c', 'process ic.registrations.v1', 'p3', 23, 176, 'b'),
        span('b', 'registrations.registrations.register', 'p2', 4, 18, 'a', [
          { key: 'ic.outcome', value: 'ok' },
        ]),
      ],
    };

    expect(renderTrace(trace)).toEqual([
      'trace 58f65be2f8c81515a6e43c0d9e685980: 4 spans from gateway (1), registrations (1), notifications (2)',
      '   0.0 ms   25.0 ms  gateway: POST /api/v1/events/:eventId/registrations',
      '   4.0 ms   18.0 ms    registrations: registrations.registrations.register  [ic.outcome=ok]',
      '  23.0 ms  176.0 ms      notifications: process ic.registrations.v1',
      ' 152.0 ms   35.0 ms        notifications: smtp send  [smtp.response=250 OK: message queued]',
    ]);
  });

  it('marks a failed span and shows a span whose parent is missing as a root', () => {
    const trace: JaegerTrace = {
      traceID: 'a'.repeat(32),
      processes: { p1: { serviceName: 'notifications' } },
      spans: [
        span('x', 'smtp send', 'p1', 0, 10_000, 'gone', [
          { key: 'error', value: true },
          { key: 'otel.status_description', value: 'connect ECONNREFUSED' },
        ]),
      ],
    };

    expect(renderTrace(trace)[1]).toBe(
      '   0.0 ms 10000.0 ms  ✘ notifications: smtp send  [otel.status_description=connect ECONNREFUSED]',
    );
  });
});
