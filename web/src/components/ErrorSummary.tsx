import { useEffect, useRef } from 'react';
import type { FieldProblem } from '../api/problem';

interface ErrorSummaryProps {
  /** What went wrong as a whole, e.g. „Bitte korrigieren Sie die 3 markierten Angaben.“ */
  readonly heading: string;
  /** The field errors, each with the API's path of its field (`sessions.2.title`). */
  readonly problems: readonly FieldProblem[];
  /** Says how to name a field in the list, e.g. „Programmpunkt 3: Titel“. */
  readonly fieldName: (field: string) => string;
}

/**
 * Above a refused form: the problem and every field error as a link that moves the focus to its
 * field (the input with `data-field="<path>"`, else the closest one whose path starts with it).
 * Takes the focus when it appears, so that a screen reader reads it at once.
 */
export function ErrorSummary({ heading, problems, fieldName }: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [problems]);
  const focusField = (field: string) => {
    const all = [...document.querySelectorAll<HTMLElement>('[data-field]')];
    const target =
      all.find((element) => element.dataset.field === field) ??
      all.find((element) => (element.dataset.field ?? '').startsWith(`${field}.`)) ??
      all.find((element) => field.startsWith(`${element.dataset.field ?? '\u0000'}.`));
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  };
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${problem.field}|${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <div className="notice notice-error error-summary" role="alert" tabIndex={-1} ref={box}>
      <p>{heading}</p>
      {unique.length > 0 ? (
        <ul>
          {unique.map((problem) => (
            <li key={`${problem.field}|${problem.message}`}>
              <a
                href={`#${problem.field}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(problem.field);
                }}
              >
                {fieldName(problem.field)}: {problem.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
