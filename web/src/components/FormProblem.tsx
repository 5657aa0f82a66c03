import { useEffect, useRef } from 'react';
import { ApiProblem } from '../api/problem';
import { texts } from '../texts';

/**
 * Above a form after a refused submit: what went wrong in words and, for field errors, a link to
 * each field's message; takes the focus so that a screen reader reads it at once.
 */
export function FormProblem({ error }: { readonly error: unknown }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) box.current?.focus();
  }, [error]);
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : undefined;
  const fieldCount = new Set(problem?.fieldErrors.map((fieldError) => fieldError.field)).size;
  // With field errors the summary only lists the fields by their API names („phone“): the marked
  // fields say it in words.
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1} ref={box}>
      {fieldCount > 0 ? (
        <p>{texts.common.formHasErrors(fieldCount)}</p>
      ) : (
        <p>{problem ? problem.summary : texts.common.problems.unexpected}</p>
      )}
    </div>
  );
}
