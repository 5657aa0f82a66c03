import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, RemoteProblemError } from './domain-errors';
import { FieldError, ProblemDetails, problemType } from './problem-details';

const INTERNAL_ERROR_DETAIL =
  'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut und nennen Sie bei Rückfragen die Korrelations-ID.';

const TITLES_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'Ungültige Eingabe',
  401: 'Anmeldung erforderlich',
  403: 'Keine Berechtigung',
  404: 'Nicht gefunden',
  405: 'Methode nicht erlaubt',
  409: 'Konflikt',
  413: 'Anfrage zu groß',
  415: 'Nicht unterstützter Medientyp',
  422: 'Regel nicht erfüllt',
  429: 'Zu viele Anfragen',
  503: 'Dienst nicht verfügbar',
  504: 'Zeitüberschreitung',
};

/** Our ValidationPipe throws this, carrying field errors (see createValidationPipe). */
export class FieldValidationException extends HttpException {
  constructor(readonly fieldErrors: readonly FieldError[]) {
    super('Validation failed', HttpStatus.BAD_REQUEST);
  }
}

/**
 * Maps anything thrown to problem details. Unknown errors become a 500 that reveals nothing but the
 * correlation id; the caller logs the original.
 */
export function toProblem(error: unknown, correlationId: string): ProblemDetails {
  if (error instanceof DomainError) return error.toProblem(correlationId);
  if (error instanceof RemoteProblemError) return { ...error.problem, correlationId };
  if (error instanceof FieldValidationException) {
    const fields = error.fieldErrors.map((e) => e.field).join(', ');
    return {
      type: problemType('ungueltige-eingabe'),
      title: 'Ungültige Eingabe',
      status: 400,
      detail: `Die Anfrage enthält ungültige Felder: ${fields}.`,
      errors: error.fieldErrors,
      correlationId,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status < 500) {
      return {
        type: problemType(`http-${status}`),
        title: TITLES_BY_STATUS[status] ?? 'Anfrage nicht möglich',
        status,
        detail: httpExceptionDetail(error),
        correlationId,
      };
    }
  }
  return {
    type: problemType('interner-fehler'),
    title: 'Interner Fehler',
    status: 500,
    detail: INTERNAL_ERROR_DETAIL,
    correlationId,
  };
}

/** The router's answer to a path no route has: „Cannot GET /api/v1/nirgends“. */
const NO_ROUTE = /^Cannot ([A-Z]+) (.+)$/;

function httpExceptionDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message !== 'string') return error.message;
  const noRoute = error.getStatus() === 404 ? NO_ROUTE.exec(message) : null;
  return noRoute
    ? `Unter ${noRoute[2]} gibt es nichts (${noRoute[1]}). Bitte prüfen Sie die Adresse.`
    : message;
}
