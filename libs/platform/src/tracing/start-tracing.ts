import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { hostname } from 'node:os';
import { platformVersion } from '../runtime/service-runtime';

/** Still "incubating" in the semantic conventions, whose subpath export this project's module resolution does not read. */
const ATTR_SERVICE_INSTANCE_ID = 'service.instance.id';

/** Paths whose requests are probes, not work: no trace of their own. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|$)/;

/**
 * The OpenTelemetry SDK of a service: W3C Trace Context, the HTTP, Express, NestJS and MongoDB
 * instrumentations, and spans exported in batches over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT
 * (the exporter reads the standard OTEL_EXPORTER_OTLP_* variables). Kafka is traced by
 * libs/messaging itself (see its README section on tracing).
 */
export function startTracing(env: NodeJS.ProcessEnv, service: string): void {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const provider = new TracerProvider({
    // A trace is kept or dropped as a whole: at its root (the HTTP request, a scheduler's event),
    // by OTEL_TRACES_SAMPLER_ARG, the share of traces kept (default all); every service follows.
    sampler: new ParentBasedSampler({
      root: new TraceIdRatioBasedSampler(Number(env.OTEL_TRACES_SAMPLER_ARG ?? 1)),
    }),
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? service,
      [ATTR_SERVICE_INSTANCE_ID]: env.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
      [ATTR_SERVICE_VERSION]: platformVersion(),
    }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter(),
        scheduledDelayMillis: Number(env.OTEL_BSP_SCHEDULE_DELAY ?? 2000),
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? ''),
        // Outgoing calls of timers and probes would each start a trace of their own.
        requireParentforOutgoingSpans: true,
      }),
      // The route's span names the request (its template); a span per middleware is only noise.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new NestInstrumentation(),
      // Only within a traced request or message: the sweepers' queries would each be a trace.
      new MongoDBInstrumentation({ requireParentSpan: true }),
    ],
  });
}
