/** A trace as Jaeger's query API (`/api/traces`) returns it. */
export interface JaegerTrace {
  readonly traceID: string;
  readonly spans: readonly JaegerSpan[];
  readonly processes: Readonly<Record<string, { readonly serviceName: string }>>;
}

export interface JaegerSpan {
  readonly spanID: string;
  readonly operationName: string;
  readonly references: readonly { readonly refType: string; readonly spanID: string }[];
  /** Microseconds since the epoch, and microseconds. */
  readonly startTime: number;
  readonly duration: number;
  readonly tags: readonly { readonly key: string; readonly value: unknown }[];
  readonly processID: string;
}

/** The attributes worth a glance when a person asks what happened to a request. */
const SHOWN_TAGS = [
  'cloudevents.event_type',
  'ic.outcome',
  'http.response.status_code',
  'smtp.response',
  'otel.status_description',
] as const;

/**
 * The trace as an indented tree, one span a line, children in the order they started: the time
 * since the trace began, the duration, the service, the span, the telling attributes, and ✘ for a
 * failed span. The first line names the trace and counts the spans per service.
 */
export function renderTrace(trace: JaegerTrace): string[] {
  const serviceOf = (span: JaegerSpan) => trace.processes[span.processID]?.serviceName ?? '?';
  const ids = new Set(trace.spans.map((span) => span.spanID));
  const parentOf = (span: JaegerSpan) =>
    span.references.find((ref) => ref.refType === 'CHILD_OF' && ids.has(ref.spanID))?.spanID;
  const byStart = [...trace.spans].sort((a, b) => a.startTime - b.startTime);
  const start = byStart[0]?.startTime ?? 0;
  const counts = new Map<string, number>();
  for (const span of byStart) counts.set(serviceOf(span), (counts.get(serviceOf(span)) ?? 0) + 1);

  const lines = [
    `trace ${trace.traceID}: ${trace.spans.length} spans from ${[...counts]
      .map(([service, count]) => `${service} (${count})`)
      .join(', ')}`,
  ];
  const print = (span: JaegerSpan, depth: number): void => {
    const tags = new Map(span.tags.map((tag) => [tag.key, tag.value]));
    const failed = tags.get('error') === true || tags.get('otel.status_code') === 'ERROR';
    const shown = SHOWN_TAGS.filter((key) => tags.has(key)).map((key) => `${key}=${String(tags.get(key))}`);
    lines.push(
      `${ms(span.startTime - start).padStart(9)} ${ms(span.duration).padStart(9)}  ${'  '.repeat(depth)}` +
        `${failed ? '✘ ' : ''}${serviceOf(span)}: ${span.operationName}${shown.length > 0 ? `  [${shown.join(', ')}]` : ''}`,
    );
    for (const child of byStart.filter((candidate) => parentOf(candidate) === span.spanID))
      print(child, depth + 1);
  };
  for (const root of byStart.filter((span) => parentOf(span) === undefined)) print(root, 0);
  return lines;
}

function ms(microseconds: number): string {
  return `${(microseconds / 1000).toFixed(1)} ms`;
}
