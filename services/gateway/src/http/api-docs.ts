import {
  ConflictError,
  EXAMPLE_CORRELATION_ID,
  EXAMPLE_FIELD_ERROR,
  fieldErrorSchema,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PROBLEM_JSON,
  ProblemDetails,
  problemDetailsSchema,
  RuleViolationError,
  ServiceUnavailableError,
  toProblem,
  TooManyRequestsError,
  UpstreamTimeoutError,
} from '@ic/platform';
import {
  applyDecorators,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBody, ApiHeader, ApiResponse } from '@nestjs/swagger';
import { AccessTokenRejectedError } from '../auth/access-token.verifier';
import { ApiSchemaParts, componentRef } from './api-replies';

const PROBLEM_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Ungültige Eingabe; `errors` nennt jedes Feld (auch Pfad-Parameter und Header).',
  401: 'Nicht oder nicht mehr angemeldet (fehlendes, ungültiges, abgelaufenes oder abgemeldetes Token).',
  403:
    'Angemeldet, aber ohne die nötige Rolle; oder eine schreibende Anfrage mit dem Sitzungs-Cookie ohne gültigen ' +
    'Header `X-CSRF-Token` oder von einer fremden Seite (`Origin`).',
  404: 'Nicht gefunden.',
  409: 'Widerspricht dem aktuellen Stand (z. B. schon Mitglied oder schon eingeladen).',
  413: 'Der Inhalt der Anfrage ist zu groß (JSON höchstens 64 kB, Dateien höchstens 20 MB).',
  415: 'Dieser Dateityp oder Inhaltstyp wird nicht angenommen.',
  422: 'Eine Regel ist nicht erfüllt (z. B. Link abgelaufen oder schon verwendet).',
  429: 'Zu viele Anfragen; `Retry-After` nennt die Wartezeit in Sekunden.',
  503: 'Ein Dienst ist gerade nicht erreichbar.',
  504: 'Ein Dienst hat nicht rechtzeitig geantwortet.',
};

/** One answer per status as the gateway gives it, built by the errors that give it. */
const PROBLEM_EXAMPLES: Readonly<Record<number, ProblemDetails>> = Object.fromEntries(
  [
    new InvalidInputError('Die Anfrage enthält ungültige Felder: municipality.ags.', [EXAMPLE_FIELD_ERROR]),
    new AccessTokenRejectedError('missing'),
    new ForbiddenError('Diese Funktion steht nur der Geschäftsstelle zur Verfügung.'),
    new NotFoundError('Diese Veranstaltung gibt es nicht.'),
    new HttpException('/api/v1/status kann nicht mit DELETE aufgerufen werden. Erlaubt: GET, HEAD.', 405),
    new ConflictError('Für diese E-Mail-Adresse besteht bereits eine offene Einladung.'),
    new PayloadTooLargeException(
      'Die Anfrage ist zu groß. Erlaubt sind höchstens 64 kB im Inhalt der Anfrage.',
    ),
    new UnsupportedMediaTypeException(
      'Dateityp text/plain nicht erlaubt. Erlaubt sind PDF, PNG, JPEG, DOCX, PPTX und XLSX.',
    ),
    new RuleViolationError(
      'Die Anmeldung zu dieser Veranstaltung ist geschlossen.',
      undefined,
      'registration-closed',
    ),
    new TooManyRequestsError(
      'Von Ihrer Verbindung kamen zu viele Anfragen nach Anmeldelinks. Bitte versuchen Sie es in 10 Minuten erneut.',
      600,
    ),
    new ServiceUnavailableError(
      'Die Nachrichtenvermittlung ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
    ),
    new UpstreamTimeoutError(
      'Der Dienst „events“ hat nicht innerhalb von 5 Sekunden geantwortet. Bitte versuchen Sie es erneut.',
    ),
  ].map((error) => {
    const problem = toProblem(error, EXAMPLE_CORRELATION_ID);
    return [problem.status, problem];
  }),
);

/** Documents error answers as application/problem+json with the problem details' schema (ProblemResponse). */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiSchemaParts({ ProblemResponse: problemDetailsSchema, FieldErrorResponse: fieldErrorSchema }),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Fehler',
        content: {
          [PROBLEM_JSON]: {
            schema: componentRef('ProblemResponse'),
            ...(PROBLEM_EXAMPLES[status] ? { example: PROBLEM_EXAMPLES[status] } : {}),
          },
        },
      }),
    ),
  );
}

/**
 * The request body with whole examples; the first is what „Try it out“ fills in. Needed where the
 * fields' own examples, all put together, make a request the service refuses.
 */
export function ApiRequestExamples<T>(
  type: abstract new () => T,
  examples: Record<string, { readonly summary: string; readonly value: T }>,
): MethodDecorator {
  return ApiBody({ type, examples });
}

/** Errors every call through Kafka can end with. */
export const ApiUpstreamProblems = (): MethodDecorator & ClassDecorator => ApiProblems(503, 504);

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Write operations take an optional Idempotency-Key, so that a client's retry acts once. */
export function ApiIdempotencyKey(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Macht eine Wiederholung derselben Anfrage wirkungslos: dieselbe Antwort, keine zweite Wirkung. ' +
        '8–100 Zeichen aus A–Z, a–z, 0–9, _ und -; ohne Header vergibt das Gateway einen eigenen.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' },
    }),
    // 422: the key was used before for a request of other content.
    ApiProblems(400, 413, 422),
  );
}
