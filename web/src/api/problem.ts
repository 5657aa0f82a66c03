import { texts } from '../texts';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * A refused or failed request as the person should hear it: the gateway's problem+json (RFC 9457,
 * German `title`/`detail`, field errors naming the field) or, without an answer, a German notice.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly fieldErrors: readonly FieldProblem[] = [],
    readonly rule?: string,
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }

  /** The messages for one field (`email`, `delegation.0.name`), joined for the field's error text. */
  messageFor(field: string): string | undefined {
    const messages = this.fieldErrors.filter((error) => error.field === field).map((error) => error.message);
    return messages.length > 0 ? messages.join(' ') : undefined;
  }

  /** What to say at the top of a form or page: the detail, else the title. */
  get summary(): string {
    return this.detail ?? this.title;
  }
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
  rule?: unknown;
}

export function problemOf(body: unknown, response: Pick<Response, 'status'>): ApiProblem {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemBody;
  const title = typeof problem.title === 'string' ? problem.title : fallbackTitle(response.status);
  const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  const errors = Array.isArray(problem.errors)
    ? problem.errors.filter(
        (error): error is FieldProblem =>
          typeof error === 'object' &&
          error !== null &&
          typeof (error as FieldProblem).field === 'string' &&
          typeof (error as FieldProblem).message === 'string',
      )
    : [];
  return new ApiProblem(
    response.status,
    title,
    detail,
    errors,
    typeof problem.rule === 'string' ? problem.rule : undefined,
  );
}

function fallbackTitle(status: number): string {
  if (status === 401) return texts.common.problems.signInRequired;
  if (status === 403) return texts.common.problems.forbidden;
  if (status === 404) return texts.common.problems.notFound;
  if (status === 429) return texts.common.problems.tooMany;
  if (status === 503 || status === 504) return texts.common.problems.unavailable;
  return texts.common.problems.unexpected;
}

/** The result of an openapi-fetch call: data when the answer was 2xx, the problem otherwise. */
interface FetchResult<D> {
  readonly data?: D;
  readonly error?: unknown;
  readonly response: Response;
}

/** Awaits an API call and returns its data, or throws the ApiProblem a page can show. */
export async function unwrap<D>(request: Promise<FetchResult<D>>): Promise<D> {
  let result: FetchResult<D>;
  try {
    result = await request;
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw new ApiProblem(0, texts.common.problems.offline, undefined);
  }
  if (!result.response.ok) throw problemOf(result.error, result.response);
  return result.data as D;
}
