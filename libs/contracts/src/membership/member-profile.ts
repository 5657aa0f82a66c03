import { JsonSchema, textSchema } from '../events/event-contract';
import { ActorRole, ActorRoles } from '../identity';
import {
  AcademicTitle,
  AcademicTitles,
  FederalState,
  FederalStateCodes,
  Salutation,
  Salutations,
  Sector,
  Sectors,
  Theme,
  Themes,
} from './vocabulary';

export interface Municipality {
  readonly name: string;
  /** Amtlicher Gemeindeschlüssel, 8 digits. */
  readonly ags: string;
  readonly population: number;
}

/**
 * A member's profile as it travels in events (event-carried state transfer): what the
 * notifications service needs to address them and what registrations needs to decide eligibility.
 */
export interface MemberProfile {
  readonly salutation: Salutation;
  readonly academicTitle?: AcademicTitle;
  /** e.g. Oberbürgermeisterin, Landrat, or free text. */
  readonly officeTitle?: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone?: string;
  readonly organisation: string;
  readonly position?: string;
  readonly sector: Sector;
  readonly federalState: FederalState;
  /** For municipal members (sector Kommune). */
  readonly municipality?: Municipality;
  readonly themes: readonly Theme[];
  readonly biography?: string;
  /**
   * The office's own line for addressing the member in mails ("Sehr geehrte Frau Bürgermeisterin,
   * liebe Frau Brenner,"); without it the mails build the salutation from title and name.
   */
  readonly salutationLine?: string;
}

/** Who did something: a staff account or a member (or the member themselves). */
export interface Actor {
  readonly subject: string;
  readonly role: ActorRole;
}

/** A link token for an e-mail, encrypted for the notifications service (see libs/platform SecretBox). */
export type SealedToken = string;

export const municipalitySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'ags', 'population'],
  properties: {
    name: textSchema(120),
    ags: { type: 'string', pattern: '^(0[1-9]|1[0-6])\\d{6}$' },
    population: { type: 'integer', minimum: 0, maximum: 5_000_000 },
  },
};

export const memberProfileSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'salutation',
    'firstName',
    'lastName',
    'email',
    'organisation',
    'sector',
    'federalState',
    'themes',
  ],
  properties: {
    salutation: { enum: [...Salutations] },
    academicTitle: { enum: [...AcademicTitles] },
    officeTitle: textSchema(80),
    firstName: textSchema(80),
    lastName: textSchema(80),
    email: { type: 'string', format: 'email', maxLength: 254 },
    phone: textSchema(40),
    organisation: textSchema(160),
    position: textSchema(120),
    sector: { enum: [...Sectors] },
    federalState: { enum: [...FederalStateCodes] },
    municipality: municipalitySchema,
    themes: { type: 'array', uniqueItems: true, maxItems: Themes.length, items: { enum: [...Themes] } },
    biography: { type: 'string', maxLength: 2000 },
    salutationLine: textSchema(160),
  },
};

/** A staff subject or a member id, as access tokens and events name who acted or signed in. */
export const actorSubjectSchema: JsonSchema = textSchema(64);
export const actorRoleSchema: JsonSchema = { enum: [...ActorRoles] };

export const actorSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['subject', 'role'],
  properties: { subject: actorSubjectSchema, role: actorRoleSchema },
};

export const uuidSchema: JsonSchema = { type: 'string', format: 'uuid' };
export const timestampSchema: JsonSchema = { type: 'string', format: 'date-time' };
export const sealedTokenSchema: JsonSchema = {
  type: 'string',
  pattern: '^v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
};

/** The office's account that acts in the contracts' examples. */
export const exampleStaff: Actor = { subject: 'staff-3f2a', role: 'staff' };

export const exampleProfile: MemberProfile = {
  salutation: 'Herr',
  officeTitle: 'Bürgermeister',
  firstName: 'Jonas',
  lastName: 'Beispiel',
  email: 'jonas.beispiel@kalletal.example',
  organisation: 'Gemeinde Kalletal',
  sector: 'Kommune',
  federalState: 'NW',
  municipality: { name: 'Kalletal', ags: '05766040', population: 13_900 },
  themes: ['Digitalisierung', 'Klimaschutz'],
};
