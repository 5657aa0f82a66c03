import { useEffect, useRef, useState } from 'react';
import { RadioGroup } from '../../../components/ChoiceGroups';
import { DayTimesField } from '../../../components/DateTimeFields';
import { TextAreaField, TextField } from '../../../components/Fields';
import { texts } from '../../../texts';
import type { ErrorsFor } from './FormParts';
import { blankModule, type ModuleDraft } from './eventDraft';

const t = texts.console.eventForms.modules;

type ModulesChange = (change: (modules: readonly ModuleDraft[]) => readonly ModuleDraft[]) => void;

/**
 * The Kommunalzirkel's modules, each a group: title, a date or „Termin folgt“ (with an expected
 * period), place and guiding questions. Adding one puts the focus into it; removing one puts it on
 * „Modul hinzufügen“. The last module stays (a series has at least one).
 */
export function CircleModules({
  modules,
  errorFor,
  onChange,
}: {
  readonly modules: readonly ModuleDraft[];
  readonly errorFor: ErrorsFor;
  readonly onChange: ModulesChange;
}) {
  const [focusKey, setFocusKey] = useState<number | undefined>();
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAdd = useRef(false);
  useEffect(() => {
    if (!focusAdd.current) return;
    focusAdd.current = false;
    addButton.current?.focus();
  });
  const add = () => {
    const module = blankModule(modules.length + 1);
    onChange((current) => [...current, module]);
    setFocusKey(module.key);
  };
  const remove = (key: number) => {
    onChange((current) => current.filter((module) => module.key !== key));
    focusAdd.current = true;
  };
  const update = (key: number, change: Partial<ModuleDraft>) =>
    onChange((current) => current.map((module) => (module.key === key ? { ...module, ...change } : module)));
  const listError = errorFor('modules');
  return (
    <>
      {listError ? (
        <p className="field-error" data-field="modules" tabIndex={-1}>
          {listError}
        </p>
      ) : null}
      {modules.map((module, index) => (
        <ModuleFields
          key={module.key}
          module={module}
          index={index}
          focus={focusKey === module.key}
          removable={modules.length > 1}
          errorFor={(field) => errorFor(`modules.${index}.${field}`)}
          onChange={(change) => update(module.key, change)}
          onRemove={() => remove(module.key)}
        />
      ))}
      <button ref={addButton} type="button" className="button button-secondary" onClick={add}>
        {t.add}
      </button>
    </>
  );
}

function ModuleFields({
  module,
  index,
  focus,
  removable,
  errorFor,
  onChange,
  onRemove,
}: {
  module: ModuleDraft;
  index: number;
  focus: boolean;
  removable: boolean;
  errorFor: ErrorsFor;
  onChange: (change: Partial<ModuleDraft>) => void;
  onRemove: () => void;
}) {
  const group = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focus) group.current?.querySelector<HTMLElement>('input')?.focus();
  }, [focus]);
  const at = `modules.${index}`;
  const n = index + 1;
  return (
    <fieldset className="event-form-item" ref={group}>
      <legend>{t.legend(n, module.title.trim())}</legend>
      <TextField
        label={t.title}
        hint={index === 0 ? t.titleHint : undefined}
        value={module.title}
        error={errorFor('title')}
        onChange={(event) => onChange({ title: event.target.value })}
        data-field={`${at}.title`}
        maxLength={200}
        required
      />
      <RadioGroup
        legend={t.date}
        error={undefined}
        value={module.dated ? 'dated' : 'undated'}
        options={[
          { value: 'dated', label: t.dated },
          { value: 'undated', label: t.undated },
        ]}
        onChange={(value) => onChange({ dated: value === 'dated' })}
      />
      {module.dated ? (
        <DayTimesField
          label={t.when}
          field={`${at}.startsAt`}
          endField={`${at}.endsAt`}
          date={module.date}
          startTime={module.startTime}
          endTime={module.endTime}
          dateError={errorFor('startsAt')}
          startError={errorFor('startsAt')}
          endError={errorFor('endsAt')}
          onDateChange={(date) => onChange({ date })}
          onStartTimeChange={(startTime) => onChange({ startTime })}
          onEndTimeChange={(endTime) => onChange({ endTime })}
          required
        />
      ) : (
        <TextField
          label={t.dateNote}
          hint={t.dateNoteHint}
          value={module.dateNote}
          error={errorFor('dateNote')}
          onChange={(event) => onChange({ dateNote: event.target.value })}
          data-field={`${at}.dateNote`}
          maxLength={120}
        />
      )}
      <TextField
        label={t.place}
        hint={t.placeHint}
        value={module.place}
        error={errorFor('place')}
        onChange={(event) => onChange({ place: event.target.value })}
        data-field={`${at}.place`}
        maxLength={200}
      />
      <TextAreaField
        label={t.questions}
        hint={t.questionsHint}
        value={module.questions}
        error={errorFor('guidingQuestions')}
        onChange={(event) => onChange({ questions: event.target.value })}
        data-field={`${at}.guidingQuestions`}
        rows={3}
      />
      {removable ? (
        <button type="button" className="button button-link" onClick={onRemove}>
          {t.remove(n)}
        </button>
      ) : null}
    </fieldset>
  );
}
