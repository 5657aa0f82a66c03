import { ForbiddenError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { GatewayEnv } from '../gateway.env';

export const CSRF_HEADER = 'X-CSRF-Token';
export const CSRF_REFUSED = 'Die Anfrage konnte nicht bestätigt werden. Bitte laden Sie die Seite neu.';

const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

/**
 * Protects writes made with the session cookie against cross-site request forgery, without state:
 * the page must send `X-CSRF-Token`, an HMAC-SHA256 of the cookie's secret under a key derived
 * (HKDF) from JWT_SECRET. Only the page itself learns it (from GET /api/v1/auth/session, which other
 * sites cannot read), and it is compared in constant time. A write whose `Origin` header names
 * another site is refused as well, before anything else: the gateway's own origins are the one of
 * LINK_BASE_URL and the one the request was sent to (its scheme and Host).
 */
@Injectable()
export class CsrfProtection {
  private readonly key: Buffer;
  private readonly publicOrigin: string;

  constructor(config: ConfigService<GatewayEnv, true>) {
    this.key = Buffer.from(
      hkdfSync('sha256', config.get('JWT_SECRET', { infer: true }), 'ic-gateway', 'ic_session csrf v1', 32),
    );
    this.publicOrigin = new URL(config.get('LINK_BASE_URL', { infer: true })).origin;
  }

  /** The token a page sends with every write made with this cookie secret. */
  tokenFor(secret: string): string {
    return createHmac('sha256', this.key).update(secret).digest('base64url');
  }

  /** Refuses (403) a request sent from a page of another site (an `Origin` that is not ours). */
  assertSameOrigin(request: Request): void {
    const origin = request.headers.origin;
    if (origin === undefined) return;
    const own = [this.publicOrigin, `${request.protocol}://${request.headers.host ?? ''}`];
    if (!own.includes(origin)) throw new ForbiddenError(CSRF_REFUSED);
  }

  /** For a write authenticated by the cookie: same origin and the right token, else 403. */
  assertWriteAllowed(request: Request, secret: string): void {
    this.assertSameOrigin(request);
    const sent = request.headers[CSRF_HEADER.toLowerCase()];
    const expected = Buffer.from(this.tokenFor(secret));
    const actual = Buffer.from(typeof sent === 'string' ? sent : '');
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw new ForbiddenError(CSRF_REFUSED);
    }
  }
}
