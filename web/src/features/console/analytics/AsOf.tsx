import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../../format/dates';
import { texts } from '../../../texts';
import { analyticsKeys, useAnalyticsStatus } from './analyticsApi';
import { formatPercent, pendingEvents } from './figures';

const t = texts.console.analytics.asOf;

/**
 * „Stand: …“: when the figures on the page were loaded and whether the analytics had counted all that
 * had happened by then (its projections read the services' events a few seconds behind). While they
 * catch up it asks again, and loads the figures anew once they have.
 */
export function AsOf({ loadedAt }: { readonly loadedAt: number | undefined }) {
  const status = useAnalyticsStatus();
  const queryClient = useQueryClient();
  const pending = status.data ? pendingEvents(status.data) : undefined;
  const rebuilding = status.data?.rebuild;

  const behind = pending === undefined ? undefined : pending > 0 || rebuilding !== undefined;
  const wasBehind = useRef(false);
  useEffect(() => {
    if (behind === undefined) return;
    if (wasBehind.current && !behind) {
      void queryClient.invalidateQueries({
        queryKey: analyticsKeys.all,
        predicate: (query) => query.queryKey[1] !== 'status',
      });
    }
    wasBehind.current = behind;
  }, [behind, queryClient]);

  function refresh() {
    void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
  }

  let progress: string;
  if (status.isError || pending === undefined) progress = status.isPending ? '' : t.unknown;
  else if (rebuilding)
    progress = t.rebuilding(formatPercent(rebuilding.total > 0 ? rebuilding.read / rebuilding.total : 0));
  else progress = pending > 0 ? t.behind(pending) : t.complete;

  return (
    <section className="analytics-as-of" aria-labelledby="stand">
      <h2 id="stand" className="visually-hidden">
        {t.heading}
      </h2>
      <p role="status">
        {loadedAt ? <strong>{t.asOf(formatDateTime(new Date(loadedAt).toISOString()))}</strong> : null}
        {progress ? ` ${progress}` : null}
      </p>
      <button type="button" className="button button-secondary" onClick={refresh}>
        {t.refresh}
      </button>
    </section>
  );
}
