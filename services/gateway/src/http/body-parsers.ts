import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { INVALID_UTF8, invalidUtf8Exception, verifyUtf8 } from './utf8-body';

/** The largest request body the API accepts; the biggest real one (an invitation) is a few kB. */
export const REQUEST_BODY_LIMIT_BYTES = 64 * 1024;
/** HTML forms of the e-mail link pages have two or three fields. */
const FORM_PARAMETER_LIMIT = 20;

/**
 * JSON and form bodies up to 64 kB. Installed before Nest's own parsers (which then stay out), and
 * followed by an error handler that turns the body parser's errors into HTTP exceptions, so the
 * global filter answers them as problem+json (Nest itself only maps malformed JSON; an oversized
 * body would otherwise become a 500).
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
}

interface BodyParserError {
  readonly status: number;
  readonly type: string;
  /** The raw body, on an error of `verify`. */
  readonly body?: unknown;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Record<string, unknown>;
  return typeof candidate.status === 'number' && typeof candidate.type === 'string';
}

/** Express error middleware (four parameters) between the body parsers and the routes. */
export function mapBodyParserError(
  error: unknown,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  next(isBodyParserError(error) ? toHttpException(error) : error);
}

export function toHttpException(error: BodyParserError): HttpException {
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
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeException(
        'Der Zeichensatz oder die Kodierung der Anfrage wird nicht unterstützt. Bitte senden Sie UTF-8.',
      );
    default:
      return new HttpException(
        'Der Inhalt der Anfrage kann nicht gelesen werden.',
        error.status >= 400 && error.status < 500 ? error.status : 400,
      );
  }
}
