import { SendOptions } from '@ic/messaging/client';
import { InvalidInputError } from '@ic/platform';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IDEMPOTENCY_KEY_HEADER } from './api-docs';
import { GatewayRequest } from './gateway-request';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const INVALID_KEY = `Der Header ${IDEMPOTENCY_KEY_HEADER} muss 8 bis 100 Zeichen aus A–Z, a–z, 0–9, _ und - enthalten.`;

/**
 * The client's Idempotency-Key, checked, or a fresh key: every write reaches its service with a key,
 * so that a request delivered twice on its way (a retry, a rebalance) acts once.
 */
export function idempotencyKeyFrom(header: string | string[] | undefined): string {
  if (header === undefined) return randomUUID();
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) {
    throw new InvalidInputError(INVALID_KEY, [{ field: IDEMPOTENCY_KEY_HEADER, message: INVALID_KEY }]);
  }
  return header;
}

/** What every request to a service carries: the caller's identity, the correlation id and, for writes, a key. */
export function callContextOf(
  request: Pick<GatewayRequest, 'method' | 'headers' | 'identity' | 'correlationId'>,
): SendOptions {
  if (!request.identity)
    throw new Error('No caller identity on the request: the AuthenticationGuard did not run');
  const header = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  return {
    identity: request.identity,
    ...(request.correlationId ? { correlationId: request.correlationId } : {}),
    ...(WRITE_METHODS.has(request.method) ? { idempotencyKey: idempotencyKeyFrom(header) } : {}),
  };
}

/** Parameter decorator: the SendOptions for `rpc.send` of this HTTP request. */
export const CallContext = createParamDecorator((_data: unknown, context: ExecutionContext): SendOptions =>
  callContextOf(context.switchToHttp().getRequest<GatewayRequest>()),
);
