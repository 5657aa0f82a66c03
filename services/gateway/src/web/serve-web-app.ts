import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { securityHeaders } from '../http/security-headers';
import { NOT_BUILT_PAGE } from './not-built.page';
import {
  IMMUTABLE_CACHE_CONTROL,
  REVALIDATE_CACHE_CONTROL,
  WEB_APP_CONTENT_SECURITY_POLICY,
} from './web-app.headers';
import { ContentEncoding, WebDist, WebFile } from './web-dist';

/** First path segments that belong to the server, never to the web app. */
const SERVER_SEGMENTS = new Set(['api', 'health', 'abmelden']);
const ASSETS_SEGMENT = 'assets';

/**
 * The web app for GET and HEAD: a file of the build as it is, and `index.html` for every other
 * path (the app's router decides what it shows), except under `/api/`, `/health/` and
 * `/abmelden/`, and except a missing file under `/assets/`, which is a stale or wrong link to a
 * hashed file (404, not a page served as a script). Everything it does not answer goes on to the
 * not-found handler (404 problem+json).
 */
export function serveWebApp(dist: WebDist): RequestHandler {
  // The app writes to the API with its session cookie, so its pages keep their origin in requests.
  const headers = securityHeaders({
    contentSecurityPolicy: WEB_APP_CONTENT_SECURITY_POLICY,
    referrerPolicy: 'same-origin',
  });
  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const [, first = ''] = request.path.split('/');
    if (SERVER_SEGMENTS.has(first)) return next();
    headers(request, response, (error?: unknown) => {
      if (error) return next(error);
      answer(dist, first === ASSETS_SEGMENT, request, response, next).catch(next);
    });
  };
}

async function answer(
  dist: WebDist,
  isAsset: boolean,
  request: Request,
  response: Response,
  next: NextFunction,
): Promise<void> {
  const file = await dist.file(request.path);
  if (file)
    return send(dist, file, isAsset ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL, request, response);
  if (isAsset) return next();
  const index = await dist.index();
  if (index) return send(dist, index, REVALIDATE_CACHE_CONTROL, request, response);
  response.status(503).set('Cache-Control', 'no-store').type('html').send(NOT_BUILT_PAGE);
}

async function send(
  dist: WebDist,
  file: WebFile,
  cacheControl: string,
  request: Request,
  response: Response,
): Promise<void> {
  response.set('Cache-Control', cacheControl).type(file.extension);
  const encoding = file.compressible ? preferredEncoding(request) : undefined;
  if (file.compressible) response.vary('Accept-Encoding');
  // Each encoding is a representation of its own, with a validator of its own.
  response.set('ETag', encoding ? `${file.etag.slice(0, -1)}-${encoding}"` : file.etag);
  if (request.fresh) {
    response.status(304).end();
    return;
  }
  const body = encoding ? await dist.encoded(file, encoding) : file.body;
  if (encoding) response.set('Content-Encoding', encoding);
  response.status(200).set('Content-Length', String(body.length));
  if (request.method === 'HEAD') response.end();
  else response.end(body);
}

/** Brotli where the browser takes it, else gzip, else the bytes as they are. */
function preferredEncoding(request: Request): ContentEncoding | undefined {
  if (request.acceptsEncodings('br') === 'br') return 'br';
  if (request.acceptsEncodings('gzip') === 'gzip') return 'gzip';
  return undefined;
}
