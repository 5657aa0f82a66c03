import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { withCorrelationId } from '../logging/log-context';
import { CORRELATION_HEADER, correlationIdFrom } from './correlation';

/**
 * Gives every HTTP request a correlation id, echoed in the response, carried into Kafka requests and
 * named in every log line written while the request is handled.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(request: Request & { correlationId?: string }, response: Response, next: NextFunction): void {
    request.correlationId = correlationIdFrom(request.headers[CORRELATION_HEADER]);
    response.setHeader(CORRELATION_HEADER, request.correlationId);
    withCorrelationId(request.correlationId, next);
  }
}
