import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** Content-Security-Policy directives as helmet takes them: name → sources. */
export type ContentSecurityPolicy = Readonly<Record<string, readonly string[]>>;

/** What every policy of the gateway says: no framing (clickjacking), no `<base>` of another origin. */
const NEVER: ContentSecurityPolicy = { 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"] };

/** API answers (JSON, files, calendars) are never pages: nothing in them may load or run anything. */
export const API_CONTENT_SECURITY_POLICY: ContentSecurityPolicy = {
  ...NEVER,
  'default-src': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * Swagger UI at `/api/docs`: its scripts and stylesheet come from this origin, "Try it out" calls
 * this origin. Its page (the template of @nestjs/swagger) has inline `<style>` blocks and a style
 * attribute, so styles may be inline; scripts may not, which is what keeps a token typed into
 * "Authorize" from being read by injected code. Icons are data: URLs.
 */
export const SWAGGER_UI_CONTENT_SECURITY_POLICY: ContentSecurityPolicy = {
  ...NEVER,
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'form-action': ["'none'"],
};

export interface SecurityHeaderPolicy {
  readonly contentSecurityPolicy: ContentSecurityPolicy;
  /**
   * `no-referrer` unless the page writes to the API: with it, browsers send `Origin: null` on a
   * POST, which the CSRF check refuses as another site's; `same-origin` keeps the origin and still
   * tells no other site where a person came from.
   */
  readonly referrerPolicy?: 'no-referrer' | 'same-origin';
}

/**
 * helmet with the gateway's choices: the given Content-Security-Policy alone (none of helmet's
 * defaults mixed in), no framing, `nosniff`, no Referer to other sites, cross-origin isolation of
 * windows and resources. No Strict-Transport-Security: the gateway speaks plain HTTP behind the
 * proxy that ends TLS, and that proxy knows which hosts of the domain are HTTPS only.
 */
export function securityHeaders(policy: SecurityHeaderPolicy): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: policy.contentSecurityPolicy },
    referrerPolicy: { policy: policy.referrerPolicy ?? 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
  });
}

/** Neither the browser nor a proxy keeps an API answer: tokens and personal data live only in the page. */
function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

export interface SecurityHeaderAreas {
  /** `/api/v1`: answers no-store, unless a route sets its own Cache-Control (the public calendar feed). */
  readonly api: string;
  /** Swagger UI and its files. */
  readonly docs: string;
  /** Pages the gateway renders itself, with their policy. */
  readonly pages: { readonly path: string; readonly contentSecurityPolicy: ContentSecurityPolicy };
}

/**
 * Installed first, so that every answer carries the headers, problems and body-parser errors too;
 * an area's policy replaces the one of the API. The web app, which answers after all routes, sets
 * its own with `securityHeaders` (see serveWebApp).
 */
export function installSecurityHeaders(express: NestExpressApplication, areas: SecurityHeaderAreas): void {
  express.use(securityHeaders({ contentSecurityPolicy: API_CONTENT_SECURITY_POLICY }));
  express.use(areas.api, noStore);
  express.use(
    areas.docs,
    securityHeaders({
      contentSecurityPolicy: SWAGGER_UI_CONTENT_SECURITY_POLICY,
      referrerPolicy: 'same-origin',
    }),
  );
  express.use(
    areas.pages.path,
    securityHeaders({ contentSecurityPolicy: areas.pages.contentSecurityPolicy }),
  );
}
