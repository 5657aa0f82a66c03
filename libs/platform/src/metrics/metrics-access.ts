import { timingSafeEqual } from 'node:crypto';
import { NotFoundError, UnauthenticatedError } from '../errors';

/** Who may read a service's `/metrics`. */
export interface MetricsAccess {
  /** METRICS_TOKEN: when set, a scrape must send it as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /**
   * The gateway's port is the public one: without a token it serves no metrics at all. The other
   * services' ports are inside the platform's network, where Prometheus scrapes them as they are.
   */
  readonly tokenRequired: boolean;
}

export const METRICS_ACCESS = Symbol('METRICS_ACCESS');

export const MetricsAccessMessages = {
  off: 'Dieser Dienst gibt seine Messwerte nur mit einem Token heraus; es ist keines eingerichtet (METRICS_TOKEN).',
  tokenNeeded: 'Die Messwerte sind nur mit dem Token aus METRICS_TOKEN abrufbar (Authorization: Bearer …).',
} as const;

/** Throws unless the request may read the metrics (404 when they are off, 401 without the token). */
export function checkMetricsAccess(access: MetricsAccess, authorization: string | undefined): void {
  if (!access.token) {
    if (access.tokenRequired) throw new NotFoundError(MetricsAccessMessages.off);
    return;
  }
  const presented = /^Bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!presented || !sameText(presented, access.token))
    throw new UnauthenticatedError(MetricsAccessMessages.tokenNeeded);
}

function sameText(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
