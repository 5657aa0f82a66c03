import type { ContentSecurityPolicy } from '../http/security-headers';

/**
 * The policy of everything the web app serves. The app is built by Vite into files of this origin
 * only: no inline script or style, no other origin, no framing; its API calls go to `/api/v1` of
 * the same origin.
 */
export const WEB_APP_CONTENT_SECURITY_POLICY: ContentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

/** Hashed file names (`/assets/index-B1x2y3z4.js`) never change their content. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** `index.html` and the unhashed files: the browser asks again each time (304 while unchanged). */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';
