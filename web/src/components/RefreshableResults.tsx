import { ReactNode } from 'react';

interface RefreshableResultsProps {
  readonly headingId: string;
  readonly heading: string;
  readonly refreshLabel: string;
  /** While a load runs, the button waits for it. */
  readonly isFetching: boolean;
  readonly onRefresh: () => void;
  /** How many are shown, announced when it changes; null while there is nothing to count. */
  readonly count: string | null;
  readonly children: ReactNode;
}

/** A list of results under its heading, with a button that loads it anew (the office's lists that others change). */
export function RefreshableResults(props: RefreshableResultsProps) {
  return (
    <section aria-labelledby={props.headingId}>
      <div className="results-head">
        <h2 id={props.headingId}>{props.heading}</h2>
        <button
          type="button"
          className="button button-secondary"
          disabled={props.isFetching}
          onClick={props.onRefresh}
        >
          {props.refreshLabel}
        </button>
      </div>
      <p role="status">{props.count}</p>
      {props.children}
    </section>
  );
}
