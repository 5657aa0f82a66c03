import { FieldError, FieldValidationException, jsonEntries } from '@ic/platform';
import { BadRequestException, HttpException } from '@nestjs/common';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The body parser's error type of a body that is not UTF-8 (see toHttpException). */
export const INVALID_UTF8 = 'encoding.invalid-utf8';

const REPLACEMENT_CHARACTER = '\ufffd';

/**
 * The body parsers' `verify`: a body declared (or defaulting to) UTF-8 must be UTF-8. Decoded as it
 * is, each bad byte would become U+FFFD and be stored and mailed in place of the letter that was meant
 * (a "ß" sent in Latin-1).
 */
export function verifyUtf8(
  _request: IncomingMessage,
  _response: ServerResponse,
  body: Buffer,
  encoding: string,
): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(body)) {
    throw Object.assign(new Error('request body is not UTF-8'), { status: 400, type: INVALID_UTF8 });
  }
}

/**
 * A 400 naming the fields that hold the bad bytes, found by decoding the body leniently: where a
 * text has U+FFFD, the body had bytes that are not UTF-8.
 */
export function invalidUtf8Exception(body: unknown): HttpException {
  const fields = Buffer.isBuffer(body) ? fieldsWithReplacements(body.toString('utf8')) : [];
  if (fields.length === 0) {
    return new BadRequestException(
      'Der Inhalt der Anfrage ist kein gültiger UTF-8-Text. Bitte senden Sie ihn in UTF-8 kodiert.',
    );
  }
  return new FieldValidationException(
    fields.map((field): FieldError => ({
      field,
      message: `${field.split('.').at(-1)} ist kein gültiger UTF-8-Text (etwa ein Umlaut aus einem anderen Zeichensatz). Bitte geben Sie den Text neu ein.`,
    })),
  );
}

function fieldsWithReplacements(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  return [...jsonEntries(parsed)]
    .filter(
      ({ key, value }) =>
        key.includes(REPLACEMENT_CHARACTER) ||
        (typeof value === 'string' && value.includes(REPLACEMENT_CHARACTER)),
    )
    .map(({ path }) => path);
}
