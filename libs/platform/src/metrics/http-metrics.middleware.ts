import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { metricsRegistry } from './metrics-registry';

/** Seconds; from a health check (milliseconds) to a registration waiting in a rush (up to 30 s). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpRequestDuration = new Histogram({
  name: 'ic_http_request_duration_seconds',
  help: 'HTTP requests answered, by method, route template and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/** The label of requests no route took (the web app's files, 404s): one series, not one per path. */
export const UNMATCHED_ROUTE = 'unmatched';

/** nginx's code for a request whose client went away before the answer was written. */
const CLIENT_CLOSED = '499';

/**
 * Times every HTTP request by its route's template (`/api/v1/events/:eventId`), never its path: the
 * path holds ids, which would make a series per event and member.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const stop = httpRequestDuration.startTimer();
    response.once('close', () => {
      stop({
        method: request.method,
        route: routeTemplateOf(request),
        status: response.writableFinished ? String(response.statusCode) : CLIENT_CLOSED,
      });
    });
    next();
  }
}

/** The template of the route that answered (set by the router once it matched), or UNMATCHED_ROUTE. */
export function routeTemplateOf(request: Request): string {
  // Express types the matched route as `any`.
  const route = request.route as { path?: unknown } | undefined;
  return typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : UNMATCHED_ROUTE;
}
