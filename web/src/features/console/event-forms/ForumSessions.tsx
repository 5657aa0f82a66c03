import { useEffect, useRef, useState } from 'react';
import { DayTimesField } from '../../../components/DateTimeFields';
import { SelectField, TextAreaField, TextField } from '../../../components/Fields';
import { texts } from '../../../texts';
import type { ErrorsFor } from './FormParts';
import {
  blankSession,
  blankSpeaker,
  SESSION_KINDS,
  type SessionDraft,
  type SpeakerDraft,
} from './eventDraft';
import { MemberSearch } from './MemberSearch';

const t = texts.console.eventForms.sessions;

type SessionsChange = (change: (sessions: readonly SessionDraft[]) => readonly SessionDraft[]) => void;

interface ForumSessionsProps {
  readonly sessions: readonly SessionDraft[];
  /** The forum's first and last day (`YYYY-MM-DD`), which the items' days lie between. */
  readonly forumStart: string;
  readonly forumEnd: string;
  readonly errorFor: ErrorsFor;
  readonly onChange: SessionsChange;
}

/**
 * The forum's agenda: one group per item (talk, workshop, panel, discussion) with its day and
 * times, room, a workshop's own seats and its speakers. Adding an item puts the focus into it;
 * removing one puts it on „Programmpunkt hinzufügen“.
 */
export function ForumSessions({ sessions, forumStart, forumEnd, errorFor, onChange }: ForumSessionsProps) {
  const [focusKey, setFocusKey] = useState<number | undefined>();
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAdd = useRef(false);
  useEffect(() => {
    if (!focusAdd.current) return;
    focusAdd.current = false;
    addButton.current?.focus();
  });

  const add = (kind: SessionDraft['kind']) => {
    const session = blankSession(kind, forumStart);
    onChange((current) => [...current, session]);
    setFocusKey(session.key);
  };
  const remove = (key: number) => {
    onChange((current) => current.filter((session) => session.key !== key));
    focusAdd.current = true;
  };
  const update = (key: number, change: Partial<SessionDraft>) =>
    onChange((current) =>
      current.map((session) => (session.key === key ? { ...session, ...change } : session)),
    );

  const listError = errorFor('sessions');
  return (
    <>
      {listError ? <p className="field-error">{listError}</p> : null}
      {sessions.length === 0 ? <p className="meta">{t.empty}</p> : null}
      {sessions.map((session, index) => (
        <SessionFields
          key={session.key}
          session={session}
          index={index}
          focus={focusKey === session.key}
          forumStart={forumStart}
          forumEnd={forumEnd}
          errorFor={(field) => errorFor(`sessions.${index}.${field}`)}
          onChange={(change) => update(session.key, change)}
          onRemove={() => remove(session.key)}
        />
      ))}
      <div className="button-row">
        <button ref={addButton} type="button" className="button button-secondary" onClick={() => add('talk')}>
          {t.add}
        </button>
        <button type="button" className="button button-secondary" onClick={() => add('workshop')}>
          {t.addWorkshop}
        </button>
      </div>
    </>
  );
}

interface SessionFieldsProps {
  readonly session: SessionDraft;
  readonly index: number;
  readonly focus: boolean;
  readonly forumStart: string;
  readonly forumEnd: string;
  readonly errorFor: ErrorsFor;
  readonly onChange: (change: Partial<SessionDraft>) => void;
  readonly onRemove: () => void;
}

function SessionFields({
  session,
  index,
  focus,
  forumStart,
  forumEnd,
  errorFor,
  onChange,
  onRemove,
}: SessionFieldsProps) {
  const group = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focus) group.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, [focus]);
  const at = `sessions.${index}`;
  const n = index + 1;
  return (
    <fieldset className="event-form-item" ref={group}>
      <legend>{t.legend(n, session.title.trim())}</legend>
      <div className="event-form-row">
        <SelectField
          label={t.kind}
          value={session.kind}
          error={errorFor('kind')}
          onChange={(event) => {
            const kind = event.target.value as SessionDraft['kind'];
            onChange({ kind, capacity: kind === 'workshop' ? session.capacity || '30' : '' });
          }}
          data-field={`${at}.kind`}
          className="input-short"
          required
        >
          {SESSION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {texts.events.sessionKinds[kind]}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t.title}
          value={session.title}
          error={errorFor('title')}
          onChange={(event) => onChange({ title: event.target.value })}
          data-field={`${at}.title`}
          maxLength={200}
          required
        />
      </div>
      <DayTimesField
        label={t.when}
        hint={t.whenHint}
        field={`${at}.startsAt`}
        endField={`${at}.endsAt`}
        date={session.date}
        startTime={session.startTime}
        endTime={session.endTime}
        min={forumStart || undefined}
        max={forumEnd || undefined}
        dateError={errorFor('startsAt')}
        startError={errorFor('startsAt')}
        endError={errorFor('endsAt')}
        onDateChange={(date) => onChange({ date })}
        onStartTimeChange={(startTime) => onChange({ startTime })}
        onEndTimeChange={(endTime) => onChange({ endTime })}
        required
      />
      <div className="event-form-row">
        <TextField
          label={t.room}
          value={session.room}
          error={errorFor('room')}
          onChange={(event) => onChange({ room: event.target.value })}
          data-field={`${at}.room`}
          maxLength={120}
        />
        {session.kind === 'workshop' ? (
          <TextField
            label={t.capacity}
            hint={t.capacityHint}
            value={session.capacity}
            error={errorFor('capacity')}
            onChange={(event) => onChange({ capacity: event.target.value })}
            data-field={`${at}.capacity`}
            inputMode="numeric"
            className="input-short"
            required
          />
        ) : null}
      </div>
      {session.kind !== 'workshop' && errorFor('capacity') ? (
        <p className="field-error">{errorFor('capacity')}</p>
      ) : null}
      <TextAreaField
        label={t.abstract}
        value={session.abstract}
        error={errorFor('abstract')}
        onChange={(event) => onChange({ abstract: event.target.value })}
        data-field={`${at}.abstract`}
        rows={3}
        maxLength={4000}
      />
      <Speakers
        speakers={session.speakers}
        at={at}
        errorFor={errorFor}
        onChange={(speakers) => onChange({ speakers })}
      />
      <button type="button" className="button button-link" onClick={onRemove}>
        {t.remove(n)}
      </button>
    </fieldset>
  );
}

function Speakers({
  speakers,
  at,
  errorFor,
  onChange,
}: {
  speakers: readonly SpeakerDraft[];
  at: string;
  errorFor: ErrorsFor;
  onChange: (speakers: readonly SpeakerDraft[]) => void;
}) {
  const [focusKey, setFocusKey] = useState<number | undefined>();
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAdd = useRef(false);
  useEffect(() => {
    if (!focusAdd.current) return;
    focusAdd.current = false;
    addButton.current?.focus();
  });
  const update = (key: number, change: Partial<SpeakerDraft>) =>
    onChange(speakers.map((speaker) => (speaker.key === key ? { ...speaker, ...change } : speaker)));
  const addExternal = () => {
    const speaker = blankSpeaker();
    onChange([...speakers, speaker]);
    setFocusKey(speaker.key);
  };
  const remove = (key: number) => {
    onChange(speakers.filter((speaker) => speaker.key !== key));
    focusAdd.current = true;
  };
  const chosen = new Set(speakers.flatMap((speaker) => (speaker.memberId ? [speaker.memberId] : [])));
  return (
    <fieldset className="event-form-speakers">
      <legend>{t.speakers}</legend>
      {speakers.length === 0 ? <p className="meta">{t.noSpeakers}</p> : null}
      {speakers.map((speaker, index) =>
        speaker.memberId ? (
          <div className="event-form-speaker" key={speaker.key}>
            <p>
              <strong>{speaker.name}</strong>
              {speaker.organisation ? `, ${speaker.organisation}` : ''}{' '}
              <span className="badge">{t.member}</span>
            </p>
            {errorFor(`speakers.${index}.memberId`) ? (
              <p className="field-error">{errorFor(`speakers.${index}.memberId`)}</p>
            ) : null}
            <TextAreaField
              label={texts.console.eventForms.sessions.speakerBio}
              value={speaker.bio}
              error={errorFor(`speakers.${index}.bio`)}
              onChange={(event) => update(speaker.key, { bio: event.target.value })}
              data-field={`${at}.speakers.${index}.memberId`}
              rows={2}
              maxLength={2000}
            />
            <button type="button" className="button button-link" onClick={() => remove(speaker.key)}>
              {t.removeSpeaker(speaker.name)}
            </button>
          </div>
        ) : (
          <ExternalSpeaker
            key={speaker.key}
            speaker={speaker}
            index={index}
            at={at}
            focus={focusKey === speaker.key}
            errorFor={errorFor}
            onChange={(change) => update(speaker.key, change)}
            onRemove={() => remove(speaker.key)}
          />
        ),
      )}
      <MemberSearch
        chosen={chosen}
        onPick={(member) =>
          onChange([
            ...speakers,
            {
              key: blankSpeaker().key,
              memberId: member.memberId,
              name: member.name,
              organisation: member.organisation,
              bio: '',
            },
          ])
        }
      />
      <button ref={addButton} type="button" className="button button-secondary" onClick={addExternal}>
        {t.addExternal}
      </button>
    </fieldset>
  );
}

function ExternalSpeaker({
  speaker,
  index,
  at,
  focus,
  errorFor,
  onChange,
  onRemove,
}: {
  speaker: SpeakerDraft;
  index: number;
  at: string;
  focus: boolean;
  errorFor: ErrorsFor;
  onChange: (change: Partial<SpeakerDraft>) => void;
  onRemove: () => void;
}) {
  const group = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focus) group.current?.querySelector<HTMLElement>('input')?.focus();
  }, [focus]);
  const where = `speakers.${index}`;
  return (
    <fieldset className="event-form-speaker" ref={group}>
      <legend>
        {t.speakerLegend(index + 1)} – {t.external}
      </legend>
      <div className="event-form-row">
        <TextField
          label={t.speakerName}
          hint={t.speakerNameHint}
          value={speaker.name}
          error={errorFor(`${where}.name`)}
          onChange={(event) => onChange({ name: event.target.value })}
          data-field={`${at}.${where}.name`}
          maxLength={160}
          required
        />
        <TextField
          label={t.speakerOrganisation}
          value={speaker.organisation}
          error={errorFor(`${where}.organisation`)}
          onChange={(event) => onChange({ organisation: event.target.value })}
          data-field={`${at}.${where}.organisation`}
          maxLength={160}
          required
        />
      </div>
      <TextAreaField
        label={t.speakerBio}
        value={speaker.bio}
        error={errorFor(`${where}.bio`)}
        onChange={(event) => onChange({ bio: event.target.value })}
        data-field={`${at}.${where}.bio`}
        rows={2}
        maxLength={2000}
      />
      <button type="button" className="button button-link" onClick={onRemove}>
        {t.removeSpeaker(speaker.name.trim() || t.speakerLegend(index + 1))}
      </button>
    </fieldset>
  );
}
