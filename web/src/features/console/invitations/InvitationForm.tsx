import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiProblem } from '../../../api/problem';
import { landOfAgs, isAgsShape } from '../../../components/ags';
import { CheckboxGroup } from '../../../components/ChoiceGroups';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../components/Fields';
import { texts } from '../../../texts';
import { memberWords } from '../../../texts/directory';
import { AgsHelp } from './AgsHelp';
import { fieldName, problemsOf, type FieldErrors, type InvitationValues } from './invitationForm';
import type { KnownMunicipality, Theme } from './invitationsApi';

const t = texts.console.invitations.form;

/** The usual office titles, offered while typing (any other text is allowed). */
const OFFICE_TITLES = [
  'Oberbürgermeisterin',
  'Oberbürgermeister',
  'Bürgermeisterin',
  'Bürgermeister',
  'Landrätin',
  'Landrat',
];

const THEMES = Object.keys(memberWords.themes) as Theme[];

interface InvitationFormProps {
  readonly values: InvitationValues;
  readonly onChange: (values: InvitationValues) => void;
  /** Called with values the form found no problem in. */
  readonly onSubmit: (values: InvitationValues) => void;
  /** The server's refusal of the preview or of sending, shown beside the fields. */
  readonly problem: unknown;
  readonly busy: boolean;
}

/** The appointment: who, which organisation and Kommune, the themes and the office's personal words. */
export function InvitationForm({ values, onChange, onSubmit, problem, busy }: InvitationFormProps) {
  const [localErrors, setLocalErrors] = useState<FieldErrors | null>(null);
  /** The municipality just taken over from the AGS help, announced to screen readers. */
  const [taken, setTaken] = useState<string | undefined>(undefined);
  const datalistId = useId();

  const apiProblem = problem instanceof ApiProblem ? problem : undefined;
  const errorFor = (field: string): string | undefined =>
    localErrors?.[field] ?? (localErrors ? undefined : apiProblem?.messageFor(field));
  const set = <K extends keyof InvitationValues>(key: K, value: InvitationValues[K]) =>
    onChange({ ...values, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = problemsOf(values);
    if (Object.keys(errors).length > 0) {
      setLocalErrors(errors);
      return;
    }
    setLocalErrors(null);
    onSubmit(values);
  };

  const take = (municipality: KnownMunicipality) => {
    onChange({
      ...values,
      municipalityName: municipality.name,
      ags: municipality.ags,
      population: String(municipality.population),
      federalState: municipality.federalState,
    });
    setTaken(municipality.name);
  };

  const ags = values.ags.trim();
  const agsLand = isAgsShape(ags) ? landOfAgs(ags) : undefined;
  const agsHint: ReactNode = (
    <>
      {t.agsHint}
      {agsLand ? (
        <>
          {' '}
          <strong>{t.agsOfLand(texts.common.federalStates[agsLand])}</strong>
        </>
      ) : null}
    </>
  );

  let summary = null;
  if (localErrors) {
    const problems = Object.entries(localErrors).map(([field, message]) => ({ field, message }));
    summary = (
      <ErrorSummary
        heading={texts.common.formHasErrors(problems.length)}
        problems={problems}
        fieldName={fieldName}
      />
    );
  } else if (problem) {
    const fieldCount = new Set(apiProblem?.fieldErrors.map((error) => error.field)).size;
    summary = (
      <ErrorSummary
        heading={
          fieldCount > 0
            ? texts.common.formHasErrors(fieldCount)
            : (apiProblem?.summary ?? texts.common.problems.unexpected)
        }
        problems={apiProblem?.fieldErrors ?? []}
        fieldName={fieldName}
      />
    );
  }

  return (
    <form className="invitation-form" noValidate onSubmit={submit}>
      {summary}
      <p className="field-hint">{t.required}</p>

      <div className="invitation-form-part">
        <h2>{t.person}</h2>
        <div className="invitation-form-grid">
          <SelectField
            label={t.salutation}
            required
            data-field="salutation"
            value={values.salutation}
            error={errorFor('salutation')}
            onChange={(event) => set('salutation', event.target.value as InvitationValues['salutation'])}
          >
            <option value="">{t.choose}</option>
            {Object.entries(memberWords.salutations).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t.academicTitle}
            data-field="academicTitle"
            value={values.academicTitle}
            error={errorFor('academicTitle')}
            onChange={(event) =>
              set('academicTitle', event.target.value as InvitationValues['academicTitle'])
            }
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
            data-field="officeTitle"
            list={datalistId}
            maxLength={80}
            autoComplete="off"
            value={values.officeTitle}
            error={errorFor('officeTitle')}
            onChange={(event) => set('officeTitle', event.target.value)}
          />
          <datalist id={datalistId}>
            {OFFICE_TITLES.map((title) => (
              <option key={title} value={title} />
            ))}
          </datalist>
          <TextField
            label={t.firstName}
            required
            data-field="firstName"
            maxLength={80}
            autoComplete="off"
            value={values.firstName}
            error={errorFor('firstName')}
            onChange={(event) => set('firstName', event.target.value)}
          />
          <TextField
            label={t.lastName}
            required
            data-field="lastName"
            maxLength={80}
            autoComplete="off"
            value={values.lastName}
            error={errorFor('lastName')}
            onChange={(event) => set('lastName', event.target.value)}
          />
          <TextField
            label={t.email}
            hint={t.emailHint}
            required
            type="email"
            data-field="email"
            maxLength={254}
            autoComplete="off"
            spellCheck={false}
            value={values.email}
            error={errorFor('email')}
            onChange={(event) => set('email', event.target.value)}
          />
        </div>
      </div>

      <div className="invitation-form-part">
        <h2>{t.organisationHeading}</h2>
        <div className="invitation-form-grid">
          <TextField
            label={t.organisation}
            hint={t.organisationHint}
            required
            data-field="organisation"
            maxLength={160}
            autoComplete="off"
            value={values.organisation}
            error={errorFor('organisation')}
            onChange={(event) => set('organisation', event.target.value)}
          />
          <TextField
            label={t.position}
            hint={t.positionHint}
            data-field="position"
            maxLength={120}
            autoComplete="off"
            value={values.position}
            error={errorFor('position')}
            onChange={(event) => set('position', event.target.value)}
          />
          <SelectField
            label={t.sector}
            required
            data-field="sector"
            value={values.sector}
            error={errorFor('sector')}
            onChange={(event) => set('sector', event.target.value as InvitationValues['sector'])}
          >
            <option value="">{t.choose}</option>
            {Object.entries(memberWords.sectors).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t.federalState}
            required
            data-field="federalState"
            value={values.federalState}
            error={errorFor('federalState')}
            onChange={(event) => set('federalState', event.target.value as InvitationValues['federalState'])}
          >
            <option value="">{t.choose}</option>
            {Object.entries(texts.common.federalStates).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </SelectField>
        </div>
      </div>

      <div className="invitation-form-part">
        <h2>{t.municipalityHeading}</h2>
        <p className="field-hint">
          {values.sector === 'Kommune' ? t.municipalityRequired : t.municipalityOptional}
        </p>
        <div className="invitation-form-grid">
          <TextField
            label={t.municipality}
            required={values.sector === 'Kommune'}
            data-field="municipality.name"
            maxLength={120}
            autoComplete="off"
            value={values.municipalityName}
            error={errorFor('municipality.name') ?? errorFor('municipality')}
            onChange={(event) => set('municipalityName', event.target.value)}
          />
          <TextField
            label={t.ags}
            hint={agsHint}
            required={values.sector === 'Kommune'}
            data-field="municipality.ags"
            inputMode="numeric"
            maxLength={8}
            autoComplete="off"
            value={values.ags}
            error={errorFor('municipality.ags')}
            onChange={(event) => set('ags', event.target.value)}
          />
          <TextField
            label={t.population}
            hint={t.populationHint}
            required={values.sector === 'Kommune'}
            data-field="municipality.population"
            inputMode="numeric"
            maxLength={9}
            autoComplete="off"
            value={values.population}
            error={errorFor('municipality.population')}
            onChange={(event) => set('population', event.target.value)}
          />
        </div>
        <AgsHelp name={values.municipalityName} taken={taken} onTake={take} />
      </div>

      <CheckboxGroup
        className="invitation-form-part invitation-themes"
        legend={t.themes}
        hint={t.themesHint}
        field="themes"
        error={errorFor('themes')}
        options={THEMES.map((theme) => ({ value: theme, label: memberWords.themes[theme] }))}
        chosen={values.themes}
        onChange={(themes) => set('themes', themes as Theme[])}
        optional
      />

      <div className="invitation-form-part">
        <h2>{t.messageHeading}</h2>
        <TextAreaField
          label={t.personalMessage}
          hint={t.personalMessageHint}
          data-field="personalMessage"
          maxLength={4000}
          rows={6}
          value={values.personalMessage}
          error={errorFor('personalMessage')}
          onChange={(event) => set('personalMessage', event.target.value)}
        />
      </div>

      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t.preparingPreview : t.toPreview}
        </button>
      </div>
    </form>
  );
}
