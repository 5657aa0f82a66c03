import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE_CORRELATION_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a caller's well-formed correlation id, otherwise mints one; never trusts arbitrary text. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && ACCEPTABLE_CORRELATION_ID.test(candidate) ? candidate : randomUUID();
}
