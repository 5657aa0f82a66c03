import {
  AcademicTitle,
  FederalState,
  MemberProfile,
  MemberStatus,
  Municipality,
  Salutation,
  Sector,
  Theme,
} from '@ic/contracts';

/**
 * What this service keeps of a member (fed by ic.membership.v1): what eligibility needs (status,
 * sector, Land, municipality with its key and population, themes) and what the office's
 * participant lists show (name, organisation, e-mail).
 */
export interface KnownMember {
  readonly memberId: string;
  readonly status: MemberStatus;
  readonly salutation: Salutation;
  readonly academicTitle?: AcademicTitle;
  readonly officeTitle?: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly organisation: string;
  readonly sector: Sector;
  readonly federalState: FederalState;
  readonly municipality?: Municipality;
  readonly themes: readonly Theme[];
}

/** What a profile tells about a member, besides their id and status. */
export type MemberFields = Omit<KnownMember, 'memberId' | 'status'>;

export function memberFieldsOf(profile: MemberProfile): MemberFields {
  return {
    salutation: profile.salutation,
    ...(profile.academicTitle ? { academicTitle: profile.academicTitle } : {}),
    ...(profile.officeTitle ? { officeTitle: profile.officeTitle } : {}),
    firstName: profile.firstName,
    lastName: profile.lastName,
    email: profile.email,
    organisation: profile.organisation,
    sector: profile.sector,
    federalState: profile.federalState,
    ...(profile.municipality ? { municipality: { ...profile.municipality } } : {}),
    themes: [...profile.themes],
  };
}

/** "Dr. Anna Beispiel", as lists and the office show a person. */
export function displayNameOf(person: {
  readonly academicTitle?: string;
  readonly firstName: string;
  readonly lastName: string;
}): string {
  return [person.academicTitle, person.firstName, person.lastName].filter(Boolean).join(' ');
}
