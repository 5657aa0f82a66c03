import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem, type FieldProblem } from '../../../api/problem';
import { CheckboxGroup, RadioGroup } from '../../../components/ChoiceGroups';
import { DateTimeField, DayTimesField } from '../../../components/DateTimeFields';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../components/Fields';
import { ErrorNotice } from '../../../components/States';
import { texts } from '../../../texts';
import { CircleModules } from './CircleModules';
import { ForumSessions } from './ForumSessions';
import type { ErrorsFor } from './FormParts';
import {
  buildRequest,
  DELEGATION_ROLES,
  FEDERAL_STATES,
  sentenceFor,
  fieldName,
  THEMES,
  withDerivedDates,
  type EventDraft,
  type EventRequest,
  type FederalState,
  type VenueDraft,
} from './eventDraft';

const t = texts.console.eventForms;
const f = t.fields;

/**
 * The server's refusal in the form's words: a malformed field (400, the validator's words name code
 * values) gets the form's sentence for it, a broken rule (422) keeps the service's German sentence.
 */
export function problemsOf(error: unknown): readonly FieldProblem[] {
  if (!(error instanceof ApiProblem)) return [];
  return error.fieldErrors.map((problem) =>
    error.status === 400 ? { field: problem.field, message: sentenceFor(problem.field) } : problem,
  );
}

interface EventFormProps {
  readonly initial: EventDraft;
  /** A new event, or a change of one (then optional fields left empty are cleared). */
  readonly changing: boolean;
  /** Whether „Anmeldung öffnet mit der Ankündigung“ may be chosen (not once announced). */
  readonly mayOpenWithAnnouncement: boolean;
  readonly submitLabel: string;
  readonly busy: boolean;
  /** The refused save (problem+json). */
  readonly error: unknown;
  readonly cancelTo: string;
  readonly onSubmit: (request: EventRequest) => void;
  /** Shown above the form, e.g. what a change tells the registered. */
  readonly children?: ReactNode;
}

/** Creating or changing one event as its kind: the common parts and the kind's own. */
export function EventForm(props: EventFormProps) {
  const [draft, setDraft] = useState<EventDraft>(props.initial);
  const [checked, setChecked] = useState<readonly FieldProblem[] | undefined>();
  const change = (patch: Partial<EventDraft>) =>
    setDraft((current) => withDerivedDates({ ...current, ...patch }));
  const update = (next: (current: EventDraft) => EventDraft) =>
    setDraft((current) => withDerivedDates(next(current)));

  const serverProblems = useMemo(() => problemsOf(props.error), [props.error]);
  const problems = checked ?? serverProblems;
  const errorFor: ErrorsFor = (field) => {
    const messages = [
      ...new Set(problems.filter((problem) => problem.field === field).map((p) => p.message)),
    ];
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  const refusedWithoutFields = !checked && props.error && serverProblems.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildRequest(draft, new Date(), props.changing);
    if (built.problems.length > 0) {
      setChecked(built.problems);
      return;
    }
    setChecked(undefined);
    props.onSubmit(built.request);
  };

  const { kind } = draft;
  const fieldCount = new Set(problems.map((problem) => problem.field)).size;
  return (
    <form className="event-form" onSubmit={submit} noValidate>
      {props.children}
      {problems.length > 0 ? (
        <ErrorSummary
          heading={texts.common.formHasErrors(fieldCount)}
          problems={problems}
          fieldName={fieldName}
        />
      ) : null}
      {refusedWithoutFields ? <ErrorNotice error={props.error} /> : null}

      <Section title={t.sections.basics}>
        <TextField
          label={f.title}
          hint={f.titleHint[kind]}
          value={draft.title}
          error={errorFor('title')}
          onChange={(event) => change({ title: event.target.value })}
          data-field="title"
          maxLength={200}
          required
        />
        {kind === 'deutschlandforum' ? (
          <>
            <TextField
              label={f.leitgedanke}
              hint={f.leitgedankeHint}
              value={draft.leitgedanke}
              error={errorFor('leitgedanke')}
              onChange={(event) => change({ leitgedanke: event.target.value })}
              data-field="leitgedanke"
              maxLength={300}
              required
            />
            <TextField
              label={f.edition}
              hint={f.editionHint}
              value={draft.edition}
              error={errorFor('edition')}
              onChange={(event) => change({ edition: event.target.value })}
              data-field="edition"
              inputMode="numeric"
              className="input-short"
            />
          </>
        ) : null}
        {kind === 'innovators-lounge' ? (
          <TextField
            label={f.topic}
            value={draft.topic}
            error={errorFor('topic')}
            onChange={(event) => change({ topic: event.target.value })}
            data-field="topic"
            maxLength={300}
            required
          />
        ) : null}
        <TextAreaField
          label={f.summary}
          hint={f.summaryHint}
          value={draft.summary}
          error={errorFor('summary')}
          onChange={(event) => change({ summary: event.target.value })}
          data-field="summary"
          rows={2}
          maxLength={500}
        />
        <TextAreaField
          label={f.description}
          hint={f.descriptionHint}
          value={draft.description}
          error={errorFor('description')}
          onChange={(event) => change({ description: event.target.value })}
          data-field="description"
          rows={8}
          required
        />
        <CheckboxGroup
          legend={f.themes}
          hint={f.themesHint}
          field="themes"
          error={errorFor('themes')}
          options={THEMES.map((theme) => ({ value: theme, label: texts.events.themes[theme] }))}
          chosen={draft.themes}
          onChange={(themes) => change({ themes: themes as EventDraft['themes'] })}
        />
      </Section>

      {kind === 'kommunalzirkel' ? null : (
        <Section title={t.sections.when} lead={f.timeZoneHint}>
          {kind === 'innovators-lounge' ? (
            <DayTimesField
              label={f.loungeWhen}
              hint={f.loungeWhenHint}
              field="startsAt"
              endField="endsAt"
              date={draft.startDate}
              startTime={draft.startTime}
              endTime={draft.endTime}
              dateError={errorFor('startsAt')}
              startError={errorFor('startsAt')}
              endError={errorFor('endsAt')}
              onDateChange={(startDate) => change({ startDate })}
              onStartTimeChange={(startTime) => change({ startTime })}
              onEndTimeChange={(endTime) => change({ endTime })}
              required
            />
          ) : (
            <>
              <DateTimeField
                label={f.start}
                hint={f.forumStartHint}
                field="startsAt"
                date={draft.startDate}
                time={draft.startTime}
                dateError={errorFor('startsAt')}
                onDateChange={(startDate) => change({ startDate })}
                onTimeChange={(startTime) => change({ startTime })}
                required
              />
              <DateTimeField
                label={f.end}
                hint={f.forumEndHint}
                field="endsAt"
                date={draft.endDate}
                time={draft.endTime}
                dateError={errorFor('endsAt')}
                min={draft.startDate || undefined}
                onDateChange={(endDate) => change({ endDate, endFollowsStart: false })}
                onTimeChange={(endTime) => change({ endTime })}
                required
              />
            </>
          )}
        </Section>
      )}

      {kind === 'kommunalzirkel' ? null : (
        <Section title={kind === 'innovators-lounge' ? t.sections.whereAndHost : t.sections.where}>
          {kind === 'innovators-lounge' ? (
            <fieldset className="event-form-group">
              <legend>{t.sections.host}</legend>
              <TextField
                label={f.hostName}
                hint={f.hostNameHint}
                value={draft.hostName}
                error={errorFor('host.name')}
                onChange={(event) => change({ hostName: event.target.value })}
                data-field="host.name"
                maxLength={120}
                required
              />
              <StateSelect
                value={draft.hostState}
                error={errorFor('host.federalState')}
                field="host.federalState"
                onChange={(hostState) =>
                  update((current) => ({
                    ...current,
                    hostState,
                    venue: current.venue.federalState
                      ? current.venue
                      : { ...current.venue, federalState: hostState },
                  }))
                }
              />
              <TextField
                label={f.hostAgs}
                hint={f.hostAgsHint}
                value={draft.hostAgs}
                error={errorFor('host.ags')}
                onChange={(event) => change({ hostAgs: event.target.value })}
                data-field="host.ags"
                inputMode="numeric"
                maxLength={8}
                className="input-short"
              />
            </fieldset>
          ) : null}
          <VenueFields venue={draft.venue} errorFor={errorFor} onChange={(venue) => change({ venue })} />
        </Section>
      )}

      {kind === 'deutschlandforum' ? (
        <Section title={t.sections.agenda} lead={t.sessions.intro}>
          <ForumSessions
            sessions={draft.sessions}
            forumStart={draft.startDate}
            forumEnd={draft.endDate}
            errorFor={errorFor}
            onChange={(sessions) =>
              update((current) => ({ ...current, sessions: sessions(current.sessions) }))
            }
          />
        </Section>
      ) : null}

      {kind === 'kommunalzirkel' ? (
        <Section title={t.sections.modules} lead={`${t.modules.intro} ${f.timeZoneHint}`}>
          <CircleModules
            modules={draft.modules}
            errorFor={errorFor}
            onChange={(modules) => update((current) => ({ ...current, modules: modules(current.modules) }))}
          />
        </Section>
      ) : null}

      <Section title={kind === 'kommunalzirkel' ? t.sections.circleParticipation : t.sections.participation}>
        <TextField
          label={kind === 'kommunalzirkel' ? f.capacityCircle : f.capacity}
          hint={f.capacityHint[kind]}
          value={draft.capacity}
          error={errorFor('capacity')}
          onChange={(event) => change({ capacity: event.target.value })}
          data-field="capacity"
          inputMode="numeric"
          className="input-short"
          required
        />
        {kind === 'kommunalzirkel' ? (
          <p className="meta">{f.audienceCircle}</p>
        ) : (
          <SelectField
            label={f.audience}
            value={draft.audience}
            error={errorFor('audience')}
            onChange={(event) => change({ audience: event.target.value as EventDraft['audience'] })}
            data-field="audience"
            required
          >
            {(['members', 'members-and-guests', 'target-group'] as const).map((audience) => (
              <option key={audience} value={audience}>
                {texts.events.audiences[audience]}
              </option>
            ))}
          </SelectField>
        )}
        {kind === 'kommunalzirkel' || draft.audience === 'target-group' ? (
          <>
            <CheckboxGroup
              legend={f.targetStates}
              hint={f.targetStatesHint}
              field="targetGroup.federalStates"
              error={errorFor('targetGroup.federalStates') ?? errorFor('targetGroup')}
              options={FEDERAL_STATES.map((state) => ({
                value: state,
                label: texts.common.federalStates[state],
              }))}
              chosen={draft.targetStates}
              onChange={(states) => change({ targetStates: states as FederalState[] })}
            />
            <TextField
              label={f.maxPopulation}
              hint={f.maxPopulationHint}
              value={draft.maxPopulation}
              error={errorFor('targetGroup.maxPopulation')}
              onChange={(event) => change({ maxPopulation: event.target.value })}
              data-field="targetGroup.maxPopulation"
              inputMode="numeric"
              className="input-short"
            />
          </>
        ) : null}
        {kind === 'kommunalzirkel' ? (
          <>
            <TextField
              label={f.maxPeople}
              hint={f.maxPeopleHint}
              value={draft.maxPeople}
              error={errorFor('delegation.maxPeople')}
              onChange={(event) => change({ maxPeople: event.target.value })}
              data-field="delegation.maxPeople"
              inputMode="numeric"
              className="input-short"
              required
            />
            <CheckboxGroup
              legend={f.suggestedRoles}
              hint={f.suggestedRolesHint}
              field="delegation.suggestedRoles"
              error={errorFor('delegation.suggestedRoles')}
              options={DELEGATION_ROLES.map((role) => ({
                value: role,
                label: texts.events.delegationRoles[role],
              }))}
              chosen={draft.suggestedRoles}
              onChange={(roles) => change({ suggestedRoles: roles as EventDraft['suggestedRoles'] })}
              optional
            />
            <TextField
              label={f.fee}
              hint={f.feeHint}
              value={draft.fee}
              error={errorFor('feeCents')}
              onChange={(event) => change({ fee: event.target.value })}
              data-field="feeCents"
              inputMode="decimal"
              className="input-short"
              required
            />
            <TextField
              label={f.feeNote}
              hint={f.feeNoteHint}
              value={draft.feeNote}
              error={errorFor('feeNote')}
              onChange={(event) => change({ feeNote: event.target.value })}
              data-field="feeNote"
              maxLength={300}
            />
          </>
        ) : null}
        <RegistrationWindow
          draft={draft}
          errorFor={errorFor}
          mayOpenWithAnnouncement={props.mayOpenWithAnnouncement}
          onChange={change}
        />
      </Section>

      <Section title={t.sections.announcement}>
        {kind === 'kommunalzirkel' ? (
          <p>{f.announcementCircle}</p>
        ) : (
          <RadioGroup
            legend={f.announceTo}
            hint={f.announceToHint}
            field="announceTo"
            error={errorFor('announceTo')}
            value={draft.announceTo}
            options={(['all-members', 'matching-themes'] as const).map((scope) => ({
              value: scope,
              label: f.announceToOptions[scope],
            }))}
            onChange={(announceTo) => change({ announceTo: announceTo as EventDraft['announceTo'] })}
          />
        )}
      </Section>

      <div className="button-row">
        <button type="submit" className="button button-primary" aria-disabled={props.busy || undefined}>
          {props.busy ? t.save.saving : props.submitLabel}
        </button>
        <Link to={props.cancelTo} className="button button-secondary">
          {t.save.cancel}
        </Link>
      </div>
    </form>
  );
}

function Section({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="event-form-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead ? <p className="meta">{lead}</p> : null}
      {children}
    </section>
  );
}

function RegistrationWindow({
  draft,
  errorFor,
  mayOpenWithAnnouncement,
  onChange,
}: {
  draft: EventDraft;
  errorFor: ErrorsFor;
  mayOpenWithAnnouncement: boolean;
  onChange: (patch: Partial<EventDraft>) => void;
}) {
  const opensError = errorFor('registration.opensAt');
  return (
    <>
      {mayOpenWithAnnouncement ? (
        <RadioGroup
          legend={f.opens}
          field="registration.opensAt"
          error={draft.opensWithAnnouncement ? opensError : undefined}
          value={draft.opensWithAnnouncement ? 'announcement' : 'fixed'}
          options={[
            { value: 'announcement', label: f.opensWithAnnouncement, details: f.opensWithAnnouncementHint },
            { value: 'fixed', label: f.opensAt, details: f.opensAtHint },
          ]}
          onChange={(value) => onChange({ opensWithAnnouncement: value === 'announcement' })}
        />
      ) : null}
      {!mayOpenWithAnnouncement || !draft.opensWithAnnouncement ? (
        <DateTimeField
          label={f.opensAtLabel}
          hint={mayOpenWithAnnouncement ? undefined : f.opensAtHint}
          field={mayOpenWithAnnouncement ? undefined : 'registration.opensAt'}
          date={draft.opensDate}
          time={draft.opensTime}
          dateError={opensError}
          onDateChange={(opensDate) => onChange({ opensDate })}
          onTimeChange={(opensTime) => onChange({ opensTime })}
          required
        />
      ) : null}
      <DateTimeField
        label={f.closes}
        hint={draft.kind === 'kommunalzirkel' ? f.closesCircleHint : f.closesHint}
        field="registration.closesAt"
        date={draft.closesDate}
        time={draft.closesTime}
        dateError={errorFor('registration.closesAt')}
        onDateChange={(closesDate) => onChange({ closesDate, closesFollowStart: false })}
        onTimeChange={(closesTime) => onChange({ closesTime, closesFollowStart: false })}
        required
      />
    </>
  );
}

function StateSelect({
  value,
  error,
  field,
  onChange,
}: {
  value: FederalState | '';
  error: string | undefined;
  field: string;
  onChange: (state: FederalState) => void;
}) {
  return (
    <SelectField
      label={f.federalState}
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value as FederalState)}
      data-field={field}
      required
    >
      <option value="">{f.chooseState}</option>
      {FEDERAL_STATES.map((state) => (
        <option key={state} value={state}>
          {texts.common.federalStates[state]}
        </option>
      ))}
    </SelectField>
  );
}

function VenueFields({
  venue,
  errorFor,
  onChange,
}: {
  venue: VenueDraft;
  errorFor: ErrorsFor;
  onChange: (venue: VenueDraft) => void;
}) {
  return (
    <fieldset className="event-form-group">
      <legend>{f.venue}</legend>
      <TextField
        label={f.venueName}
        hint={f.venueNameHint}
        value={venue.name}
        error={errorFor('venue.name')}
        onChange={(event) => onChange({ ...venue, name: event.target.value })}
        data-field="venue.name"
        maxLength={160}
        required
      />
      <TextField
        label={f.street}
        value={venue.street}
        error={errorFor('venue.street')}
        onChange={(event) => onChange({ ...venue, street: event.target.value })}
        data-field="venue.street"
        autoComplete="off"
        maxLength={160}
      />
      <div className="event-form-row">
        <TextField
          label={f.postalCode}
          value={venue.postalCode}
          error={errorFor('venue.postalCode')}
          onChange={(event) => onChange({ ...venue, postalCode: event.target.value })}
          data-field="venue.postalCode"
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          className="input-short"
        />
        <TextField
          label={f.city}
          value={venue.city}
          error={errorFor('venue.city')}
          onChange={(event) => onChange({ ...venue, city: event.target.value })}
          data-field="venue.city"
          autoComplete="off"
          maxLength={120}
          required
        />
      </div>
      <StateSelect
        value={venue.federalState}
        error={errorFor('venue.federalState')}
        field="venue.federalState"
        onChange={(federalState) => onChange({ ...venue, federalState })}
      />
    </fieldset>
  );
}
