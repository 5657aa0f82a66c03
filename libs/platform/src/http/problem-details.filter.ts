import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, throwError } from 'rxjs';
import { ServiceUnavailableError } from '../errors/domain-errors';
import { isProblemDetails, PROBLEM_JSON, ProblemDetails } from '../errors/problem-details';
import { toProblem } from '../errors/to-problem';
import { CORRELATION_HEADER, correlationIdFrom } from './correlation';

export interface ProblemDetailsFilterOptions {
  /**
   * Whether an error says that a dependency (the database) cannot be reached for now, not that the
   * request or the code is wrong: a 503 that asks to try again, not a 500. The services that have a
   * database pass it; this library does not know the driver.
   */
  readonly isDependencyUnavailable?: (error: unknown) => boolean;
}

export const DEPENDENCY_UNAVAILABLE =
  'Der Dienst kann gerade nicht auf seine Daten zugreifen. Bitte versuchen Sie es in einer Minute erneut.';

/**
 * The one exception filter of every app. Over HTTP it answers with problem+json; in a Kafka
 * message handler it hands problem details to the transport, which sends them as the error reply.
 * Either way 500 details are hidden and logged with the correlation id the caller sees.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(private readonly options: ProblemDetailsFilterOptions = {}) {}

  catch(error: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() === 'rpc') return this.catchInMessageHandler(error, host);
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { correlationId?: string }>();
    const response = http.getResponse<Response>();
    const correlationId = request.correlationId ?? correlationIdFrom(request.headers[CORRELATION_HEADER]);
    const problem = { ...this.problemOf(error, correlationId), instance: request.originalUrl };
    if (problem.status >= 500) {
      this.logger.error(
        `${request.method} ${request.originalUrl} failed [${correlationId}]`,
        error instanceof Error ? error.stack : String(error),
      );
    }
    response
      .status(problem.status)
      .setHeader('content-type', PROBLEM_JSON)
      .setHeader(CORRELATION_HEADER, correlationId);
    if (problem.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(problem.retryAfterSeconds));
    response.send(JSON.stringify(problem));
  }

  private problemOf(error: unknown, correlationId: string): ProblemDetails {
    if (this.options.isDependencyUnavailable?.(error)) {
      return new ServiceUnavailableError(DEPENDENCY_UNAVAILABLE).toProblem(correlationId);
    }
    return toProblem(error, correlationId);
  }

  private catchInMessageHandler(error: unknown, host: ArgumentsHost): Observable<never> {
    const context = host
      .switchToRpc()
      .getContext<{ correlationId?: unknown; delivery?: unknown } | undefined>();
    // An event handler's error goes to the consumer, which retries and dead-letters with its message;
    // turning it into a bare 500 here would hide the reason there.
    if (context && 'delivery' in context) return throwError(() => error);
    const correlationId = typeof context?.correlationId === 'string' ? context.correlationId : 'unknown';
    const problem: ProblemDetails = isProblemDetails(error) ? error : this.problemOf(error, correlationId);
    if (problem.status >= 500) {
      this.logger.error(
        `Message handler failed [${correlationId}]`,
        error instanceof Error ? error.stack : String(error),
      );
    }
    return throwError(() => problem);
  }
}
