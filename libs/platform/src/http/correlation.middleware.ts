import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, correlationIdFrom } from './correlation';

/** Gives every HTTP request a correlation id, echoed in the response and carried into Kafka requests. */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(request: Request & { correlationId?: string }, response: Response, next: NextFunction): void {
    request.correlationId = correlationIdFrom(request.headers[CORRELATION_HEADER]);
    response.setHeader(CORRELATION_HEADER, request.correlationId);
    next();
  }
}
