import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../../api/session';
import { Page } from '../../../components/Page';
import { Empty, ErrorNotice, Loading } from '../../../components/States';
import { formatDateTime, formatShortDate, formatTime } from '../../../format/dates';
import { texts } from '../../../texts';
import { useDeadLetterFigures, type DeadLetterFigures } from '../operations/operationsApi';
import {
  FAILED_MAILS_SHOWN,
  useComingEvents,
  useFailedMails,
  useFailedSignIns,
  useOpenInvitations,
  useSeatsOf,
  type Delivery,
  type EventSummary,
  type FailedSignIns,
  type Invitation,
} from './overviewApi';

const t = texts.console.overview;
const words = texts.console.deliveries;
const signInWords = t.signIns;

/** How far ahead the overview looks for deadlines and registration windows. */
export const WINDOW_DAYS = 7;
/** How far back membership reports failed sign-ins (the intro is shown before the answer says it). */
const FAILED_SIGN_IN_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

const OPEN_INVITATIONS_PATH = '/geschaeftsstelle/berufungen?stand=offen';
const FAILED_MAILS_PATH = '/geschaeftsstelle/versand?stand=fehlgeschlagen';
const eventPath = (eventId: string) => `/geschaeftsstelle/veranstaltungen/${eventId}`;
const participantsPath = (eventId: string) => `/geschaeftsstelle/veranstaltungen/${eventId}/teilnehmende`;
/** The delivery log with the failed mails to this address. */
const failedMailsToPath = (recipient: string) =>
  `/geschaeftsstelle/versand?${new URLSearchParams({ empfaenger: recipient, stand: 'fehlgeschlagen' }).toString()}`;

/** /geschaeftsstelle: what needs the office's attention, each item linking to where it is handled. */
export default function OverviewPage() {
  // The moment the page was opened: the windows are counted from it; „Aktualisieren“ moves it.
  const [now, setNow] = useState(() => new Date());
  const invitations = useOpenInvitations();
  const events = useComingEvents();
  const mails = useFailedMails();
  const signIns = useFailedSignIns();
  const session = useSession();
  const operator = session.data?.signedIn === true && session.data.operations;
  const deadLetters = useDeadLetterFigures(operator);
  const refresh = () => {
    setNow(new Date());
    void invitations.refetch();
    void events.refetch();
    void mails.refetch();
    void signIns.refetch();
    if (operator) void deadLetters.refetch();
  };
  return (
    <Page title={t.title} lead={t.lead(WINDOW_DAYS)}>
      <div className="overview-as-of">
        <p>{t.asOf(`${formatShortDate(now.toISOString())}, ${formatTime(now.toISOString())}`)}</p>
        <button type="button" className="button button-secondary" onClick={refresh}>
          {t.refresh}
        </button>
      </div>
      <div className="overview-sections">
        <InvitationsSection now={now} invitations={invitations} />
        <RegistrationSection now={now} events={events} />
        <FullEventsSection events={events} />
        <FailedMailsSection mails={mails} />
        <FailedSignInsSection now={now} signIns={signIns} />
        {operator ? <DeadLettersSection figures={deadLetters} /> : null}
      </div>
    </Page>
  );
}

interface Loaded<T> {
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly error: unknown;
  readonly data: T | undefined;
  readonly refetch: () => unknown;
}

function Section({
  heading,
  intro,
  children,
}: {
  readonly heading: string;
  readonly intro: string;
  readonly children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card overview-section">
      <h2 id={headingId}>{heading}</h2>
      <p className="meta">{intro}</p>
      {children}
    </section>
  );
}

/** Loading, error or the content of a section. */
function Body<T>({
  query,
  loading,
  children,
}: {
  readonly query: Loaded<T>;
  readonly loading: string;
  readonly children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading label={loading} />;
  if (query.isError || query.data === undefined) {
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}

function personName(invitation: Invitation): string {
  return [invitation.academicTitle, invitation.firstName, invitation.lastName].filter(Boolean).join(' ');
}

function InvitationsSection({
  now,
  invitations,
}: {
  readonly now: Date;
  readonly invitations: Loaded<Invitation[]>;
}) {
  return (
    <Section heading={t.invitations.heading} intro={t.invitations.intro(WINDOW_DAYS)}>
      <Body query={invitations} loading={t.invitations.loading}>
        {(open) => {
          const until = now.getTime() + WINDOW_DAYS * DAY_MS;
          const expiring = open
            .filter((invitation) => Date.parse(invitation.expiresAt) <= until)
            .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));
          if (expiring.length === 0) {
            return (
              <Empty>
                <p>{t.invitations.empty(WINDOW_DAYS)}</p>
              </Empty>
            );
          }
          return (
            <>
              <ul className="overview-list">
                {expiring.map((invitation) => (
                  <li key={invitation.id}>
                    <Link to={OPEN_INVITATIONS_PATH}>{personName(invitation)}</Link>
                    <span className="meta">
                      {[invitation.organisation, invitation.email].filter(Boolean).join(' · ')}
                    </span>
                    <span>
                      {t.invitations.expiresAt(formatDateTime(invitation.expiresAt))} ·{' '}
                      {t.invitations.sentTimes(invitation.sentCount)}
                    </span>
                  </li>
                ))}
              </ul>
              <p>
                <Link to={OPEN_INVITATIONS_PATH}>{t.invitations.link}</Link>
              </p>
            </>
          );
        }}
      </Body>
    </Section>
  );
}

interface RegistrationItem {
  readonly event: EventSummary;
  readonly what: 'opens' | 'closes';
  readonly at: string;
}

/** Events whose registration opens (draft or announced) or closes (open) within the window, soonest first. */
export function registrationItems(events: readonly EventSummary[], now: Date): RegistrationItem[] {
  const from = now.getTime();
  const until = from + WINDOW_DAYS * DAY_MS;
  const within = (iso: string) => Date.parse(iso) >= from && Date.parse(iso) <= until;
  const items: RegistrationItem[] = [];
  for (const event of events) {
    const { opensAt, closesAt } = event.registration;
    if ((event.status === 'draft' || event.status === 'announced') && within(opensAt)) {
      items.push({ event, what: 'opens', at: opensAt });
    } else if (event.status === 'registration-open' && within(closesAt)) {
      items.push({ event, what: 'closes', at: closesAt });
    }
  }
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function eventMeta(event: EventSummary): string {
  const kind = texts.events.kinds[event.kind];
  return event.startsAt ? `${kind}, ${formatDateTime(event.startsAt)}` : kind;
}

function RegistrationSection({
  now,
  events,
}: {
  readonly now: Date;
  readonly events: Loaded<EventSummary[]>;
}) {
  return (
    <Section heading={t.registration.heading} intro={t.registration.intro(WINDOW_DAYS)}>
      <Body query={events} loading={t.registration.loading}>
        {(coming) => {
          const items = registrationItems(coming, now);
          if (items.length === 0) {
            return (
              <Empty>
                <p>{t.registration.empty(WINDOW_DAYS)}</p>
              </Empty>
            );
          }
          return (
            <ul className="overview-list">
              {items.map(({ event, what, at }) => (
                <li key={event.eventId}>
                  <Link to={eventPath(event.eventId)}>{event.title}</Link>
                  <span className="meta">{eventMeta(event)}</span>
                  <span>
                    {what === 'opens'
                      ? t.registration.opens(formatDateTime(at))
                      : t.registration.closes(formatDateTime(at))}
                  </span>
                  {event.status === 'draft' ? (
                    <span className="badge badge-warning overview-draft">{t.registration.draftWarning}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          );
        }}
      </Body>
    </Section>
  );
}

function FullEventsSection({ events }: { readonly events: Loaded<EventSummary[]> }) {
  return (
    <Section heading={t.full.heading} intro={t.full.intro}>
      <Body query={events} loading={t.full.loading}>
        {(coming) => <FullEvents events={coming} />}
      </Body>
    </Section>
  );
}

/** Events taking registrations or closed for them can be full; drafts, held and cancelled ones cannot. */
function FullEvents({ events }: { readonly events: readonly EventSummary[] }) {
  const candidates = events.filter(
    (event) => event.status === 'registration-open' || event.status === 'registration-closed',
  );
  const seats = useSeatsOf(candidates.map((event) => event.eventId));
  if (seats.some((query) => query.isPending)) return <Loading label={t.full.loading} />;
  const failed = seats.filter((query) => query.isError);
  const full = candidates.flatMap((event, index) => {
    const found = seats[index]?.data;
    return found && found.seatsLeft === 0 && found.waiting > 0 ? [{ event, seats: found }] : [];
  });
  return (
    <>
      {failed.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <p>{t.full.seatsError}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => failed.forEach((query) => void query.refetch())}
          >
            {texts.common.retry}
          </button>
        </div>
      ) : null}
      {full.length > 0 ? (
        <ul className="overview-list">
          {full.map(({ event, seats: found }) => (
            <li key={event.eventId}>
              <Link to={participantsPath(event.eventId)} aria-label={t.full.link(event.title)}>
                {event.title}
              </Link>
              <span className="meta">{eventMeta(event)}</span>
              <span>{t.full.seats(found.capacity, found.waiting)}</span>
            </li>
          ))}
        </ul>
      ) : failed.length === 0 ? (
        <Empty>
          <p>{t.full.empty}</p>
        </Empty>
      ) : null}
    </>
  );
}

function FailedMailsSection({
  mails,
}: {
  readonly mails: Loaded<{ items: Delivery[]; nextCursor: string | null }>;
}) {
  return (
    <Section heading={t.mails.heading} intro={t.mails.intro}>
      <Body query={mails} loading={t.mails.loading}>
        {(page) => {
          if (page.items.length === 0) {
            return (
              <Empty>
                <p>{t.mails.empty}</p>
              </Empty>
            );
          }
          return (
            <>
              <p>
                <strong>
                  {page.nextCursor
                    ? t.mails.countAtLeast(FAILED_MAILS_SHOWN)
                    : t.mails.countAll(page.items.length)}
                </strong>
              </p>
              <ul className="overview-list">
                {page.items.map((mail) => (
                  <li key={mail.id}>
                    <Link to={failedMailsToPath(mail.recipient)}>
                      {t.mails.item(words.kinds[mail.kind], mail.recipient)}
                    </Link>
                    <span className="meta">
                      „{mail.subject}“, {t.mails.failedAt(formatDateTime(mail.createdAt))}
                    </span>
                    {mail.lastError ? (
                      <span>
                        {t.mails.answer}: <code>{mail.lastError}</code>
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
              <p>
                <Link to={FAILED_MAILS_PATH}>{t.mails.link}</Link>
              </p>
            </>
          );
        }}
      </Body>
    </Section>
  );
}

/** An address that wraps after its „@“ on a narrow screen, not in the middle of a name. */
function Address({ email }: { readonly email: string }) {
  const at = email.lastIndexOf('@');
  if (at < 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}

/** „sofort“ once the wait is over at `now`, else the time rounded up to the minute (never too early). */
function nextAttemptText(nextAttemptAt: string | null, now: Date): string {
  if (nextAttemptAt === null || Date.parse(nextAttemptAt) <= now.getTime()) return t.signIns.atOnce;
  const minute = 60_000;
  return formatTime(new Date(Math.ceil(Date.parse(nextAttemptAt) / minute) * minute).toISOString());
}

function FailedSignInsSection({
  now,
  signIns,
}: {
  readonly now: Date;
  readonly signIns: Loaded<FailedSignIns>;
}) {
  return (
    <Section heading={signInWords.heading} intro={signInWords.intro(FAILED_SIGN_IN_DAYS)}>
      <Body query={signIns} loading={signInWords.loading}>
        {({ days, addresses, addressCount }) => {
          if (addresses.length === 0) {
            return (
              <Empty>
                <p>{signInWords.empty(days)}</p>
              </Empty>
            );
          }
          return (
            <>
              <table className="overview-table stack-on-phone">
                <caption className="visually-hidden">{signInWords.caption(days)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{signInWords.columns.email}</th>
                    <th scope="col">{signInWords.columns.failures}</th>
                    <th scope="col">{signInWords.columns.lastFailure}</th>
                    <th scope="col">{signInWords.columns.nextAttempt}</th>
                  </tr>
                </thead>
                <tbody>
                  {addresses.map((address) => (
                    <tr key={address.email}>
                      <th scope="row" data-label={signInWords.columns.email}>
                        <Address email={address.email} />
                        <span className="meta">
                          {address.officeAccount ? signInWords.officeAccount : signInWords.noAccount}
                        </span>
                      </th>
                      <td data-label={signInWords.columns.failures}>
                        {address.failures.toLocaleString('de-DE')}
                      </td>
                      <td data-label={signInWords.columns.lastFailure}>
                        {formatShortDate(address.lastFailureAt)}, {formatTime(address.lastFailureAt)}
                      </td>
                      <td data-label={signInWords.columns.nextAttempt}>
                        {nextAttemptText(address.nextAttemptAt, now)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {addressCount > addresses.length ? (
                <p className="meta">{signInWords.newestOf(addresses.length, addressCount)}</p>
              ) : null}
            </>
          );
        }}
      </Body>
    </Section>
  );
}

/** For staff with the operations role: the open dead letters per stream, with the way to the „Betrieb“ page. */
function DeadLettersSection({ figures }: { readonly figures: Loaded<DeadLetterFigures> }) {
  return (
    <Section heading={t.deadLetters.heading} intro={t.deadLetters.intro}>
      <Body query={figures} loading={t.deadLetters.loading}>
        {(data) =>
          data.open === 0 ? (
            <p>{t.deadLetters.empty}</p>
          ) : (
            <>
              <ul className="overview-list">
                {data.openByTopic
                  .filter((entry) => entry.open > 0)
                  .map((entry) => (
                    <li key={entry.topic}>
                      {t.deadLetters.ofTopic(texts.console.operations.topics[entry.topic], entry.open)}
                    </li>
                  ))}
              </ul>
              <p>
                <Link to="/geschaeftsstelle/betrieb">{t.deadLetters.link(data.open)}</Link>
              </p>
            </>
          )
        }
      </Body>
    </Section>
  );
}
