import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './openapi';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let csrfToken: string | undefined;

/** The session's CSRF token, sent with every write (the session cookie alone does not suffice). */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE_METHODS.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/**
 * The gateway's API, typed from its OpenAPI document (`npm run api:generate`). Same origin: the
 * session cookie goes along by itself.
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  // Looked up at each call, not bound once: component tests put a fake gateway in its place.
  fetch: (request) => globalThis.fetch(request),
});
api.use(csrf);
