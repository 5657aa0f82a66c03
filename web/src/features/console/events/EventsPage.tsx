import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../../components/Fields';
import { Page } from '../../../components/Page';
import { Empty, ErrorNotice, Loading } from '../../../components/States';
import { texts } from '../../../texts';
import { germanDay, parseDay } from '../../events/eventFilters';
import type { EventSummary } from '../../events/eventTypes';
import { kindWords, periodWords, shortDateTime } from '../../events/eventWords';
import {
  consoleSearchOf,
  hasFilters,
  KINDS,
  PARAMS,
  readConsoleFilters,
  STATUS_PARAM,
  STATUSES,
  type ConsoleEventFilters,
} from './consoleEventFilters';
import { useConsoleEventList, useStatsOfEvents, type StatsState } from './consoleEventsApi';
import { StateBadge } from './StateBadge';

const t = texts.console.events.list;
const words = texts.console.events;

export const CONSOLE_EVENTS = '/geschaeftsstelle/veranstaltungen';

/** /geschaeftsstelle/veranstaltungen: every event as the office sees it, filtered, with its fill. */
export default function EventsPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filters = readConsoleFilters(params);
  const list = useConsoleEventList(filters);
  const events = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page title={t.title} lead={t.lead}>
      <NewEvent />
      <FilterForm
        key={consoleSearchOf(filters)}
        filters={filters}
        onApply={(next) => void navigate(`${CONSOLE_EVENTS}${consoleSearchOf(next)}`)}
      />
      {list.isPending ? (
        <Loading label={t.loading} />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : events.length === 0 ? (
        <Empty>
          <p>{hasFilters(filters) ? t.emptyFiltered : t.empty}</p>
          {hasFilters(filters) ? (
            <p>
              <Link to={CONSOLE_EVENTS}>{t.filters.reset}</Link>
            </p>
          ) : null}
        </Empty>
      ) : (
        <>
          <EventTable events={events} more={list.hasNextPage} />
          {list.hasNextPage ? (
            <p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? t.loadingMore : t.more}
              </button>
            </p>
          ) : null}
        </>
      )}
    </Page>
  );
}

function NewEvent() {
  const n = t.newEvent;
  return (
    <section aria-labelledby="neue-veranstaltung" className="console-new-event">
      <h2 id="neue-veranstaltung">{n.heading}</h2>
      <ul className="button-row console-new-event-kinds">
        <li>
          <Link className="button button-primary" to={`${CONSOLE_EVENTS}/neu/deutschlandforum`}>
            {n.forum}
          </Link>
        </li>
        <li>
          <Link className="button button-primary" to={`${CONSOLE_EVENTS}/neu/innovators-lounge`}>
            {n.lounge}
          </Link>
        </li>
        <li>
          <Link className="button button-primary" to={`${CONSOLE_EVENTS}/neu/kommunalzirkel`}>
            {n.circle}
          </Link>
        </li>
      </ul>
    </section>
  );
}

interface DateErrors {
  from?: string;
  to?: string;
}

function FilterForm({
  filters,
  onApply,
}: {
  readonly filters: ConsoleEventFilters;
  readonly onApply: (filters: ConsoleEventFilters) => void;
}) {
  const f = t.filters;
  const [errors, setErrors] = useState<DateErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const name of [PARAMS.kind, PARAMS.status, PARAMS.when]) {
      const value = data.get(name);
      if (typeof value === 'string' && value !== '') params.set(name, value);
    }
    const found: DateErrors = {};
    for (const [key, name] of [
      ['from', PARAMS.from],
      ['to', PARAMS.to],
    ] as const) {
      const value = data.get(name);
      if (typeof value !== 'string' || value.trim() === '') continue;
      const day = parseDay(value);
      if (day) params.set(name, day);
      else found[key] = f.invalidDate;
    }
    const next = readConsoleFilters(params);
    if (!found.to && next.from && next.to && next.to < next.from) found.to = f.toBeforeFrom;
    setErrors(found);
    if (found.from || found.to) {
      const first = form.elements.namedItem(found.from ? PARAMS.from : PARAMS.to);
      if (first instanceof HTMLElement) first.focus();
      return;
    }
    onApply(next);
  }

  return (
    <section aria-labelledby="filter" className="console-event-filters">
      <h2 id="filter">{f.heading}</h2>
      <form className="filters" onSubmit={submit} noValidate role="search" aria-labelledby="filter">
        <SelectField label={f.kind} name={PARAMS.kind} defaultValue={filters.kind ?? ''} markOptional={false}>
          <option value="">{f.any}</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindWords(kind)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={f.state}
          name={PARAMS.status}
          defaultValue={filters.status ? STATUS_PARAM[filters.status] : ''}
          markOptional={false}
        >
          <option value="">{f.any}</option>
          {STATUSES.map((status) => (
            <option key={status} value={STATUS_PARAM[status]}>
              {words.states[status]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={f.when}
          name={PARAMS.when}
          defaultValue={filters.when === 'past' ? 'vergangen' : ''}
          markOptional={false}
        >
          <option value="">{f.upcoming}</option>
          <option value="vergangen">{f.past}</option>
        </SelectField>
        <TextField
          label={f.from}
          name={PARAMS.from}
          hint={f.dateHint}
          autoComplete="off"
          defaultValue={filters.from ? germanDay(filters.from) : ''}
          error={errors.from}
          markOptional={false}
        />
        <TextField
          label={f.to}
          name={PARAMS.to}
          hint={f.dateHint}
          autoComplete="off"
          defaultValue={filters.to ? germanDay(filters.to) : ''}
          error={errors.to}
          markOptional={false}
        />
        <div className="button-row filters-actions">
          <button type="submit" className="button button-primary">
            {f.apply}
          </button>
          {hasFilters(filters) ? (
            <Link className="button button-secondary" to={CONSOLE_EVENTS}>
              {f.reset}
            </Link>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function EventTable({ events, more }: { readonly events: readonly EventSummary[]; readonly more: boolean }) {
  const stats = useStatsOfEvents(events);
  const c = t.columns;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="veranstaltungen-tabelle">
      <table className="console-events-table">
        <caption id="veranstaltungen-tabelle">{t.tableCaption(events.length, more)}</caption>
        <thead>
          <tr>
            <th scope="col">{c.title}</th>
            <th scope="col">{c.kind}</th>
            <th scope="col">{c.when}</th>
            <th scope="col">{c.state}</th>
            <th scope="col">{c.window}</th>
            <th scope="col">{c.fill}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.eventId}>
              <th scope="row">
                <Link to={`${CONSOLE_EVENTS}/${event.eventId}`}>{event.title}</Link>
              </th>
              <td>{kindWords(event.kind)}</td>
              <td>{periodWords(event)}</td>
              <td>
                <StateBadge status={event.status} />
              </td>
              <td>
                <span className="console-nowrap">{shortDateTime(event.registration.opensAt)}</span>{' '}
                <span className="console-nowrap">
                  {t.windowUntil(shortDateTime(event.registration.closesAt))}
                </span>
              </td>
              <td>
                <Fill event={event} state={stats.get(event.eventId)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** „37 von 50 · 5 warten“; for a Kommunalzirkel the seats are municipalities. */
function Fill({ event, state }: { readonly event: EventSummary; readonly state: StatsState | undefined }) {
  if (state?.kind === 'draft')
    return (
      <>
        {t.fill(0, event.capacity)}
        {event.kind === 'kommunalzirkel' ? <> {t.municipalities}</> : null}
      </>
    );
  if (!state || state.kind === 'loading') return <span className="meta">{t.fillLoading}</span>;
  if (state.kind === 'failed') return <span className="meta">{t.fillUnknown}</span>;
  const { stats } = state;
  return (
    <>
      {t.fill(stats.confirmed, stats.capacity)}
      {event.kind === 'kommunalzirkel' ? <> {t.municipalities}</> : null}
      {stats.waiting > 0 ? (
        <>
          <br />
          <span className="badge badge-warning">{t.fillWaiting(stats.waiting)}</span>
        </>
      ) : null}
    </>
  );
}
