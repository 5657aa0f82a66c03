import type { ReactNode } from 'react';
import { ApiProblem } from '../api/problem';
import { texts } from '../texts';

/** Shown while a page's data loads; announced politely to screen readers. */
export function Loading({ label = texts.common.loading }: { readonly label?: string }) {
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** A failed load or action in words, with a way to try again where that can help. */
export function ErrorNotice({ error, onRetry }: { readonly error: unknown; readonly onRetry?: () => void }) {
  const message = error instanceof ApiProblem ? error.summary : texts.common.problems.unexpected;
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {texts.common.retry}
        </button>
      ) : null}
    </div>
  );
}

/** Nothing to show: says so and, where there is one, what to do next. */
export function Empty({ children }: { readonly children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

/** A confirmation of something done, announced to screen readers. */
export function Success({ children }: { readonly children: ReactNode }) {
  return (
    <div className="notice notice-success" role="status">
      {children}
    </div>
  );
}
