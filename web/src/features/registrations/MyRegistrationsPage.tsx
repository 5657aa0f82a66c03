import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { Page } from '../../components/Page';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { formatDateTime, formatPeriod } from '../../format/dates';
import { texts } from '../../texts';
import { CancelRegistration } from './CancelRegistration';
import {
  calendarPathOf,
  changeableNow,
  registrationKeys,
  type OwnInterest,
  type Registration,
} from './registrationApi';
import { municipalityOf, stateBadgeClass, stateWords } from './registrationWords';

const t = texts.registrations.myPage;
const PAGE_SIZE = 20;

type EventOf = Registration['event'];

function eventDate(event: EventOf): string {
  if (event.startsAt && event.endsAt) return formatPeriod(event.startsAt, event.endsAt);
  if (event.startsAt) return formatDateTime(event.startsAt);
  return texts.registrations.dateOpen;
}

/** Over: held, or its end (or start) has passed. A cancelled event counts by its date, too. */
function isPast(event: EventOf, now: number): boolean {
  if (event.status === 'held') return true;
  const end = event.endsAt ?? event.startsAt;
  return end !== undefined && new Date(end).getTime() < now;
}

const startOf = (event: EventOf) =>
  event.startsAt ? new Date(event.startsAt).getTime() : Number.POSITIVE_INFINITY;

/** `/meine-anmeldungen`: the member's registrations (coming first, past below), their interests, cancel. */
export default function MyRegistrationsPage() {
  const registrations = useInfiniteQuery({
    queryKey: registrationKeys.list,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/me/registrations', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnWindowFocus: true,
  });
  const interests = useQuery({
    queryKey: registrationKeys.interests,
    queryFn: () => unwrap(api.GET('/api/v1/me/interests')),
  });
  const [notice, setNotice] = useState<string | undefined>();

  return (
    <Page title={t.title} lead={t.lead}>
      {notice ? <Notice key={notice} text={notice} /> : null}
      {registrations.isPending ? (
        <Loading label={t.loading} />
      ) : registrations.isError ? (
        <ErrorNotice error={registrations.error} onRetry={() => void registrations.refetch()} />
      ) : (
        <RegistrationSections
          items={registrations.data.pages.flatMap((page) => page.items)}
          interests={interests.data?.items ?? []}
          onCancelled={(cancelled, was) =>
            setNotice(texts.registrations.cancel.doneIn(cancelled.event.title, was === 'waiting'))
          }
        />
      )}
      {registrations.hasNextPage ? (
        <p>
          <button
            type="button"
            className="button button-secondary"
            disabled={registrations.isFetchingNextPage}
            onClick={() => void registrations.fetchNextPage()}
          >
            {registrations.isFetchingNextPage ? t.loadingMore : t.more}
          </button>
        </p>
      ) : null}
      {registrations.isFetchNextPageError ? <ErrorNotice error={registrations.error} /> : null}
    </Page>
  );
}

function Notice({ text }: { readonly text: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} role="status" className="notice notice-success">
      <p>{text}</p>
    </div>
  );
}

function RegistrationSections(props: {
  readonly items: readonly Registration[];
  readonly interests: readonly OwnInterest[];
  readonly onCancelled: (registration: Registration, was: Registration['status']) => void;
}) {
  const [now] = useState(() => Date.now());
  const registeredEvents = new Set(
    props.items.filter((item) => item.status !== 'cancelled').map((item) => item.eventId),
  );
  const interests = props.interests.filter((interest) => !registeredEvents.has(interest.eventId));
  const coming = props.items
    .filter((item) => !isPast(item.event, now))
    .sort((a, b) => startOf(a.event) - startOf(b.event));
  const past = props.items
    .filter((item) => isPast(item.event, now))
    .sort((a, b) => startOf(b.event) - startOf(a.event));

  if (props.items.length === 0 && interests.length === 0) {
    return (
      <Empty>
        <p>{t.empty}</p>
        <p>
          <Link className="button button-primary" to="/veranstaltungen">
            {t.emptyAction}
          </Link>
        </p>
      </Empty>
    );
  }
  const { onCancelled } = props;

  return (
    <>
      <section aria-labelledby="kommende-anmeldungen">
        <h2 id="kommende-anmeldungen">{t.coming}</h2>
        {coming.length === 0 ? (
          <p>{t.noneComing}</p>
        ) : (
          <ul className="card-list registration-list">
            {coming.map((registration) => (
              <RegistrationItem
                key={registration.registrationId}
                registration={registration}
                coming
                onCancelled={onCancelled}
              />
            ))}
          </ul>
        )}
        <p className="section-onward">
          <Link to="/veranstaltungen">{t.findMore}</Link>
        </p>
      </section>
      {interests.length > 0 ? (
        <section aria-labelledby="vorgemerkt">
          <h2 id="vorgemerkt">{t.interests}</h2>
          <ul className="card-list registration-list">
            {interests.map((interest) => (
              <InterestItem key={interest.interestId} interest={interest} />
            ))}
          </ul>
        </section>
      ) : null}
      {past.length > 0 ? (
        <section aria-labelledby="vergangene-anmeldungen">
          <h2 id="vergangene-anmeldungen">{t.past}</h2>
          <ul className="card-list registration-list">
            {past.map((registration) => (
              <RegistrationItem
                key={registration.registrationId}
                registration={registration}
                coming={false}
                onCancelled={onCancelled}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function RegistrationItem(props: {
  readonly registration: Registration;
  readonly coming: boolean;
  readonly onCancelled: (registration: Registration, was: Registration['status']) => void;
}) {
  const { registration } = props;
  const { event } = registration;
  const municipality = municipalityOf(registration);
  const cause = registration.cancellation?.cause;
  // The badge says the state; the row only what it does not: why cancelled, an event called off.
  const details: string[] = [
    registration.status === 'cancelled' && cause ? texts.registrations.cancellationCauses[cause] : undefined,
    event.status === 'cancelled' && cause !== 'event-cancelled' ? t.eventCancelled : undefined,
  ].filter((detail) => detail !== undefined);
  return (
    <li className="card registration-item">
      <h3>
        <Link to={`/veranstaltungen/${registration.eventId}`}>{event.title}</Link>
      </h3>
      <p className="event-teaser-badges">
        <span className="badge">{texts.registrations.kinds[event.kind]}</span>
        <span className={stateBadgeClass(registration)}>{stateWords(registration)}</span>
      </p>
      <dl className="facts">
        <dt>{t.dateLabel}</dt>
        <dd>{eventDate(event)}</dd>
        {details.length > 0 ? (
          <>
            <dt>{t.stateLabel}</dt>
            <dd>{details.join(' ')}</dd>
          </>
        ) : null}
        {registration.sessions.length > 0 ? (
          <>
            <dt>{t.workshopsLabel}</dt>
            <dd>{registration.sessions.map((session) => session.title).join(', ')}</dd>
          </>
        ) : null}
        {registration.delegation && municipality ? (
          <>
            <dt>{t.delegationLabel}</dt>
            <dd>
              {municipality}: {t.delegationPeople(registration.delegation.length)}
            </dd>
          </>
        ) : null}
      </dl>
      {props.coming && registration.status === 'confirmed' && event.status !== 'cancelled' ? (
        <p>
          <a href={calendarPathOf(registration.eventId)} download>
            {texts.registrations.calendar}
            <span className="visually-hidden">{texts.registrations.calendarOf(event.title)}</span>
          </a>
        </p>
      ) : null}
      {props.coming && changeableNow(registration) ? (
        <div className="button-row">
          <CancelRegistration
            registration={registration}
            label={texts.registrations.cancel.listAction}
            hiddenSuffix={texts.registrations.cancel.actionFor(event.title)}
            onCancelled={props.onCancelled}
          />
        </div>
      ) : null}
    </li>
  );
}

function InterestItem({ interest }: { readonly interest: OwnInterest }) {
  const { event } = interest;
  const open = event.status === 'registration-open';
  return (
    <li className="card registration-item">
      <h3>
        <Link to={`/veranstaltungen/${interest.eventId}`}>{event.title}</Link>
      </h3>
      <p className="event-teaser-badges">
        <span className="badge">{texts.registrations.kinds[event.kind]}</span>
        <span className="badge">{texts.registrations.states.interest}</span>
      </p>
      <dl className="facts">
        <dt>{t.dateLabel}</dt>
        <dd>{eventDate(event)}</dd>
        <dt>{t.stateLabel}</dt>
        <dd>{open ? t.interestOpen : t.interestWaiting}</dd>
      </dl>
      {open ? (
        <p>
          <Link className="button button-primary" to={`/veranstaltungen/${interest.eventId}`}>
            {t.registerNow(event.title)}
          </Link>
        </p>
      ) : null}
    </li>
  );
}
