import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { CheckboxGroup } from '../../components/ChoiceGroups';
import { SelectField, TextAreaField, TextField } from '../../components/Fields';
import { FormProblem } from '../../components/FormProblem';
import { Success } from '../../components/States';
import { texts } from '../../texts';
import { memberWords } from '../../texts/directory';
import {
  namesField,
  useProfileChanged,
  type EditableField,
  type OwnProfile,
  type ProfileChange,
} from './api';

const t = texts.profile.edit;

type Theme = OwnProfile['themes'][number];
const THEMES = Object.keys(memberWords.themes) as Theme[];

/** The form's values: texts as typed, '' for „no title“. */
interface ProfileValues {
  readonly salutation: OwnProfile['salutation'];
  readonly academicTitle: NonNullable<OwnProfile['academicTitle']> | '';
  readonly officeTitle: string;
  readonly position: string;
  readonly phone: string;
  readonly themes: readonly Theme[];
  readonly biography: string;
}

function valuesOf(profile: OwnProfile): ProfileValues {
  return {
    salutation: profile.salutation,
    academicTitle: profile.academicTitle ?? '',
    officeTitle: profile.officeTitle ?? '',
    position: profile.position ?? '',
    phone: profile.phone ?? '',
    themes: profile.themes,
    biography: profile.biography ?? '',
  };
}

/** Only what changed; an emptied optional field is cleared (null, an empty text for the biography). */
function changeOf(values: ProfileValues, profile: OwnProfile): ProfileChange {
  const change: ProfileChange = {};
  if (values.salutation !== profile.salutation) change.salutation = values.salutation;
  if (values.academicTitle !== (profile.academicTitle ?? ''))
    change.academicTitle = values.academicTitle || null;
  const text = (field: 'officeTitle' | 'position' | 'phone') => {
    const value = values[field].trim();
    if (value !== (profile[field] ?? '')) change[field] = value || null;
  };
  text('officeTitle');
  text('position');
  text('phone');
  const biography = values.biography.trim();
  if (biography !== (profile.biography ?? '')) change.biography = biography;
  const sorted = (themes: readonly Theme[]) => [...themes].sort().join('|');
  if (sorted(values.themes) !== sorted(profile.themes)) change.themes = [...values.themes];
  return change;
}

/** The fields a member edits themselves, saved with PATCH /members/me. */
export function ProfileForm({
  profile,
  headingId,
}: {
  readonly profile: OwnProfile;
  readonly headingId: string;
}) {
  const [values, setValues] = useState(() => valuesOf(profile));
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const profileChanged = useProfileChanged();
  const save = useMutation({
    mutationFn: (change: ProfileChange) => unwrap(api.PATCH('/api/v1/members/me', { body: change })),
    onSuccess: (updated) => {
      profileChanged(updated);
      setValues(valuesOf(updated));
      setOutcome('saved');
    },
  });
  const set = <K extends keyof ProfileValues>(field: K, value: ProfileValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setOutcome(null);
  };
  const errorOf = (field: EditableField) =>
    namesField(save.error, field) ? texts.profile.fieldErrors[field] : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const change = changeOf(values, profile);
    if (Object.keys(change).length === 0) {
      save.reset();
      setOutcome('unchanged');
      return;
    }
    setOutcome(null);
    save.mutate(change);
  };

  return (
    <form aria-labelledby={headingId} onSubmit={submit} noValidate>
      <FormProblem error={save.error} />
      <SelectField
        label={t.salutation}
        required
        value={values.salutation}
        error={errorOf('salutation')}
        onChange={(event) => set('salutation', event.target.value as ProfileValues['salutation'])}
      >
        {Object.entries(memberWords.salutations).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.academicTitle}
        value={values.academicTitle}
        error={errorOf('academicTitle')}
        onChange={(event) => set('academicTitle', event.target.value as ProfileValues['academicTitle'])}
      >
        <option value="">{t.noAcademicTitle}</option>
        {Object.entries(memberWords.academicTitles).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t.officeTitle}
        hint={t.officeTitleHint}
        value={values.officeTitle}
        maxLength={80}
        autoComplete="organization-title"
        error={errorOf('officeTitle')}
        onChange={(event) => set('officeTitle', event.target.value)}
      />
      <TextField
        label={t.position}
        hint={t.positionHint}
        value={values.position}
        maxLength={120}
        error={errorOf('position')}
        onChange={(event) => set('position', event.target.value)}
      />
      <TextField
        label={t.phone}
        hint={t.phoneHint}
        type="tel"
        value={values.phone}
        maxLength={40}
        autoComplete="tel"
        error={errorOf('phone')}
        onChange={(event) => set('phone', event.target.value)}
      />
      <CheckboxGroup
        legend={t.themes}
        hint={t.themesHint}
        error={errorOf('themes')}
        options={THEMES.map((theme) => ({ value: theme, label: memberWords.themes[theme] }))}
        chosen={values.themes}
        onChange={(themes) => set('themes', themes as Theme[])}
        optional
      />
      <TextAreaField
        label={t.biography}
        hint={t.biographyHint}
        value={values.biography}
        maxLength={2000}
        rows={6}
        error={errorOf('biography')}
        onChange={(event) => set('biography', event.target.value)}
      />
      {outcome === 'saved' ? (
        <Success>
          <p>{t.saved}</p>
        </Success>
      ) : null}
      {outcome === 'unchanged' ? (
        <div className="notice" role="status">
          <p>{t.unchanged}</p>
        </div>
      ) : null}
      <div className="button-row">
        {/* Not disabled while saving: a disabled button would lose the focus. */}
        <button type="submit" className="button button-primary" aria-disabled={save.isPending || undefined}>
          {save.isPending ? t.saving : t.save}
        </button>
      </div>
    </form>
  );
}
