import { useEffect, useId, useRef } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { Page } from '../../components/Page';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { MoreResults } from '../../components/MoreResults';
import { texts } from '../../texts';
import { EventCard } from './EventCard';
import { EventFilterForm } from './EventFilterForm';
import {
  activeFilterCount,
  readFilters,
  readWhen,
  searchOf,
  type EventFilters,
  type When,
} from './eventFilters';
import { useEventList, useSeatsOfOpenEvents } from './eventsApi';

const t = texts.events.listPage;

/**
 * /veranstaltungen: the coming events (or the past ones), filtered by kind, Themenfeld, Land and
 * period as the address says, page by page with „Weitere anzeigen“.
 */
export default function EventsPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const when = readWhen(params);
  const filters = readFilters(params);
  const search = searchOf(when, filters);
  const apply = (next: EventFilters) => void navigate(`/veranstaltungen${searchOf(when, next)}`);

  return (
    <Page title={t.title} lead={t.lead}>
      <nav aria-label={t.whenNavigation} className="segmented">
        <WhenLink when="upcoming" current={when} filters={filters} />
        <WhenLink when="past" current={when} filters={filters} />
      </nav>
      <ResultsAndFilters key={search} when={when} filters={filters} onApply={apply} />
    </Page>
  );
}

function WhenLink({
  when,
  current,
  filters,
}: {
  readonly when: When;
  readonly current: When;
  readonly filters: EventFilters;
}) {
  return (
    <Link
      to={`/veranstaltungen${searchOf(when, filters)}`}
      aria-current={when === current ? 'page' : undefined}
      className="segmented-link"
    >
      {when === 'upcoming' ? t.upcoming : t.past}
    </Link>
  );
}

/** Keyed by the address: going back restores that list's filters in the form. */
function ResultsAndFilters({
  when,
  filters,
  onApply,
}: {
  readonly when: When;
  readonly filters: EventFilters;
  readonly onApply: (filters: EventFilters) => void;
}) {
  // A period that ends before it begins (a changed bookmark) is not asked for; the form says why.
  const periodValid = !(filters.from && filters.to && filters.to < filters.from);
  const list = useEventList(when, filters, periodValid);
  return (
    <>
      <EventFilterForm when={when} filters={filters} listProblem={list.error} onApply={onApply} />
      {periodValid ? (
        <Results when={when} filters={filters} list={list} />
      ) : (
        <div className="notice notice-error">
          <p>{t.filters.checkFilters}</p>
        </div>
      )}
    </>
  );
}

function Results({
  when,
  filters,
  list,
}: {
  readonly when: When;
  readonly filters: EventFilters;
  readonly list: ReturnType<typeof useEventList>;
}) {
  const headingId = useId();
  const session = useSession();
  const signedIn = session.data?.signedIn === true;
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const seats = useSeatsOfOpenEvents(items, signedIn);
  const cards = useRef<HTMLUListElement>(null);
  const firstNew = useRef<number | null>(null);

  // After „Weitere anzeigen“ the focus moves to the first new event, where reading goes on.
  useEffect(() => {
    const index = firstNew.current;
    if (index === null || items.length <= index) return;
    firstNew.current = null;
    cards.current?.querySelectorAll<HTMLAnchorElement>('h3 a')[index]?.focus();
  }, [items.length]);

  return (
    <section aria-labelledby={headingId} className="event-results">
      <h2 id={headingId}>{when === 'upcoming' ? t.upcomingHeading : t.pastHeading}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError && items.length === 0 ? (
        // 400: a filter the API does not take; 422: a period that ends before it starts.
        list.error instanceof ApiProblem && (list.error.status === 400 || list.error.status === 422) ? (
          <div className="notice notice-error" role="alert">
            <p>{t.filters.checkFilters}</p>
          </div>
        ) : list.error instanceof ApiProblem && list.error.status === 401 ? (
          <SignInToSee />
        ) : (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        )
      ) : items.length === 0 ? (
        <NoEvents when={when} filters={filters} />
      ) : (
        <>
          <p className="meta" role="status">
            {t.shown(items.length)}
          </p>
          <ul className="card-list" ref={cards}>
            {items.map((event) => (
              <EventCard key={event.eventId} event={event} seats={seats.get(event.eventId)} />
            ))}
          </ul>
          <MoreResults
            pages={list}
            label={t.more}
            loadingLabel={t.loadingMore}
            onMore={() => {
              firstNew.current = items.length;
            }}
          />
        </>
      )}
    </section>
  );
}

/** Where the events are for members only: the way to sign in and come back to this list. */
function SignInToSee() {
  const location = useLocation();
  const back = `${location.pathname}${location.search}`;
  return (
    <div className="notice">
      <p>{t.signInToSee}</p>
      <p>
        <Link className="button button-primary" to={`/anmelden?weiter=${encodeURIComponent(back)}`}>
          {texts.common.nav.signIn}
        </Link>
      </p>
    </div>
  );
}

function NoEvents({ when, filters }: { readonly when: When; readonly filters: EventFilters }) {
  if (activeFilterCount(filters) > 0) {
    return (
      <Empty>
        <p>{t.emptyFiltered}</p>
        <p>
          <Link to={`/veranstaltungen${searchOf(when, {})}`}>{t.filters.reset}</Link>
        </p>
      </Empty>
    );
  }
  const other: When = when === 'upcoming' ? 'past' : 'upcoming';
  return (
    <Empty>
      <p>{when === 'upcoming' ? t.emptyUpcoming : t.emptyPast}</p>
      <p>
        <Link to={`/veranstaltungen${searchOf(other, {})}`}>
          {other === 'past' ? t.showPast : t.showUpcoming}
        </Link>
      </p>
    </Empty>
  );
}
