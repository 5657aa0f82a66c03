import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../../components/Fields';
import { Page } from '../../../components/Page';
import { Empty, ErrorNotice, Loading } from '../../../components/States';
import { MoreResults } from '../../../components/MoreResults';
import { formatDateTime, formatShortDate } from '../../../format/dates';
import { texts } from '../../../texts';
import { memberWords } from '../../../texts/directory';
import {
  participantsCsvHref,
  useConsoleEvent,
  useParticipants,
  useRegistrationStats,
  useSeats,
  type ConsoleEvent,
  type Registration,
} from './api';
import {
  filtersOfSearch,
  isEmptySearch,
  paramsOfSearch,
  searchFromParams,
  SEARCH_TEXT_MAX_LENGTH,
  type ParticipantSearch,
} from './participantSearch';
import { EventProblem } from './EventProblem';
import { eventLead, eventPath, participantsPath } from './paths';

const t = texts.console.participants;

/** /geschaeftsstelle/veranstaltungen/:eventId/teilnehmende: who is registered, the waiting list, workshops, figures. */
export default function ParticipantsPage() {
  const { eventId = '' } = useParams();
  const event = useConsoleEvent(eventId);
  if (event.isPending) return <Loading label={t.loading} />;
  if (event.isError) return <EventProblem error={event.error} onRetry={() => void event.refetch()} />;
  return <Participants event={event.data} />;
}

function Participants({ event }: { readonly event: ConsoleEvent }) {
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  const filters = filtersOfSearch(search);
  const draft = event.status === 'draft';
  const [searches, setSearches] = useState(0);
  const filtersHeadingId = useId();
  return (
    <Page title={t.title(event.title)} lead={eventLead(event)}>
      {draft ? (
        <>
          <p>
            <Link to={eventPath(event.eventId)}>{t.backToEvent}</Link>
          </p>
          <p className="notice notice-warning">{t.draft}</p>
        </>
      ) : (
        <>
          <ul className="participants-actions">
            <li>
              <Link to={eventPath(event.eventId)}>{t.backToEvent}</Link>
            </li>
            <li>
              <a
                href={participantsCsvHref(event.eventId, filters)}
                download
                aria-describedby={`${filtersHeadingId}-csv`}
              >
                {isEmptySearch(search) ? t.actions.csv : t.actions.csvFiltered}
              </a>
              <span id={`${filtersHeadingId}-csv`} className="meta">
                {' '}
                ({t.actions.csvHint})
              </span>
            </li>
            <li>
              <Link to={`${participantsPath(event.eventId)}/druck`}>{t.actions.print}</Link>
            </li>
          </ul>
          <Figures event={event} />
          <section aria-labelledby={filtersHeadingId}>
            <h2 id={filtersHeadingId}>{t.filters.heading}</h2>
            <FilterForm
              key={params.toString()}
              initial={search}
              labelledBy={filtersHeadingId}
              resetTo={participantsPath(event.eventId)}
              onSearch={(next) => {
                setSearches((n) => n + 1);
                setParams(paramsOfSearch(next), { preventScrollReset: true });
              }}
            />
          </section>
          <ParticipantList event={event} search={search} searches={searches} />
          <WaitingList event={event} />
          {event.kind === 'deutschlandforum' ? <Workshops event={event} /> : null}
        </>
      )}
    </Page>
  );
}

function Figures({ event }: { readonly event: ConsoleEvent }) {
  const stats = useRegistrationStats(event.eventId);
  const seats = useSeats(event.eventId);
  const headingId = useId();
  let content;
  if (stats.isPending || seats.isPending) content = <Loading label={t.figures.loading} />;
  else if (stats.isError || seats.isError)
    content = (
      <ErrorNotice
        error={stats.error ?? seats.error}
        onRetry={() => {
          void stats.refetch();
          void seats.refetch();
        }}
      />
    );
  else {
    const s = stats.data;
    const rows: [string, string][] = [
      [event.kind === 'kommunalzirkel' ? t.figures.capacityCircle : t.figures.capacity, String(s.capacity)],
      [t.figures.confirmed, String(s.confirmed)],
      [t.figures.seatsLeft, String(seats.data.seatsLeft)],
      [t.figures.waiting, String(s.waiting)],
      [t.figures.cancelled, String(s.cancelled)],
      [t.figures.people, String(s.confirmedPeople)],
      [t.figures.interested, t.figures.interestedValue(s.interestedMembers, s.interestedMunicipalities)],
      [t.figures.attended, t.figures.attendedValue(s.attendedPeople)],
    ];
    if (s.noShows !== undefined) rows.push([t.figures.noShows, t.figures.noShowsValue(s.noShows)]);
    content = (
      <dl className="facts participants-figures">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.figures.heading}</h2>
      {content}
    </section>
  );
}

interface FilterFormProps {
  readonly initial: ParticipantSearch;
  readonly labelledBy: string;
  readonly resetTo: string;
  readonly onSearch: (search: ParticipantSearch) => void;
}

function FilterForm({ initial, labelledBy, resetTo, onSearch }: FilterFormProps) {
  const [search, setSearch] = useState(initial);
  const set = (key: keyof ParticipantSearch) => (value: string) => setSearch({ ...search, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(search);
  };
  return (
    <form
      role="search"
      aria-labelledby={labelledBy}
      className="filters participants-filters"
      onSubmit={submit}
    >
      <TextField
        label={t.filters.search}
        hint={t.filters.searchHint}
        type="search"
        name="suche"
        markOptional={false}
        maxLength={SEARCH_TEXT_MAX_LENGTH}
        value={search.text}
        onChange={(event) => set('text')(event.target.value)}
      />
      <SelectField
        label={t.filters.status}
        markOptional={false}
        value={search.status}
        onChange={(event) => set('status')(event.target.value)}
      >
        <option value="">{t.filters.all}</option>
        {Object.entries(t.statusOptions).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.filters.attendance}
        markOptional={false}
        value={search.attendance}
        onChange={(event) => set('attendance')(event.target.value)}
      >
        <option value="">{t.filters.all}</option>
        {Object.entries(t.attendanceOptions).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.filters.federalState}
        markOptional={false}
        value={search.federalState}
        onChange={(event) => set('federalState')(event.target.value)}
      >
        <option value="">{t.filters.all}</option>
        {Object.entries(memberWords.federalStates).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.filters.sector}
        markOptional={false}
        value={search.sector}
        onChange={(event) => set('sector')(event.target.value)}
      >
        <option value="">{t.filters.all}</option>
        {Object.entries(memberWords.sectors).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <div className="button-row participants-filter-buttons">
        <button type="submit" className="button button-primary">
          {t.filters.apply}
        </button>
        {isEmptySearch(initial) ? null : (
          <Link to={resetTo} className="button button-secondary">
            {t.filters.reset}
          </Link>
        )}
      </div>
    </form>
  );
}

function statusText(registration: Registration): string {
  switch (registration.status) {
    case 'confirmed':
      return t.status.confirmed;
    case 'waiting':
      return t.status.waiting(registration.waitingPlace);
    case 'cancelled':
      return t.status.cancelled;
  }
}

function attendanceText(attended: boolean | undefined): string {
  return attended ? t.list.attended : t.list.notAttended;
}

function ParticipantList({
  event,
  search,
  searches,
}: {
  readonly event: ConsoleEvent;
  readonly search: ParticipantSearch;
  readonly searches: number;
}) {
  const list = useParticipants(event.eventId, filtersOfSearch(search));
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const forum = event.kind === 'deutschlandforum';

  const focusedAfter = useRef(0);
  useEffect(() => {
    if (searches === focusedAfter.current || list.isPending) return;
    focusedAfter.current = searches;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, [searches, list.isPending]);

  let content;
  if (list.isPending) content = <Loading label={t.list.loading} />;
  else if (list.isError && items.length === 0)
    content = <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  else if (items.length === 0)
    content = (
      <Empty>
        {isEmptySearch(search) ? (
          <p>{t.list.empty}</p>
        ) : (
          <>
            <p>{t.list.emptyFiltered}</p>
            <p>
              <Link to={participantsPath(event.eventId)}>{t.filters.reset}</Link>
            </p>
          </>
        )}
      </Empty>
    );
  else
    content = (
      <>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.list.caption(event.title)}>
          <table className="participants-table">
            <caption className="visually-hidden">{t.list.caption(event.title)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.list.columns.name}</th>
                <th scope="col">{t.list.columns.kind}</th>
                <th scope="col">{t.list.columns.organisation}</th>
                <th scope="col">{t.list.columns.federalState}</th>
                <th scope="col">{t.list.columns.status}</th>
                {forum ? <th scope="col">{t.list.columns.workshops}</th> : null}
                <th scope="col">{t.list.columns.attendance}</th>
                <th scope="col">{t.list.columns.registeredAt}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((registration) => (
                <ParticipantRow key={registration.registrationId} registration={registration} forum={forum} />
              ))}
            </tbody>
          </table>
        </div>
        <MoreResults pages={list} label={t.list.more} loadingLabel={t.list.loadingMore} />
      </>
    );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t.list.heading}
      </h2>
      <p role="status" className="meta">
        {list.isSuccess && items.length > 0
          ? list.hasNextPage
            ? t.list.shownSoFar(items.length)
            : t.list.shownAll(items.length)
          : null}
      </p>
      {content}
    </section>
  );
}

function ParticipantRow({
  registration,
  forum,
}: {
  readonly registration: Registration;
  readonly forum: boolean;
}) {
  const { registrant, delegation } = registration;
  const organisation =
    registrant.kind === 'municipality'
      ? registrant.municipality?.name
      : [registrant.officeTitle, registrant.organisation].filter(Boolean).join(', ');
  return (
    <tr>
      <th scope="row">
        <span className="participants-name">{registrant.name}</span>
        {registrant.email && registrant.kind !== 'municipality' ? (
          <span className="meta participants-email">{registrant.email}</span>
        ) : null}
        {delegation ? (
          <div className="participants-delegation">
            <span>{t.list.delegation(delegation.length)}</span>
            <ul>
              {delegation.map((person) => (
                <li key={person.personId}>
                  {person.firstName} {person.lastName} (
                  {texts.events.delegationRoleOf(person.role, person.salutation)})
                  {registration.status === 'confirmed' ? ` – ${attendanceText(person.attended)}` : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </th>
      <td>{t.kinds[registrant.kind]}</td>
      <td>{organisation || null}</td>
      <td>{registrant.federalState ? texts.common.federalStates[registrant.federalState] : null}</td>
      <td>
        <span
          className={`badge ${
            registration.status === 'confirmed'
              ? 'badge-success'
              : registration.status === 'waiting'
                ? 'badge-warning'
                : 'badge-danger'
          }`}
        >
          {statusText(registration)}
        </span>
      </td>
      {forum ? (
        <td>
          {registration.sessions.length === 0 ? (
            t.list.noWorkshops
          ) : (
            <ul className="participants-workshops">
              {registration.sessions.map((session) => (
                <li key={session.sessionId}>
                  {session.title} ({t.workshopStatus[session.status]}
                  {session.waitingPlace ? `, ${t.waitingList.place(session.waitingPlace)}` : ''})
                </li>
              ))}
            </ul>
          )}
        </td>
      ) : null}
      <td>
        {registration.status !== 'confirmed'
          ? null
          : delegation
            ? `${delegation.filter((person) => person.attended).length} / ${delegation.length}`
            : attendanceText(registration.attended)}
      </td>
      <td>
        {formatShortDate(registration.registeredAt)}
        {registration.registeredBy.role === 'staff' ? (
          <span className="meta participants-by-office">{t.list.byOffice}</span>
        ) : null}
      </td>
    </tr>
  );
}

function WaitingList({ event }: { readonly event: ConsoleEvent }) {
  const list = useParticipants(event.eventId, { status: 'waiting' });
  const headingId = useId();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  let content;
  if (list.isPending) content = <Loading label={t.waitingList.loading} />;
  else if (list.isError && items.length === 0)
    content = <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  else if (items.length === 0) content = <p>{t.waitingList.empty}</p>;
  else
    content = (
      <>
        <ol className="participants-waiting">
          {items.map((registration) => (
            <li key={registration.registrationId}>
              <strong>{t.waitingList.place(registration.waitingPlace ?? 0)}:</strong>{' '}
              {registration.registrant.name}
              {registration.registrant.kind !== 'municipality' && registration.registrant.municipality
                ? ` (${registration.registrant.municipality.name})`
                : null}
              {registration.delegation
                ? ` – ${registration.delegation.map((person) => `${person.firstName} ${person.lastName}`).join(', ')}`
                : null}
              <span className="meta">
                {' '}
                · {t.waitingList.since(formatDateTime(registration.registeredAt))}
              </span>
            </li>
          ))}
        </ol>
        {list.hasNextPage ? (
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? t.list.loadingMore : t.list.more}
            </button>
          </div>
        ) : null}
      </>
    );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.waitingList.heading}</h2>
      <p className="meta">{t.waitingList.lead}</p>
      {content}
    </section>
  );
}

function Workshops({ event }: { readonly event: ConsoleEvent }) {
  const stats = useRegistrationStats(event.eventId);
  const seats = useSeats(event.eventId);
  const headingId = useId();
  let content;
  if (stats.isPending || seats.isPending) content = <Loading label={t.workshops.loading} />;
  else if (stats.isError || seats.isError)
    content = (
      <ErrorNotice
        error={stats.error ?? seats.error}
        onRetry={() => {
          void stats.refetch();
          void seats.refetch();
        }}
      />
    );
  else if (stats.data.workshops.length === 0) content = null;
  else
    content = (
      <ul className="card-list participants-workshop-list">
        {stats.data.workshops.map((workshop) => {
          const left = seats.data.workshops.find((candidate) => candidate.sessionId === workshop.sessionId);
          return (
            <li key={workshop.sessionId} className="card">
              <h3>{workshop.title}</h3>
              <p className="meta">{formatDateTime(workshop.startsAt)}</p>
              <p>
                {t.workshops.seats(
                  workshop.confirmed,
                  workshop.capacity,
                  left?.seatsLeft ?? Math.max(0, workshop.capacity - workshop.confirmed),
                  workshop.waiting,
                )}
              </p>
              <WorkshopPeople eventId={event.eventId} sessionId={workshop.sessionId} title={workshop.title} />
            </li>
          );
        })}
      </ul>
    );
  if (content === null) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.workshops.heading}</h2>
      <p className="meta">{t.workshops.lead}</p>
      {content}
    </section>
  );
}

function WorkshopPeople({
  eventId,
  sessionId,
  title,
}: {
  readonly eventId: string;
  readonly sessionId: string;
  readonly title: string;
}) {
  const [open, setOpen] = useState(false);
  const list = useParticipants(eventId, { sessionId }, open);
  // A cancelled registration has given its workshop seat back.
  const items =
    list.data?.pages.flatMap((page) => page.items).filter((item) => item.status !== 'cancelled') ?? [];
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t.workshops.showPeople(title)}</summary>
      {!open ? null : list.isPending ? (
        <Loading label={t.workshops.loading} />
      ) : list.isError && items.length === 0 ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p>{t.workshops.empty}</p>
      ) : (
        <>
          <ul aria-label={t.workshops.people}>
            {items.map((registration) => {
              const choice = registration.sessions.find((session) => session.sessionId === sessionId);
              return (
                <li key={registration.registrationId}>
                  {registration.registrant.name}
                  {choice
                    ? ` – ${t.workshopStatus[choice.status]}${
                        choice.waitingPlace ? `, ${t.waitingList.place(choice.waitingPlace)}` : ''
                      }`
                    : null}
                </li>
              );
            })}
          </ul>
          {list.hasNextPage ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? t.list.loadingMore : t.list.more}
            </button>
          ) : null}
        </>
      )}
    </details>
  );
}
