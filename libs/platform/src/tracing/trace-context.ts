import {
  Attributes,
  Context,
  context,
  isSpanContextValid,
  Link,
  propagation,
  ProxyTracerProvider,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanOptions as StartOptions,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { describe } from '../errors/describe-error';

/**
 * W3C Trace Context as it travels with a message: in Kafka headers (`traceparent` on requests and
 * replies, `ce_traceparent` on CloudEvents) and stored with an event in its outbox entry.
 */
export interface TraceContext {
  readonly traceparent: string;
  readonly tracestate?: string;
}

/** The platform's spans (the instrumentations name their own). */
const tracer = trace.getTracer('ic-platform');

/**
 * The active span's context, to send or store with a message; undefined when no span is active,
 * and always when tracing is off (no propagator is registered then).
 */
export function activeTraceContext(): TraceContext | undefined {
  const carrier: { traceparent?: string; tracestate?: string } = {};
  propagation.inject(context.active(), carrier);
  if (!carrier.traceparent) return undefined;
  return carrier.tracestate
    ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate }
    : { traceparent: carrier.traceparent };
}

/** The context a received trace context continues: a new trace when there is none. */
export function contextOf(received: Partial<TraceContext> | undefined): Context {
  if (!received?.traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, received);
}

/** The active span's ids for a log line; undefined outside a span and when tracing is off. */
export function activeSpanIds(): { traceId: string; spanId: string } | undefined {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}

/**
 * A link to the active span, for work done later on behalf of several callers (a request that
 * answers many of them): undefined outside a span and when tracing is off.
 */
export function activeSpanLink(): Link | undefined {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? { context: spanContext } : undefined;
}

export interface SpanOptions {
  readonly kind: SpanKind;
  readonly attributes?: Attributes;
  /** Continues this context instead of the active one (a message's trace). */
  readonly parent?: Context;
  /** The spans this one works for without being their child (activeSpanLink). */
  readonly links?: readonly Link[];
}

function startOptionsOf(options: SpanOptions): StartOptions {
  return {
    kind: options.kind,
    ...(options.attributes ? { attributes: options.attributes } : {}),
    ...(options.links?.length ? { links: [...options.links] } : {}),
  };
}

/**
 * Runs `work` in a new active span, which ends when it settles; a failure marks the span as an
 * error and is rethrown. With tracing off the span is a no-op.
 */
export function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(
    name,
    startOptionsOf(options),
    options.parent ?? context.active(),
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: describe(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Starts a span that the caller ends (for work that is not one function call). */
export function startSpan(name: string, options: SpanOptions): Span {
  return tracer.startSpan(name, startOptionsOf(options), options.parent ?? context.active());
}

/** Ends the spans, marking them as failed when `error` is given. */
export function endSpans(spans: readonly Span[], error?: unknown): void {
  for (const span of spans) {
    if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: describe(error) });
    span.end();
  }
}

/** Hands the spans still buffered to the exporter; for a graceful shutdown. */
export async function flushTraces(): Promise<void> {
  const provider = trace.getTracerProvider();
  const delegate = provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider;
  if ('forceFlush' in delegate && typeof delegate.forceFlush === 'function') {
    await (delegate.forceFlush as () => Promise<void>)();
  }
}

export { SpanKind };
export type { Span };
