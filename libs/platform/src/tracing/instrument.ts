/**
 * Tracing for a service process: imported first by every service's main.ts (`@ic/platform/tracing`),
 * before anything loads the modules the instrumentations patch (http, express, @nestjs/core,
 * mongodb). On only when OTEL_EXPORTER_OTLP_ENDPOINT is set (and OTEL_SDK_DISABLED is not `true`);
 * otherwise the SDK is not even loaded and the platform's spans are the API's no-ops.
 */
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT && process.env.OTEL_SDK_DISABLED !== 'true') {
  // The service's folder under services/ names it (OTEL_SERVICE_NAME overrides).
  const service = /services\/([a-z-]+)\/src\/main\.[jt]s$/.exec(process.argv[1] ?? '')?.[1] ?? 'unknown';
  // Loaded synchronously and only when on: the SDK must patch before the service's own imports run.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./start-tracing') as typeof import('./start-tracing')).startTracing(process.env, service);
}
