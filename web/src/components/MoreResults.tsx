import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { ErrorNotice } from './States';

type Pages = Pick<
  UseInfiniteQueryResult,
  'hasNextPage' | 'isFetchingNextPage' | 'isFetchNextPageError' | 'error' | 'fetchNextPage'
>;

interface MoreResultsProps {
  /** The list's paged query. */
  readonly pages: Pages;
  /** „Weitere anzeigen“ and its wording while the next page loads. */
  readonly label: string;
  readonly loadingLabel: string;
  /** Before the next page is asked for, e.g. to remember where the focus goes when it arrives. */
  readonly onMore?: () => void;
}

/**
 * Under a paged list: the button for the next page, or why it could not be loaded with „Erneut
 * versuchen“. While it loads the button stays focusable (aria-disabled): a keyboard user keeps
 * their place.
 */
export function MoreResults({ pages, label, loadingLabel, onMore }: MoreResultsProps) {
  if (pages.isFetchNextPageError) {
    return <ErrorNotice error={pages.error} onRetry={() => void pages.fetchNextPage()} />;
  }
  if (!pages.hasNextPage) return null;
  return (
    <div className="button-row">
      <button
        type="button"
        className="button button-secondary"
        aria-disabled={pages.isFetchingNextPage || undefined}
        onClick={() => {
          if (pages.isFetchingNextPage) return;
          onMore?.();
          void pages.fetchNextPage();
        }}
      >
        {pages.isFetchingNextPage ? loadingLabel : label}
      </button>
    </div>
  );
}
