/** RFC 9457 problem details, as sent to web clients and carried in RPC error replies. */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `address.postalCode`. */
  readonly field: string;
  readonly message: string;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly correlationId?: string;
  readonly errors?: readonly FieldError[];
  /** With 422: the name of the rule that was not met, e.g. `target-group-population`. */
  readonly rule?: string;
  /** With 429: seconds until the next attempt is taken, as in the `Retry-After` header. */
  readonly retryAfterSeconds?: number;
}

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
