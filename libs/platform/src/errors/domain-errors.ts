import { FieldError, ProblemDetails, problemType } from './problem-details';

/**
 * Errors a use case throws. Each knows its HTTP status and problem type, so message handlers turn
 * them into typed RPC error replies and the gateway into problem+json without a mapping table.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  abstract readonly title: string;

  constructor(
    readonly detail: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(detail);
    this.name = new.target.name;
  }

  toProblem(correlationId?: string): ProblemDetails {
    return {
      type: problemType(this.slug),
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.errors?.length ? { errors: this.errors } : {}),
      ...(correlationId ? { correlationId } : {}),
    };
  }
}

export class InvalidInputError extends DomainError {
  readonly status = 400;
  readonly slug = 'ungueltige-eingabe';
  readonly title = 'Ungültige Eingabe';
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly slug = 'nicht-angemeldet';
  readonly title = 'Anmeldung erforderlich';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly slug = 'keine-berechtigung';
  readonly title = 'Keine Berechtigung';
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly slug = 'nicht-gefunden';
  readonly title = 'Nicht gefunden';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly slug = 'konflikt';
  readonly title = 'Konflikt';
}

export class RuleViolationError extends DomainError {
  readonly status = 422;
  readonly slug = 'regel-verletzt';
  readonly title = 'Regel nicht erfüllt';

  /** `rule` names the rule that was not met, for clients that react to it (e.g. `target-group-population`). */
  constructor(
    detail: string,
    errors?: readonly FieldError[],
    readonly rule?: string,
  ) {
    super(detail, errors);
  }

  override toProblem(correlationId?: string): ProblemDetails {
    return { ...super.toProblem(correlationId), ...(this.rule ? { rule: this.rule } : {}) };
  }
}

/**
 * Too many attempts; `retryAfterSeconds` says when the next one is taken. Over HTTP it becomes the
 * `Retry-After` header as well (ProblemDetailsFilter), also when it comes from another service.
 */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly slug = 'zu-viele-anfragen';
  readonly title = 'Zu viele Anfragen';

  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }

  override toProblem(correlationId?: string): ProblemDetails {
    return { ...super.toProblem(correlationId), retryAfterSeconds: this.retryAfterSeconds };
  }
}

/** A wait in German for a message: "1 Sekunde", "45 Sekunden", "1 Minute", "15 Minuten" (rounded up). */
export function waitInGerman(seconds: number): string {
  if (seconds < 60) {
    const whole = Math.max(1, Math.ceil(seconds));
    return `${whole} ${whole === 1 ? 'Sekunde' : 'Sekunden'}`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'}`;
}

export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  readonly slug = 'dienst-nicht-verfuegbar';
  readonly title = 'Dienst nicht verfügbar';
}

export class UpstreamTimeoutError extends DomainError {
  readonly status = 504;
  readonly slug = 'zeitueberschreitung';
  readonly title = 'Zeitüberschreitung';
}

/** A problem reported by another service over Kafka, re-thrown unchanged on the caller's side. */
export class RemoteProblemError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'RemoteProblemError';
  }
}
