import { isAgsShape, landOfAgs } from '../../../components/ags';
import { texts } from '../../../texts';
import type {
  AcademicTitle,
  FederalState,
  InviteRequest,
  MailPreviewRequest,
  Salutation,
  Sector,
  Theme,
} from './invitationsApi';

const t = texts.console.invitations.form;

/** The form's values as typed; '' for „not chosen“. */
export interface InvitationValues {
  readonly salutation: Salutation | '';
  readonly academicTitle: AcademicTitle | '';
  readonly officeTitle: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly organisation: string;
  readonly position: string;
  readonly sector: Sector | '';
  readonly federalState: FederalState | '';
  readonly municipalityName: string;
  readonly ags: string;
  readonly population: string;
  readonly themes: readonly Theme[];
  readonly personalMessage: string;
}

export const EMPTY_VALUES: InvitationValues = {
  salutation: '',
  academicTitle: '',
  officeTitle: '',
  firstName: '',
  lastName: '',
  email: '',
  organisation: '',
  position: '',
  sector: '',
  federalState: '',
  municipalityName: '',
  ags: '',
  population: '',
  themes: [],
  personalMessage: '',
};

/** Field errors by the API's path of the field (`email`, `municipality.ags`). */
export type FieldErrors = Readonly<Record<string, string>>;

/** „13.900“ or „13 900“ as typed, as a whole number; undefined when it is none. */
export function populationOf(text: string): number | undefined {
  const digits = text.replace(/[.\s]/g, '');
  return /^\d{1,7}$/.test(digits) ? Number(digits) : undefined;
}

function hasMunicipality(values: InvitationValues): boolean {
  return Boolean(values.municipalityName.trim() || values.ags.trim() || values.population.trim());
}

/** What the office must correct before the preview, checked as the gateway and the club's rules do. */
export function problemsOf(values: InvitationValues): FieldErrors {
  const errors: Record<string, string> = {};
  if (!values.salutation) errors.salutation = t.errors.salutation;
  if (!values.firstName.trim()) errors.firstName = t.errors.firstName;
  if (!values.lastName.trim()) errors.lastName = t.errors.lastName;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = t.errors.email;
  if (!values.organisation.trim()) errors.organisation = t.errors.organisation;
  if (!values.sector) errors.sector = t.errors.sector;
  if (!values.federalState) errors.federalState = t.errors.federalState;
  if (values.sector === 'Kommune' || hasMunicipality(values)) {
    if (!values.municipalityName.trim()) errors['municipality.name'] = t.errors.municipality;
    const ags = values.ags.trim();
    const land = landOfAgs(ags);
    if (!isAgsShape(ags)) errors['municipality.ags'] = t.errors.ags;
    else if (!land) errors['municipality.ags'] = t.errors.agsPrefix(ags.slice(0, 2));
    else if (values.federalState && land !== values.federalState) {
      errors['municipality.ags'] = t.errors.agsLand(
        ags,
        texts.common.federalStates[land],
        texts.common.federalStates[values.federalState],
      );
    }
    if (populationOf(values.population) === undefined)
      errors['municipality.population'] = t.errors.population;
  }
  return errors;
}

/** The request of a form without problems (see problemsOf). */
export function requestOf(values: InvitationValues): InviteRequest {
  const optional = (text: string) => (text.trim() ? text.trim() : undefined);
  const population = populationOf(values.population);
  return {
    salutation: values.salutation as Salutation,
    ...(values.academicTitle ? { academicTitle: values.academicTitle } : {}),
    ...(optional(values.officeTitle) ? { officeTitle: values.officeTitle.trim() } : {}),
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    organisation: values.organisation.trim(),
    ...(optional(values.position) ? { position: values.position.trim() } : {}),
    sector: values.sector as Sector,
    federalState: values.federalState as FederalState,
    ...(hasMunicipality(values) && population !== undefined
      ? {
          municipality: {
            name: values.municipalityName.trim(),
            ags: values.ags.trim(),
            population,
          },
        }
      : {}),
    themes: [...values.themes],
    ...(optional(values.personalMessage) ? { personalMessage: values.personalMessage.trim() } : {}),
  };
}

/** What the mail's preview needs of the request: the form of address and the personal words. */
export function previewRequestOf(request: InviteRequest): MailPreviewRequest {
  return {
    salutation: request.salutation,
    firstName: request.firstName,
    lastName: request.lastName,
    ...(request.academicTitle ? { academicTitle: request.academicTitle } : {}),
    ...(request.officeTitle ? { officeTitle: request.officeTitle } : {}),
    ...(request.personalMessage ? { personalMessage: request.personalMessage } : {}),
  };
}

/** The German name of a field in the error summary. */
export function fieldName(field: string): string {
  const names: Record<string, string> = {
    salutation: t.salutation,
    academicTitle: t.academicTitle,
    officeTitle: t.officeTitle,
    firstName: t.firstName,
    lastName: t.lastName,
    email: t.email,
    organisation: t.organisation,
    position: t.position,
    sector: t.sector,
    federalState: t.federalState,
    municipality: t.municipalityHeading,
    'municipality.name': t.municipality,
    'municipality.ags': t.ags,
    'municipality.population': t.population,
    themes: t.themes,
    personalMessage: t.personalMessage,
  };
  return names[field] ?? names[field.split('.')[0] ?? ''] ?? field;
}
