import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { Page } from '../../../components/Page';
import { Empty, ErrorNotice, Loading } from '../../../components/States';
import { formatDate, formatPeriod } from '../../../format/dates';
import { texts } from '../../../texts';
import { markKey, type AttendanceMark } from './attendanceQueue';
import {
  checkInKeys,
  useCheckInEvent,
  useConfirmedRegistrations,
  type CheckInEvent,
  type CircleModule,
  type Registration,
} from './checkInApi';
import {
  defaultModule,
  doorOf,
  groupsOf,
  matches,
  withPending,
  type DoorGroup,
  type DoorPerson,
} from './door';
import { useAttendanceQueue } from './useAttendanceQueue';

const t = texts.console.checkIn;
const MODULE_PARAM = 'modul';

/** The door screen („Einlass“): search, tick each person as arrived, undo; on a phone, also offline. */
export default function CheckInPage() {
  const { eventId = '' } = useParams();
  const event = useCheckInEvent(eventId);
  if (event.isPending) {
    return (
      <Page title={t.titleLoading}>
        <Loading />
      </Page>
    );
  }
  if (event.isError) {
    if (event.error instanceof ApiProblem && event.error.status === 404) {
      return (
        <Page title={t.notFound.title}>
          <p>{t.notFound.text}</p>
          <p>
            <Link to="/geschaeftsstelle/veranstaltungen">{t.toEvents}</Link>
          </p>
        </Page>
      );
    }
    return (
      <Page title={t.titleLoading}>
        <ErrorNotice error={event.error} onRetry={() => void event.refetch()} />
        <p>
          <Link to="/geschaeftsstelle/veranstaltungen">{t.toEvents}</Link>
        </p>
      </Page>
    );
  }
  return <DoorScreen event={event.data} />;
}

/** Re-renders each minute, so that the door opens at midnight without a reload. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function moduleWhen(module: CircleModule): string {
  return module.startsAt ? formatDate(module.startsAt) : (module.dateNote ?? t.moduleDateOpen);
}

function DoorScreen({ event }: { readonly event: CheckInEvent }) {
  const now = useNow();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [refusal, setRefusal] = useState('');
  const searchId = useId();
  const moduleFieldId = useId();

  // The choice shows at once (a controlled radio must not wait for the address); the address keeps it for a reload.
  const [chosenModuleId, setChosenModuleId] = useState(() => params.get(MODULE_PARAM));
  const modules = event.circle?.modules ?? [];
  const module =
    modules.find((candidate) => candidate.moduleId === chosenModuleId) ?? defaultModule(modules, now);

  function chooseModule(moduleId: string) {
    setChosenModuleId(moduleId);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(MODULE_PARAM, moduleId);
        return next;
      },
      { replace: true },
    );
  }
  const moduleId = event.kind === 'kommunalzirkel' ? module?.moduleId : undefined;
  const door = doorOf(event, event.kind === 'kommunalzirkel' ? module : undefined, now);

  const registrations = useConfirmedRegistrations(event.eventId);
  const { queue, connection, mark, retry } = useAttendanceQueue({
    onSent: (sent, registration) => {
      queryClient.setQueryData<Registration[]>(checkInKeys.registrations(sent.eventId), (list) =>
        list?.map((item) => (item.registrationId === registration.registrationId ? registration : item)),
      );
      setAnnouncement(sent.attended ? t.announced.arrived(sent.name) : t.announced.undone(sent.name));
    },
    onRefused: (refused, problem) => {
      setRefusal(t.refused(refused.name, problem.summary));
      void queryClient.invalidateQueries({ queryKey: checkInKeys.registrations(refused.eventId) });
    },
    onBackOnline: (sent) => setAnnouncement(t.announced.sent(sent)),
    onQueued: (queued) => announceQueued(queued),
  });

  function announceQueued(queued: AttendanceMark) {
    setAnnouncement(
      queued.attended ? t.announced.queuedArrived(queued.name) : t.announced.queuedUndone(queued.name),
    );
  }

  const pending = useMemo(
    () =>
      new Map(
        queue
          .filter((waiting) => waiting.eventId === event.eventId)
          .map((waiting) => [markKey(waiting), waiting]),
      ),
    [queue, event.eventId],
  );
  const groups = useMemo(() => groupsOf(registrations.data ?? [], moduleId), [registrations.data, moduleId]);
  const found = useMemo(() => groups.filter((group) => matches(group, query)), [groups, query]);
  const everyone = groups.flatMap((group) => group.people);
  const arrivedCount = everyone.filter((person) => withPending(person, moduleId, pending).arrived).length;

  function tick(person: DoorPerson, attended: boolean) {
    setRefusal('');
    const wish = {
      eventId: event.eventId,
      registrationId: person.registrationId,
      ...(person.personId ? { personId: person.personId } : {}),
      ...(moduleId ? { moduleId } : {}),
      attended,
      name: person.name,
    };
    mark(wish);
    if (connection !== 'online') announceQueued({ ...wish, idempotencyKey: '' });
  }

  const lead = [
    texts.events.kinds[event.kind],
    event.startsAt && event.endsAt ? formatPeriod(event.startsAt, event.endsAt) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const waitingHere = queue.length;

  return (
    <Page title={t.title(event.title)} lead={lead}>
      <div className="checkin">
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        {connection === 'signed-out' ? (
          <div className="notice notice-error" role="alert">
            <p>{t.signInAgain}</p>
            <p>
              <Link to={`/geschaeftsstelle/anmelden?weiter=${encodeURIComponent(location.pathname)}`}>
                {t.signInLink}
              </Link>
            </p>
          </div>
        ) : connection === 'offline' ? (
          <div className="notice notice-warning checkin-connection" role="alert">
            <p>
              <strong>{t.offline}</strong> {waitingHere > 0 ? t.waiting(waitingHere) : null}
            </p>
            {waitingHere > 0 ? (
              <button type="button" className="button button-secondary" onClick={() => void retry()}>
                {t.retryNow}
              </button>
            ) : null}
          </div>
        ) : waitingHere > 0 ? (
          <p className="notice notice-warning checkin-connection">{t.transferring(waitingHere)}</p>
        ) : null}
        {refusal ? (
          <p className="notice notice-error" role="alert">
            {refusal}
          </p>
        ) : null}

        <div className="field checkin-search">
          <label htmlFor={searchId} className="field-label">
            {t.search}
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(change) => setQuery(change.target.value)}
            autoComplete="off"
            enterKeyHint="search"
            aria-describedby={`${searchId}-hint`}
          />
          <p id={`${searchId}-hint`} className="field-hint">
            {t.searchHint}
          </p>
        </div>

        {event.kind === 'kommunalzirkel' && modules.length > 0 ? (
          <fieldset className="field checkin-modules" aria-describedby={`${moduleFieldId}-hint`}>
            <legend className="field-label">{t.module}</legend>
            <p id={`${moduleFieldId}-hint`} className="field-hint">
              {t.moduleHint}
            </p>
            {modules.map((candidate) => (
              <label key={candidate.moduleId} className="checkin-module">
                <input
                  type="radio"
                  name={moduleFieldId}
                  value={candidate.moduleId}
                  checked={candidate.moduleId === module?.moduleId}
                  onChange={() => chooseModule(candidate.moduleId)}
                />
                <span>
                  <span className="checkin-module-title">{candidate.title}</span>{' '}
                  <span className="checkin-module-when">{moduleWhen(candidate)}</span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}

        {door.open ? (
          <p className="checkin-door checkin-door-open">{t.openToday}</p>
        ) : (
          <p className="notice notice-warning checkin-door">{door.reason}</p>
        )}

        {registrations.isPending ? (
          <Loading label={t.loading} />
        ) : registrations.isError ? (
          <ErrorNotice error={registrations.error} onRetry={() => void registrations.refetch()} />
        ) : (
          <>
            <p className="checkin-count">{t.count(arrivedCount, everyone.length)}</p>
            <h2 className="visually-hidden">{t.resultsHeading}</h2>
            {groups.length === 0 ? (
              <Empty>
                <p>{t.nobody}</p>
                <p>
                  <Link to={`/geschaeftsstelle/veranstaltungen/${event.eventId}/teilnehmende`}>
                    {t.toParticipants}
                  </Link>
                </p>
              </Empty>
            ) : found.length === 0 ? (
              <Empty>
                <p>{t.noResults(query.trim())}</p>
              </Empty>
            ) : (
              <>
                <p className="meta">
                  {t.results(
                    found.reduce((sum, group) => sum + group.people.length, 0),
                    query.trim(),
                  )}
                </p>
                <ul className="checkin-list">
                  {found.map((group) => (
                    <GroupCard
                      key={group.registrationId}
                      group={group}
                      open={door.open}
                      moduleId={moduleId}
                      pending={pending}
                      onTick={tick}
                    />
                  ))}
                </ul>
              </>
            )}
          </>
        )}

        <p className="checkin-links">
          <Link to={`/geschaeftsstelle/veranstaltungen/${event.eventId}`}>{t.toEvent}</Link>
          <Link to={`/geschaeftsstelle/veranstaltungen/${event.eventId}/teilnehmende`}>
            {t.toParticipants}
          </Link>
        </p>
      </div>
    </Page>
  );
}

interface GroupCardProps {
  readonly group: DoorGroup;
  readonly open: boolean;
  readonly moduleId: string | undefined;
  readonly pending: ReadonlyMap<string, AttendanceMark>;
  readonly onTick: (person: DoorPerson, attended: boolean) => void;
}

function GroupCard({ group, open, moduleId, pending, onTick }: GroupCardProps) {
  if (!group.delegation) {
    const [person] = group.people;
    return (
      <li className="card checkin-card">
        <PersonRow
          person={person}
          heading
          open={open}
          moduleId={moduleId}
          pending={pending}
          onTick={onTick}
        />
      </li>
    );
  }
  return (
    <li className="card checkin-card">
      <h3 className="checkin-group-title">{group.title}</h3>
      {group.detail ? <p className="meta">{group.detail}</p> : null}
      <ul className="checkin-people">
        {group.people.map((person) => (
          <li key={person.personId}>
            <PersonRow person={person} open={open} moduleId={moduleId} pending={pending} onTick={onTick} />
          </li>
        ))}
      </ul>
    </li>
  );
}

interface PersonRowProps {
  readonly person: DoorPerson;
  readonly heading?: boolean;
  readonly open: boolean;
  readonly moduleId: string | undefined;
  readonly pending: ReadonlyMap<string, AttendanceMark>;
  readonly onTick: (person: DoorPerson, attended: boolean) => void;
}

function PersonRow({ person, heading = false, open, moduleId, pending, onTick }: PersonRowProps) {
  const { arrived, sending } = withPending(person, moduleId, pending);
  const Name = heading ? 'h3' : 'p';
  return (
    <div className={arrived ? 'checkin-person checkin-person-arrived' : 'checkin-person'}>
      <div className="checkin-person-text">
        <Name className="checkin-name">{person.name}</Name>
        {person.detail ? <p className="meta">{person.detail}</p> : null}
        <p className="checkin-state">
          {arrived ? (
            <span className="badge badge-success">
              <span aria-hidden="true">✓ </span>
              {t.arrived}
            </span>
          ) : (
            <span className="checkin-absent">{t.notArrived}</span>
          )}
          {sending ? <span className="badge badge-warning">{t.sending}</span> : null}
        </p>
      </div>
      {open ? (
        <button
          type="button"
          className={`button checkin-button ${arrived ? 'button-secondary' : 'button-primary'}`}
          // The name in the button's own name: a screen reader hears whom the tick is for.
          aria-label={`${arrived ? t.undo : t.arrive}: ${person.name}`}
          onClick={() => onTick(person, !arrived)}
        >
          {arrived ? t.undo : t.arrive}
        </button>
      ) : null}
    </div>
  );
}
