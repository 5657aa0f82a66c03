import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { isNestedDeeperThan } from '@ic/platform';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { INVALID_UTF8, invalidUtf8Exception, verifyUtf8 } from './utf8-body';

/** The largest request body the API accepts; the biggest real one (an invitation) is a few kB. */
export const REQUEST_BODY_LIMIT_BYTES = 64 * 1024;
/**
 * The deepest JSON body accepted. The deepest real one (a forum: agenda → sessions → speakers →
 * name) has 5 levels; class-transformer and class-validator recurse once per level, and a few
 * thousand levels (which fit into 64 kB) overflow their stack.
 */
export const REQUEST_BODY_MAX_DEPTH = 32;
/** HTML forms of the e-mail link pages have two or three fields. */
const FORM_PARAMETER_LIMIT = 20;

/**
 * JSON and form bodies up to 64 kB and 32 levels, plain or compressed (gzip, deflate, br). Installed
 * before Nest's own parsers (which then stay out), and followed by an error handler that turns the
 * body parser's errors into HTTP exceptions, so the global filter answers them as problem+json (Nest
 * itself only maps malformed JSON; an oversized or corrupt compressed body would otherwise become a
 * 500).
 */
export function installBodyParsers(express: NestExpressApplication): void {
  express.useBodyParser('json', { limit: REQUEST_BODY_LIMIT_BYTES, verify: verifyUtf8 });
  express.useBodyParser('urlencoded', {
    limit: REQUEST_BODY_LIMIT_BYTES,
    verify: verifyUtf8,
    extended: false,
    parameterLimit: FORM_PARAMETER_LIMIT,
  });
  express.use(mapBodyParserError);
  express.use(refuseDeepBodies);
}

/** What body-parser passes on: an http-errors error, with a `type` where body-parser named the case. */
interface BodyParserError {
  readonly status: number;
  readonly expose: boolean;
  readonly type?: string;
  readonly charset?: string;
  readonly encoding?: string;
  /** The raw body, on an error of `verify`. */
  readonly body?: unknown;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Record<string, unknown>;
  return typeof candidate.status === 'number' && typeof candidate.expose === 'boolean';
}

/** Express error middleware (four parameters) between the body parsers and the routes. */
export function mapBodyParserError(
  error: unknown,
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  next(isBodyParserError(error) ? toHttpException(error, request.headers['content-encoding']) : error);
}

export function toHttpException(error: BodyParserError, contentEncoding?: string): HttpException {
  const limitKb = REQUEST_BODY_LIMIT_BYTES / 1024;
  switch (error.type) {
    case 'entity.too.large':
      return new PayloadTooLargeException(
        `Die Anfrage ist zu groß. Erlaubt sind höchstens ${limitKb} kB im Inhalt der Anfrage.`,
      );
    case 'parameters.too.many':
      return new PayloadTooLargeException('Das Formular enthält zu viele Felder.');
    case 'entity.parse.failed':
      return new BadRequestException(
        'Der Inhalt der Anfrage ist kein gültiges JSON. Bitte prüfen Sie Klammern, Anführungszeichen und Kommas.',
      );
    case INVALID_UTF8:
      return invalidUtf8Exception(error.body);
    case 'charset.unsupported':
      return new UnsupportedMediaTypeException(
        `Der Zeichensatz „${error.charset ?? ''}“ wird nicht unterstützt. Bitte senden Sie UTF-8.`,
      );
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeException(
        `Die Kodierung „${error.encoding ?? contentEncoding ?? ''}“ (Content-Encoding) wird nicht unterstützt. ` +
          'Bitte senden Sie den Inhalt unkomprimiert oder mit gzip, deflate oder br komprimiert.',
      );
    case undefined:
      // Without a type, the error came from the stream: zlib could not unpack the body.
      if (contentEncoding && contentEncoding !== 'identity')
        return new BadRequestException(
          `Der Inhalt der Anfrage lässt sich nicht entpacken, obwohl er als „${contentEncoding}“ komprimiert ` +
            'angegeben ist (Content-Encoding). Bitte senden Sie ihn vollständig und richtig komprimiert, oder ' +
            'unkomprimiert ohne diesen Header.',
        );
  }
  return new HttpException(
    'Der Inhalt der Anfrage kann nicht gelesen werden.',
    error.status >= 400 && error.status < 500 ? error.status : 400,
  );
}

/** Express middleware after the body parsers: a JSON body deeper than the limit goes no further. */
export function refuseDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  if (!isNestedDeeperThan(request.body, REQUEST_BODY_MAX_DEPTH)) return next();
  next(
    new BadRequestException(
      `Der Inhalt der Anfrage ist zu tief verschachtelt: erlaubt sind höchstens ${REQUEST_BODY_MAX_DEPTH} ` +
        'Ebenen von Objekten und Listen. Bitte senden Sie die Felder so, wie die API-Dokumentation sie beschreibt.',
    ),
  );
}
