import { ClosedObject, Shape, Type } from '@ic/contracts';

/** A field's refusal as the API document shows it in its examples. */
export const EXAMPLE_FIELD_ERROR = {
  field: 'municipality.ags',
  message: 'ags muss der 8-stellige Amtliche Gemeindeschlüssel sein (beginnend mit 01 bis 16)',
} as const;

export const EXAMPLE_CORRELATION_ID = '3f1c2b8a-0f6f-4d7e-9a51-5b0f7a523c1e';

export const fieldErrorSchema = ClosedObject({
  /** Dotted path of the offending field, e.g. `address.postalCode`. */
  field: Type.String({ example: EXAMPLE_FIELD_ERROR.field }),
  message: Type.String({ example: EXAMPLE_FIELD_ERROR.message }),
});
export type FieldError = Shape<typeof fieldErrorSchema>;

/** RFC 9457 problem details, as sent to web clients and carried in RPC error replies. */
export const problemDetailsSchema = ClosedObject({
  type: Type.String({ example: 'https://innovators-club.de/probleme/ungueltige-eingabe' }),
  title: Type.String({ example: 'Ungültige Eingabe' }),
  status: Type.Number({ example: 400 }),
  detail: Type.Optional(Type.String({ example: 'Die Anfrage enthält ungültige Felder: municipality.ags.' })),
  instance: Type.Optional(Type.String({ example: '/api/v1/invitations' })),
  correlationId: Type.Optional(Type.String({ example: EXAMPLE_CORRELATION_ID })),
  errors: Type.Optional(Type.Array(fieldErrorSchema, { description: 'Bei 400: jedes ungültige Feld' })),
  /** With 422: the name of the rule that was not met, e.g. `target-group-population`. */
  rule: Type.Optional(
    Type.String({
      example: 'target-group-population',
      description: 'Bei 422, wo sie einen Namen hat: die nicht erfüllte Regel',
    }),
  ),
  /** With 429: seconds until the next attempt is taken, as in the `Retry-After` header. */
  retryAfterSeconds: Type.Optional(
    Type.Number({
      example: 4,
      description: 'Bei 429: Sekunden bis zum nächsten möglichen Versuch, wie im Header `Retry-After`',
    }),
  ),
});
export type ProblemDetails = Shape<typeof problemDetailsSchema>;

export const PROBLEM_JSON = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://innovators-club.de/probleme/';

export function problemType(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.type === 'string' &&
    typeof candidate.title === 'string' &&
    typeof candidate.status === 'number'
  );
}
