import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { GatewayEnv } from '../gateway.env';

/** The cookie's name over plain HTTP (the local run, tests). */
export const SESSION_COOKIE = 'ic_session';
/**
 * Over HTTPS: the `__Host-` prefix makes browsers accept the cookie only with `Secure`, `Path=/`
 * and no `Domain`, so no other host (a subdomain, a plain-HTTP page) can set or overwrite it.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** 32 random bytes, base64url: what the cookie holds. */
const SESSION_SECRET = /^[A-Za-z0-9_-]{43}$/;

export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The membership service knows a session only by this hash of its secret (SHA-256, hex). */
export function hashSessionSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * The browser's session cookie: httpOnly (no script reads it), `SameSite=Lax` (not sent with
 * requests other sites make, except top-level navigations), `Path=/`. Whether the portal is served
 * over HTTPS follows from LINK_BASE_URL, the address people open (the gateway itself may sit behind
 * a proxy that ends TLS): `https://…` gives `__Host-ic_session` with `Secure`, anything else
 * `ic_session` without it. Only the cookie of that name is read.
 */
@Injectable()
export class BrowserSessionCookie {
  readonly name: string;
  readonly secure: boolean;

  constructor(config: ConfigService<GatewayEnv, true>) {
    this.secure = /^https:/i.test(config.get('LINK_BASE_URL', { infer: true }));
    this.name = this.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  }

  /** The secret in the request's cookie, or undefined when there is none that could be one of ours. */
  secretOf(request: Request): string | undefined {
    const header = request.headers.cookie;
    if (!header) return undefined;
    for (const pair of header.split(';')) {
      const separator = pair.indexOf('=');
      if (separator < 0 || pair.slice(0, separator).trim() !== this.name) continue;
      const value = pair.slice(separator + 1).trim();
      if (SESSION_SECRET.test(value)) return value;
    }
    return undefined;
  }

  /** Sets (or renews) the cookie until the session's end. */
  set(response: Response, secret: string, expiresAt: string, now = Date.now()): void {
    const maxAge = Math.max(0, Math.floor((new Date(expiresAt).getTime() - now) / 1000));
    response.append('Set-Cookie', this.serialize(secret, maxAge));
  }

  /** Tells the browser to drop the cookie. */
  clear(response: Response): void {
    response.append('Set-Cookie', this.serialize('', 0));
  }

  private serialize(value: string, maxAgeSeconds: number): string {
    const attributes = [`Max-Age=${maxAgeSeconds}`, 'Path=/', 'HttpOnly'];
    if (this.secure) attributes.push('Secure');
    attributes.push('SameSite=Lax');
    return [`${this.name}=${value}`, ...attributes].join('; ');
  }
}
