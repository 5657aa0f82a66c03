import { useState } from 'react';
import { ApiProblem } from '../../../api/problem';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextAreaField } from '../../../components/Fields';
import { ErrorNotice, Loading, Success } from '../../../components/States';
import { texts } from '../../../texts';
import type { ClubEvent } from '../../events/eventTypes';
import { shortDateTime } from '../../events/eventWords';
import {
  useEventAudience,
  useLifecycleAction,
  useRegistrationStats,
  type LifecycleAction,
} from './consoleEventsApi';
import type { EventAudience, RegistrationStats } from './consoleEventTypes';

const t = texts.console.events.lifecycle;
const states = texts.console.events.states;

/** A series with a module still without a date has no end yet: it cannot be marked held. */
function hasOpenEnd(event: ClubEvent): boolean {
  return event.circle?.modules.some((module) => !module.startsAt) ?? false;
}

function hasEnded(event: ClubEvent, now: Date): boolean {
  return Boolean(event.endsAt) && !hasOpenEnd(event) && new Date(event.endsAt ?? 0) <= now;
}

/** The steps the event's state allows (as the events service's lifecycle rules say), in order. */
export function actionsAllowed(event: ClubEvent, now: Date = new Date()): LifecycleAction[] {
  switch (event.status) {
    case 'draft':
      return ['announce', 'cancel'];
    case 'announced':
      return ['open-registration', 'cancel'];
    case 'registration-open':
      return hasEnded(event, now)
        ? ['close-registration', 'mark-held', 'cancel']
        : ['close-registration', 'cancel'];
    case 'registration-closed':
      return hasEnded(event, now) ? ['mark-held', 'cancel'] : ['cancel'];
    case 'held':
    case 'cancelled':
      return [];
  }
}

/**
 * The lifecycle buttons: announce, open or close registration early, mark held, cancel with a
 * reason. Each shown only when the event's state allows it, each asks first and says who will be
 * told, counted now (GET …/audience, …/registration-stats).
 */
export function LifecyclePanel({ event }: { readonly event: ClubEvent }) {
  const [asking, setAsking] = useState<LifecycleAction>();
  const [done, setDone] = useState<LifecycleAction>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const change = useLifecycleAction(event.eventId);
  const allowed = actionsAllowed(event);
  const notEnded =
    (event.status === 'registration-open' || event.status === 'registration-closed') &&
    !allowed.includes('mark-held') &&
    event.endsAt &&
    !hasOpenEnd(event);

  function ask(action: LifecycleAction) {
    change.reset();
    setDone(undefined);
    setReason('');
    setReasonError(undefined);
    setAsking(action);
  }

  function confirm() {
    if (!asking) return;
    if (asking === 'cancel' && reason.trim() === '') {
      setReasonError(t.cancel.reasonMissing);
      return;
    }
    const action = asking;
    change.mutate(
      { action, reason: reason.trim() },
      {
        onSuccess: () => {
          setAsking(undefined);
          setDone(action);
        },
        onError: (error) => {
          if (error instanceof ApiProblem && error.messageFor('reason'))
            setReasonError(error.messageFor('reason'));
        },
      },
    );
  }

  return (
    <section aria-labelledby="stand-aendern" className="card console-lifecycle">
      <h2 id="stand-aendern">{t.heading}</h2>
      {done ? <Success>{t.done[done]}</Success> : null}
      <p>{t.current(states[event.status])}</p>
      {allowed.length === 0 ? (
        <p>{t.nothing}</p>
      ) : (
        <>
          <ul className="button-row console-lifecycle-buttons">
            {allowed.map((action) => (
              <li key={action}>
                <button
                  type="button"
                  className={`button ${action === 'cancel' ? 'button-danger' : 'button-primary'}`}
                  onClick={() => ask(action)}
                >
                  {t[action].button}
                </button>
              </li>
            ))}
          </ul>
          {notEnded ? (
            <p className="meta">{t['mark-held'].notEnded(shortDateTime(event.endsAt ?? ''))}</p>
          ) : null}
          <p className="meta">{t.scheduleNote}</p>
        </>
      )}
      <ConfirmDialog
        open={asking !== undefined}
        title={asking ? t[asking].title : ''}
        confirmLabel={asking ? t[asking].confirm : ''}
        destructive={asking === 'cancel'}
        busy={change.isPending}
        onCancel={() => setAsking(undefined)}
        onConfirm={confirm}
      >
        {asking ? <Consequences event={event} action={asking} /> : null}
        {asking === 'cancel' ? (
          <TextAreaField
            label={t.cancel.reason}
            hint={t.cancel.reasonHint}
            value={reason}
            onChange={(input) => setReason(input.currentTarget.value)}
            error={reasonError}
            required
            maxLength={1000}
            rows={3}
          />
        ) : null}
        {change.isError && !reasonError ? <ErrorNotice error={change.error} /> : null}
      </ConfirmDialog>
    </section>
  );
}

/** What the step does and who is told, in numbers counted now. */
function Consequences({ event, action }: { readonly event: ClubEvent; readonly action: LifecycleAction }) {
  const needsAudience = action === 'announce' || action === 'open-registration';
  const needsStats = action !== 'announce' && action !== 'mark-held' && event.status !== 'draft';
  const audience = useEventAudience(event.eventId, needsAudience);
  const stats = useRegistrationStats(event.eventId, needsStats);
  const pending = (needsAudience && audience.isPending) || (needsStats && stats.isPending);
  const failed = (needsAudience && audience.isError) || (needsStats && stats.isError);
  return (
    <>
      <p>{intro(event, action)}</p>
      {pending ? (
        <Loading label={t.counting} />
      ) : failed ? (
        <p className="notice notice-warning">{t.countFailed}</p>
      ) : (
        <div className="console-who" role="status">
          {whoIsTold(event, action, audience.data, stats.data).map((line) => (
            <p key={line}>
              <strong>{line}</strong>
            </p>
          ))}
        </div>
      )}
    </>
  );
}

function intro(event: ClubEvent, action: LifecycleAction): string {
  switch (action) {
    case 'announce':
      return t.announce.intro;
    case 'open-registration':
      return t['open-registration'].intro(shortDateTime(event.registration.opensAt));
    case 'close-registration':
      return t['close-registration'].intro(shortDateTime(event.registration.closesAt));
    case 'mark-held':
      return t['mark-held'].intro;
    case 'cancel':
      return t.cancel.intro;
  }
}

/** Who will be told, as the notifications service addresses the mails of this step. */
export function whoIsTold(
  event: ClubEvent,
  action: LifecycleAction,
  audience: EventAudience | undefined,
  stats: RegistrationStats | undefined,
  now: Date = new Date(),
): string[] {
  switch (action) {
    case 'announce': {
      const n = audience?.announcement ?? 0;
      const who =
        event.kind === 'kommunalzirkel' || event.audience === 'target-group'
          ? t.announce.whoTargetGroup(n)
          : event.announceTo === 'matching-themes'
            ? t.announce.whoThemes(n)
            : t.announce.whoAll(n);
      const later = new Date(event.registration.opensAt) > now;
      return [
        who,
        later ? t.announce.opensLater(shortDateTime(event.registration.opensAt)) : t.announce.opensNow,
      ];
    }
    case 'open-registration':
      return [
        t['open-registration'].whoAudience(audience?.registrationOpened ?? 0),
        t['open-registration'].whoInterested(
          stats?.interestedMembers ?? 0,
          stats?.interestedMunicipalities ?? 0,
        ),
      ];
    case 'close-registration':
      return [t['close-registration'].who(stats?.confirmed ?? 0, stats?.waiting ?? 0)];
    case 'mark-held':
      return [t['mark-held'].who];
    case 'cancel':
      if (event.status === 'draft') return [t.cancel.draftNotTold];
      return [
        t.cancel.who(stats?.confirmed ?? 0, stats?.waiting ?? 0, event.kind === 'kommunalzirkel'),
        t.cancel.notTold,
      ];
  }
}
