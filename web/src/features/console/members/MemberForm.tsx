import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { ApiProblem, unwrap } from '../../../api/problem';
import { CheckboxGroup } from '../../../components/ChoiceGroups';
import { SelectField, TextAreaField, TextField } from '../../../components/Fields';
import { FormProblem } from '../../../components/FormProblem';
import { Success } from '../../../components/States';
import { texts } from '../../../texts';
import { memberWords } from '../../../texts/directory';
import { useMemberChanged, type Member, type MemberChange } from './api';

const t = texts.console.members.edit;
const fieldErrors = texts.console.members.fieldErrors;
type Field = keyof typeof fieldErrors;
type Theme = Member['themes'][number];
const THEMES = Object.keys(memberWords.themes) as Theme[];
/** Said above the form when the Kommune is given only in part (the API takes all three or none). */
const MUNICIPALITY_INCOMPLETE = new ApiProblem(422, t.municipalityIncomplete, undefined);

interface Values {
  readonly salutation: Member['salutation'];
  readonly academicTitle: NonNullable<Member['academicTitle']> | '';
  readonly firstName: string;
  readonly lastName: string;
  readonly officeTitle: string;
  readonly salutationLine: string;
  readonly email: string;
  readonly phone: string;
  readonly organisation: string;
  readonly position: string;
  readonly sector: Member['sector'];
  readonly federalState: Member['federalState'];
  readonly municipalityName: string;
  readonly ags: string;
  readonly population: string;
  readonly themes: readonly Theme[];
  readonly biography: string;
}

function valuesOf(member: Member): Values {
  return {
    salutation: member.salutation,
    academicTitle: member.academicTitle ?? '',
    firstName: member.firstName,
    lastName: member.lastName,
    officeTitle: member.officeTitle ?? '',
    salutationLine: member.salutationLine ?? '',
    email: member.email,
    phone: member.phone ?? '',
    organisation: member.organisation,
    position: member.position ?? '',
    sector: member.sector,
    federalState: member.federalState,
    municipalityName: member.municipality?.name ?? '',
    ags: member.municipality?.ags ?? '',
    population: member.municipality ? String(member.municipality.population) : '',
    themes: member.themes,
    biography: member.biography ?? '',
  };
}

/** Only what changed; an emptied optional text is cleared (null; an empty text for the biography). */
export function changeOf(values: Values, member: Member): MemberChange | 'municipality-incomplete' {
  const change: MemberChange = {};
  if (values.salutation !== member.salutation) change.salutation = values.salutation;
  if (values.academicTitle !== (member.academicTitle ?? ''))
    change.academicTitle = values.academicTitle || null;
  const required = (field: 'firstName' | 'lastName' | 'email' | 'organisation') => {
    const value = values[field].trim();
    if (value !== member[field]) change[field] = value;
  };
  required('firstName');
  required('lastName');
  required('email');
  required('organisation');
  const optional = (field: 'officeTitle' | 'salutationLine' | 'position' | 'phone') => {
    const value = values[field].trim();
    if (value !== (member[field] ?? '')) change[field] = value || null;
  };
  optional('officeTitle');
  optional('salutationLine');
  optional('position');
  optional('phone');
  if (values.sector !== member.sector) change.sector = values.sector;
  if (values.federalState !== member.federalState) change.federalState = values.federalState;
  const name = values.municipalityName.trim();
  const ags = values.ags.trim();
  const population = values.population.trim();
  const municipalityChanged =
    name !== (member.municipality?.name ?? '') ||
    ags !== (member.municipality?.ags ?? '') ||
    population !== (member.municipality ? String(member.municipality.population) : '');
  if (municipalityChanged) {
    if (!name || !ags || !population) return 'municipality-incomplete';
    change.municipality = { name, ags, population: Number(population.replace(/\./g, '')) };
  }
  const sorted = (themes: readonly Theme[]) => [...themes].sort().join('|');
  if (sorted(values.themes) !== sorted(member.themes)) change.themes = [...values.themes];
  const biography = values.biography.trim();
  if (biography !== (member.biography ?? '')) change.biography = biography;
  return change;
}

/** Whether a refused request names this field (or a part of it, like `themes.0`). */
function names(error: unknown, field: string): boolean {
  return (
    error instanceof ApiProblem &&
    error.fieldErrors.some((problem) => problem.field === field || problem.field.startsWith(`${field}.`))
  );
}

/** The office edits a member's profile: PATCH /members/{id}, errors beside the fields. */
export function MemberForm({ member, headingId }: { readonly member: Member; readonly headingId: string }) {
  const [values, setValues] = useState(() => valuesOf(member));
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | 'municipality-incomplete' | null>(null);
  const memberChanged = useMemberChanged();
  const save = useMutation({
    mutationFn: (change: MemberChange) =>
      unwrap(api.PATCH('/api/v1/members/{id}', { params: { path: { id: member.id } }, body: change })),
    onSuccess: (updated) => {
      memberChanged(updated);
      setValues(valuesOf(updated));
      setOutcome('saved');
    },
  });
  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setOutcome(null);
  };
  const errorOf = (field: Field): string | undefined => {
    if (outcome === 'municipality-incomplete' && field.startsWith('municipality.'))
      return t.municipalityIncomplete;
    if (!names(save.error, field)) return undefined;
    // A taken address: the server says so in words; the rule of the field says the rest.
    const problem = save.error as ApiProblem;
    return field === 'email' && problem.status === 409 ? problem.summary : fieldErrors[field];
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const change = changeOf(values, member);
    if (change === 'municipality-incomplete') {
      save.reset();
      setOutcome('municipality-incomplete');
      return;
    }
    if (Object.keys(change).length === 0) {
      save.reset();
      setOutcome('unchanged');
      return;
    }
    setOutcome(null);
    save.mutate(change);
  };

  const text = (
    field:
      | 'firstName'
      | 'lastName'
      | 'officeTitle'
      | 'salutationLine'
      | 'email'
      | 'phone'
      | 'organisation'
      | 'position'
      | 'biography',
  ) => ({
    value: values[field],
    error: errorOf(field),
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
  });
  return (
    <form aria-labelledby={headingId} onSubmit={submit} noValidate className="console-member-form">
      <FormProblem
        error={save.error ?? (outcome === 'municipality-incomplete' ? MUNICIPALITY_INCOMPLETE : null)}
      />
      <fieldset>
        <legend>{t.person}</legend>
        <SelectField
          label={t.salutation}
          required
          value={values.salutation}
          error={errorOf('salutation')}
          onChange={(event) => set('salutation', event.target.value as Values['salutation'])}
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
          onChange={(event) => set('academicTitle', event.target.value as Values['academicTitle'])}
        >
          <option value="">{t.noAcademicTitle}</option>
          {Object.entries(memberWords.academicTitles).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        <TextField label={t.firstName} required maxLength={80} autoComplete="off" {...text('firstName')} />
        <TextField label={t.lastName} required maxLength={80} autoComplete="off" {...text('lastName')} />
        <TextField label={t.officeTitle} hint={t.officeTitleHint} maxLength={80} {...text('officeTitle')} />
        <TextField
          label={t.salutationLine}
          hint={t.salutationLineHint}
          maxLength={160}
          autoComplete="off"
          {...text('salutationLine')}
        />
        <TextField
          label={t.email}
          hint={t.emailHint}
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          {...text('email')}
        />
        <TextField label={t.phone} type="tel" maxLength={40} autoComplete="off" {...text('phone')} />
      </fieldset>
      <fieldset>
        <legend>{t.organisationLegend}</legend>
        <TextField label={t.organisation} required maxLength={160} {...text('organisation')} />
        <TextField label={t.position} maxLength={120} {...text('position')} />
        <SelectField
          label={t.sector}
          required
          value={values.sector}
          error={errorOf('sector')}
          onChange={(event) => set('sector', event.target.value as Values['sector'])}
        >
          {Object.entries(memberWords.sectors).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.federalState}
          required
          value={values.federalState}
          error={errorOf('federalState')}
          onChange={(event) => set('federalState', event.target.value as Values['federalState'])}
        >
          {Object.entries(memberWords.federalStates).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset>
        <legend>{t.municipalityLegend}</legend>
        <p className="field-hint">{t.municipalityHint}</p>
        <TextField
          label={t.municipalityName}
          maxLength={120}
          value={values.municipalityName}
          error={errorOf('municipality.name')}
          onChange={(event) => set('municipalityName', event.target.value)}
        />
        <TextField
          label={t.ags}
          hint={t.agsHint}
          inputMode="numeric"
          maxLength={8}
          value={values.ags}
          error={errorOf('municipality.ags')}
          onChange={(event) => set('ags', event.target.value)}
        />
        <TextField
          label={t.population}
          inputMode="numeric"
          maxLength={9}
          value={values.population}
          error={errorOf('municipality.population')}
          onChange={(event) => set('population', event.target.value)}
        />
      </fieldset>
      <CheckboxGroup
        legend={t.themes}
        error={errorOf('themes')}
        options={THEMES.map((theme) => ({ value: theme, label: memberWords.themes[theme] }))}
        chosen={values.themes}
        onChange={(themes) => set('themes', themes as Theme[])}
        optional
      />
      <TextAreaField label={t.biography} maxLength={2000} rows={5} {...text('biography')} />
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
        <button type="submit" className="button button-primary" aria-disabled={save.isPending || undefined}>
          {save.isPending ? t.saving : t.save}
        </button>
      </div>
    </form>
  );
}
