import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { FormProblem } from '../../components/FormProblem';
import { ErrorNotice, Loading } from '../../components/States';
import { formatDateTime } from '../../format/dates';
import { texts } from '../../texts';
import { CancelRegistration } from './CancelRegistration';
import {
  DelegationForm,
  draftsFromProfile,
  draftsFromRegistration,
  type DelegationRule,
} from './DelegationForm';
import {
  changeableNow,
  useChangeDelegation,
  useDeclareInterest,
  useEventSeats,
  useOwnInterest,
  useOwnProfile,
  useOwnRegistration,
  useRegister,
  type EventDetail,
  type Registration,
} from './registrationApi';
import { municipalityOf, stateBadgeClass, stateWords } from './registrationWords';
import { chosenSessionIds, WorkshopChoice, workshopSlotsOf, type WorkshopChoices } from './WorkshopChoice';

export type { EventDetail } from './registrationApi';

const t = texts.registrations.panel;

/** Registration is possible now: open, and its closing time not passed. */
function registrationOpen(event: EventDetail, now = Date.now()): boolean {
  return event.status === 'registration-open' && now <= new Date(event.registration.closesAt).getTime();
}

/**
 * The registration in place on the event page, for whoever looks at it: a visitor is asked to
 * sign in, the office is sent to its console, a member registers, waits, cancels, declares interest,
 * chooses workshops or sends their municipality's delegation, as the event and their registration allow.
 */
export function RegistrationPanel({ event }: { readonly event: EventDetail }) {
  const headingId = useId();
  return (
    <section className="card registration-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.heading}</h2>
      <PanelBody event={event} />
    </section>
  );
}

function PanelBody({ event }: { readonly event: EventDetail }) {
  const session = useSession();
  if (session.isPending) return <Loading label={t.loading} />;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data.signedIn) return <SignInFirst event={event} />;
  if (session.data.role === 'staff') return <p>{t.staff}</p>;
  return <MemberPanel event={event} />;
}

function SignInFirst({ event }: { readonly event: EventDetail }) {
  const ended = eventEndedText(event);
  if (ended) return <p>{ended}</p>;
  const announced = event.status === 'announced';
  if (!announced && !registrationOpen(event)) return <p>{t.closed}</p>;
  const back = `/veranstaltungen/${event.eventId}`;
  return (
    <>
      <p>{announced ? t.signIn.interestText : t.signIn.text}</p>
      <p>
        <Link className="button button-primary" to={`/anmelden?weiter=${encodeURIComponent(back)}`}>
          {t.signIn.action}
        </Link>
      </p>
    </>
  );
}

function eventEndedText(event: EventDetail): string | undefined {
  if (event.status === 'cancelled') return t.eventCancelled;
  if (event.status === 'held') return t.eventHeld;
  return undefined;
}

/** A short message after something the member did, which takes the focus so that it is read out. */
function Announcement({
  children,
  tone = 'success',
}: {
  readonly children: ReactNode;
  readonly tone?: 'success' | 'info';
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="status"
      className={`notice ${tone === 'success' ? 'notice-success' : ''}`}
    >
      {children}
    </div>
  );
}

function MemberPanel({ event }: { readonly event: EventDetail }) {
  const own = useOwnRegistration(event.eventId);
  const [notice, setNotice] = useState<string | undefined>();
  const [justRegistered, setJustRegistered] = useState(false);

  if (own.isPending) return <Loading label={t.loading} />;
  if (own.isError) return <ErrorNotice error={own.error} onRetry={() => void own.refetch()} />;
  const registration = own.data ?? undefined;

  const onCancelled = (_: Registration, was: Registration['status']) => {
    setJustRegistered(false);
    setNotice(
      was === 'waiting' ? texts.registrations.cancel.doneWaiting : texts.registrations.cancel.doneConfirmed,
    );
  };

  return (
    <>
      {notice ? (
        <Announcement key={notice}>
          <p>{notice}</p>
        </Announcement>
      ) : null}
      {registration && registration.status !== 'cancelled' ? (
        <RegistrationState
          event={event}
          registration={registration}
          focusOnMount={justRegistered}
          onCancelled={onCancelled}
          onChanged={(message) => setNotice(message)}
        />
      ) : (
        <NoRegistration
          event={event}
          cancelled={registration}
          showCancelledNote={!notice}
          onRegistered={() => {
            setNotice(undefined);
            setJustRegistered(true);
          }}
        />
      )}
    </>
  );
}

/** The member has no registration (or a cancelled one): what the event allows now. */
function NoRegistration(props: {
  readonly event: EventDetail;
  readonly cancelled: Registration | undefined;
  readonly showCancelledNote: boolean;
  readonly onRegistered: () => void;
}) {
  const { event, cancelled } = props;
  const ended = eventEndedText(event);
  const cause = cancelled?.cancellation?.cause;
  const causeText =
    cause && cause !== 'registrant' ? texts.registrations.cancellationCauses[cause] : undefined;
  if (ended) {
    return (
      <>
        <p>{ended}</p>
        {causeText && cause !== 'event-cancelled' ? <p>{causeText}</p> : null}
      </>
    );
  }
  if (event.status === 'announced') return <InterestBlock event={event} />;
  if (!registrationOpen(event)) {
    return (
      <>
        <p>{t.closed}</p>
        {causeText ? <p>{causeText}</p> : null}
      </>
    );
  }
  return (
    <>
      {cancelled && props.showCancelledNote ? <p>{causeText ?? t.registerAgain}</p> : null}
      <RegisterForm event={event} onRegistered={props.onRegistered} />
    </>
  );
}

function InterestBlock({ event }: { readonly event: EventDetail }) {
  const circle = event.kind === 'kommunalzirkel';
  const interest = useOwnInterest(event.eventId, true);
  const profile = useOwnProfile(circle);
  const declare = useDeclareInterest(event.eventId);
  const municipality =
    circle && profile.data?.sector === 'Kommune' ? profile.data.municipality?.name : undefined;
  const opens = <p>{t.notOpenYet(formatDateTime(event.registration.opensAt))}</p>;

  if (interest.isPending) return <Loading label={t.loading} />;
  const declared = declare.data ?? interest.data;
  if (declared) {
    const name = declared.holder.municipality?.name;
    const text = name ? t.interest.declaredMunicipality(name) : t.interest.declared;
    return (
      <>
        {opens}
        {declare.isSuccess ? (
          <Announcement>
            <p>{text}</p>
          </Announcement>
        ) : (
          <div className="notice notice-success">
            <p>{text}</p>
          </div>
        )}
      </>
    );
  }
  return (
    <>
      {opens}
      <p>{municipality ? t.interest.textMunicipality(municipality) : t.interest.text}</p>
      {interest.isError ? (
        <ErrorNotice error={interest.error} onRetry={() => void interest.refetch()} />
      ) : null}
      <Refusal error={declare.error} />
      <p>
        <button
          type="button"
          className="button button-primary"
          disabled={declare.isPending}
          onClick={() => declare.mutate()}
        >
          {declare.isPending ? t.interest.sending : t.interest.action}
        </button>
      </p>
    </>
  );
}

/** A refused request in words, with a way onward (never a dead end). */
function Refusal({ error }: { readonly error: unknown }) {
  if (!error) return null;
  const targetGroup = error instanceof ApiProblem && error.rule?.startsWith('target-group');
  return (
    <>
      <FormProblem error={error} />
      {targetGroup ? (
        <p>
          <Link to="/veranstaltungen">{t.refusalOnward}</Link>
        </p>
      ) : null}
    </>
  );
}

function SeatsLeft({ event }: { readonly event: EventDetail }) {
  const seats = useEventSeats(event.eventId, true);
  if (seats.isPending) return <p className="meta">{t.seats.loading}</p>;
  // Without the figures the member can still register: the answer says whether it is a seat.
  if (seats.isError) return null;
  const { seatsLeft, capacity, waiting } = seats.data;
  return (
    <p className={seatsLeft > 0 ? 'seats-left' : 'notice notice-warning'}>
      {seatsLeft > 0
        ? t.seats.left(seatsLeft, capacity, event.kind === 'kommunalzirkel')
        : t.seats.full(waiting)}
    </p>
  );
}

function RegisterForm({
  event,
  onRegistered,
}: {
  readonly event: EventDetail;
  readonly onRegistered: () => void;
}) {
  if (event.kind === 'kommunalzirkel' && event.circle) {
    return <CircleRegistration event={event} rule={event.circle.delegation} onRegistered={onRegistered} />;
  }
  return <SimpleRegistration event={event} onRegistered={onRegistered} />;
}

/** A lounge: one button; a Deutschlandforum: the workshop choice first. */
function SimpleRegistration({
  event,
  onRegistered,
}: {
  readonly event: EventDetail;
  readonly onRegistered: () => void;
}) {
  const register = useRegister(event.eventId);
  const slots = workshopSlotsOf(event);
  const seats = useEventSeats(event.eventId, slots.length > 0);
  const [choices, setChoices] = useState<WorkshopChoices>({});
  const submit = (submitted: FormEvent) => {
    submitted.preventDefault();
    const sessionIds = chosenSessionIds(choices);
    register.mutate(sessionIds.length > 0 ? { sessionIds } : {}, { onSuccess: onRegistered });
  };
  return (
    <form className="register-form" onSubmit={submit}>
      <SeatsLeft event={event} />
      <p className="meta">{t.deadline(formatDateTime(event.registration.closesAt))}</p>
      {slots.length > 0 ? (
        <WorkshopChoice
          slots={slots}
          seats={seats.data}
          choices={choices}
          onChoose={(slot, sessionId) => setChoices((current) => ({ ...current, [slot]: sessionId }))}
        />
      ) : null}
      <Refusal error={register.error} />
      <p>{t.registerHint}</p>
      <button type="submit" className="button button-primary" disabled={register.isPending}>
        {register.isPending ? t.registering : t.register}
      </button>
    </form>
  );
}

/** A Kommunalzirkel: the member sends their municipality's delegation. */
function CircleRegistration(props: {
  readonly event: EventDetail;
  readonly rule: DelegationRule;
  readonly onRegistered: () => void;
}) {
  const { event } = props;
  const profile = useOwnProfile(true);
  const register = useRegister(event.eventId);
  if (profile.isPending) return <Loading label={t.loading} />;
  if (profile.isError) return <ErrorNotice error={profile.error} onRetry={() => void profile.refetch()} />;
  const municipality = profile.data.sector === 'Kommune' ? profile.data.municipality : undefined;
  if (!municipality) {
    return (
      <>
        <p>{t.noMunicipality.text}</p>
        <p>{t.noMunicipality.help}</p>
        <p>
          <Link to="/profil">{t.noMunicipality.profile}</Link>
        </p>
      </>
    );
  }
  return (
    <DelegationForm
      municipalityName={municipality.name}
      rule={props.rule}
      initial={draftsFromProfile(profile.data)}
      fieldPrefix="delegation"
      submitLabel={t.register}
      busyLabel={t.registering}
      busy={register.isPending}
      error={register.error}
      onSubmit={(delegation) => register.mutate({ delegation }, { onSuccess: props.onRegistered })}
    >
      <SeatsLeft event={event} />
      <p className="meta">{t.deadline(formatDateTime(event.registration.closesAt))}</p>
    </DelegationForm>
  );
}

/** The member's registration: confirmed or the waiting place, workshops, delegation, .ics, cancel, change. */
function RegistrationState(props: {
  readonly event: EventDetail;
  readonly registration: Registration;
  readonly focusOnMount: boolean;
  readonly onCancelled: (registration: Registration, was: Registration['status']) => void;
  readonly onChanged: (message: string) => void;
}) {
  const { event, registration } = props;
  const [editing, setEditing] = useState(false);
  const line = useRef<HTMLDivElement>(null);
  // Waiting, and then a seat (seen by asking again): say so, not only „angemeldet“.
  const [seenStatus, setSeenStatus] = useState(registration.status);
  const [promoted, setPromoted] = useState(false);
  if (seenStatus !== registration.status) {
    setSeenStatus(registration.status);
    setPromoted(seenStatus === 'waiting' && registration.status === 'confirmed');
  }
  // Only when it appears after the member's own registering: the answer is read out at once.
  const focusFirst = useRef(props.focusOnMount);
  useEffect(() => {
    if (focusFirst.current) line.current?.focus();
  }, []);

  const municipality = municipalityOf(registration);
  const changeable = changeableNow(registration);
  const ended = event.status === 'held' || event.status === 'cancelled';
  const delegationRule = event.circle?.delegation;

  return (
    <div className="registration-state">
      <div ref={line} tabIndex={-1} role="status" className="registration-state-line">
        <p>
          <span className={stateBadgeClass(registration)}>{stateWords(registration)}</span>{' '}
          {stateSentence(registration, event, promoted, municipality)}
        </p>
        {registration.status === 'waiting' && !ended ? <p>{t.waitingExplained}</p> : null}
      </div>
      {registration.registeredBy.role === 'staff' ? <p className="meta">{t.registeredBy}</p> : null}
      <WorkshopList registration={registration} />
      {registration.delegation && municipality && !editing ? (
        <>
          <h3>{t.delegationHeading(municipality)}</h3>
          <ul className="delegation-list">
            {registration.delegation.map((person) => (
              <li key={person.personId}>
                {person.firstName} {person.lastName} –{' '}
                {texts.events.delegationRoleOf(person.role, person.salutation)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {registration.status === 'confirmed' && !ended ? (
        <p>
          <a href={event.calendarHref} download>
            {texts.registrations.calendar}
          </a>
        </p>
      ) : null}
      {ended ? null : changeable ? (
        <p className="meta">
          {(registration.delegation ? t.delegationChangeableUntil : t.changeableUntil)(
            formatDateTime(registration.changeableUntil),
          )}
        </p>
      ) : (
        <p className="meta">{t.notChangeable}</p>
      )}
      {editing && delegationRule && municipality ? (
        <ChangeDelegation
          registration={registration}
          rule={delegationRule}
          municipality={municipality}
          onDone={(message) => {
            setEditing(false);
            if (message) props.onChanged(message);
          }}
        />
      ) : changeable ? (
        <div className="button-row">
          {registration.delegation && delegationRule ? (
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t.changeDelegation}
            </button>
          ) : null}
          <CancelRegistration
            registration={registration}
            label={texts.registrations.cancel.action}
            onCancelled={props.onCancelled}
          />
        </div>
      ) : null}
    </div>
  );
}

function stateSentence(
  registration: Registration,
  event: EventDetail,
  promoted: boolean,
  municipality: string | undefined,
): string {
  if (event.status === 'held') {
    if (registration.status === 'waiting') return t.wasWaiting;
    return registration.attended || registration.delegation?.some((person) => person.attended)
      ? t.attended
      : t.wasRegistered;
  }
  if (registration.status === 'waiting') {
    return municipality
      ? t.waitingMunicipality(municipality, registration.waitingPlace)
      : t.waiting(registration.waitingPlace);
  }
  if (promoted) return t.promoted;
  return municipality ? t.confirmedMunicipality(municipality) : t.confirmed;
}

function WorkshopList({ registration }: { readonly registration: Registration }) {
  if (registration.sessions.length === 0) return null;
  const states = t.workshopStates;
  return (
    <>
      <h3>{t.workshopsHeading}</h3>
      <ul className="workshop-list">
        {registration.sessions.map((session) => (
          <li key={session.sessionId}>
            <strong>{session.title}</strong> ({formatDateTime(session.startsAt)}):{' '}
            {session.status === 'confirmed'
              ? states.confirmed
              : session.status === 'waiting'
                ? states.waiting(session.waitingPlace)
                : states.pending}
          </li>
        ))}
      </ul>
    </>
  );
}

function ChangeDelegation(props: {
  readonly registration: Registration;
  readonly rule: DelegationRule;
  readonly municipality: string;
  readonly onDone: (message?: string) => void;
}) {
  const change = useChangeDelegation(props.registration.registrationId);
  return (
    <DelegationForm
      municipalityName={props.municipality}
      rule={props.rule}
      initial={draftsFromRegistration(props.registration)}
      fieldPrefix="people"
      submitLabel={texts.registrations.delegation.save}
      busyLabel={texts.registrations.delegation.saving}
      busy={change.isPending}
      error={change.error}
      onSubmit={(people) => change.mutate(people, { onSuccess: () => props.onDone(t.delegationChanged) })}
      onCancel={() => props.onDone()}
    />
  );
}
