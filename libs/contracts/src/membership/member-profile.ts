import { ActorRoles } from '../identity';
import { ClosedObject, OneOf, Shape, Text, Type } from '../schema';
import { AcademicTitles, FederalStateCodes, Salutations, Sectors, Themes } from './vocabulary';

/** Amtlicher Gemeindeschlüssel, 8 digits. */
export const agsSchema = Type.String({ pattern: '^(0[1-9]|1[0-6])\\d{6}$' });

export const municipalitySchema = ClosedObject({
  name: Text(120),
  ags: agsSchema,
  population: Type.Integer({ minimum: 0, maximum: 5_000_000 }),
});
export type Municipality = Shape<typeof municipalitySchema>;

/**
 * A member's profile as it travels in events (event-carried state transfer): what the
 * notifications service needs to address them and what registrations needs to decide eligibility.
 */
export const memberProfileSchema = ClosedObject({
  salutation: OneOf(Salutations),
  academicTitle: Type.Optional(OneOf(AcademicTitles)),
  /** e.g. Oberbürgermeisterin, Landrat, or free text. */
  officeTitle: Type.Optional(Text(80)),
  firstName: Text(80),
  lastName: Text(80),
  email: Type.String({ format: 'email', maxLength: 254 }),
  phone: Type.Optional(Text(40)),
  organisation: Text(160),
  position: Type.Optional(Text(120)),
  sector: OneOf(Sectors),
  federalState: OneOf(FederalStateCodes),
  /** For municipal members (sector Kommune). */
  municipality: Type.Optional(municipalitySchema),
  themes: Type.Array(OneOf(Themes), { uniqueItems: true, maxItems: Themes.length }),
  biography: Type.Optional(Type.String({ maxLength: 2000 })),
  /**
   * The office's own line for addressing the member in mails ("Sehr geehrte Frau Bürgermeisterin,
   * liebe Frau Brenner,"); without it the mails build the salutation from title and name.
   */
  salutationLine: Type.Optional(Text(160)),
});
export type MemberProfile = Shape<typeof memberProfileSchema>;

/** A staff subject or a member id, as access tokens and events name who acted or signed in. */
export const actorSubjectSchema = Text(64);
export const actorRoleSchema = OneOf(ActorRoles);

/** Who did something: a staff account or a member (or the member themselves). */
export const actorSchema = ClosedObject({ subject: actorSubjectSchema, role: actorRoleSchema });
export type Actor = Shape<typeof actorSchema>;

/** A link token for an e-mail, encrypted for the notifications service (see libs/platform SecretBox). */
export const sealedTokenSchema = Type.String({ pattern: '^v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' });
export type SealedToken = Shape<typeof sealedTokenSchema>;

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
