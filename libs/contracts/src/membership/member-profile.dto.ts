import {
  CloneType,
  ClosedComposite,
  ClosedObject,
  EmailAddressField,
  MultiLineTextField,
  Nullable,
  OneOf,
  RequestBody,
  SingleLineTextField,
  Timestamp,
  Type,
  withMessage,
} from '../schema';
import { agsSchema, memberProfileSchema, municipalitySchema } from './member-profile';
import { memberIdSchema, WORKING_GROUP_ID } from './membership.dto';
import { AcademicTitles, SuggestedOfficeTitles } from './vocabulary';

const AGS_MESSAGE = 'ags muss der 8-stellige Amtliche Gemeindeschlüssel sein (beginnend mit 01 bis 16)';

/** A municipality as a request names it; the API document shows it as the component MunicipalityDto. */
export const municipalityRequestSchema = ClosedObject({
  name: SingleLineTextField(120, { example: 'Kalletal' }),
  ags: withMessage(
    CloneType(agsSchema, { description: 'Amtlicher Gemeindeschlüssel (8 Ziffern)', example: '05766040' }),
    AGS_MESSAGE,
  ),
  population: CloneType(municipalitySchema.properties.population, { example: 13900 }),
});

const profile = memberProfileSchema.properties;

/** The fields of a person that the invitation and the office's change of a profile take alike. */
export const personRequestFields = {
  firstName: SingleLineTextField(80, { example: 'Jonas' }),
  lastName: SingleLineTextField(80, { example: 'Beispiel' }),
  email: EmailAddressField({ example: 'jonas.beispiel@kalletal.example' }),
  organisation: SingleLineTextField(160, { example: 'Gemeinde Kalletal' }),
};

export const officeTitleDescription = `Üblich: ${SuggestedOfficeTitles.join(', ')}; freier Text möglich.`;

const CLEARS = 'null löscht die Angabe.';

/**
 * 5 to 40 digits, spaces and + ( ) / -, with spaces around it: a number that matches as sent matches
 * once trimmed, as the service checks it again.
 */
const PHONE_NUMBER = /^ *(?:\+|[0-9()/-])[0-9 ()/-]{3,38}[0-9()/-] *$/;

/** Fields a member may change in their own profile; null clears an optional one. */
const ownProfileFields = {
  salutation: Type.Optional(profile.salutation),
  academicTitle: Type.Optional(Nullable(OneOf(AcademicTitles), { description: CLEARS })),
  officeTitle: Type.Optional(
    Nullable(SingleLineTextField(80, { example: 'Bürgermeister' }), {
      description: `${officeTitleDescription} ${CLEARS}`,
    }),
  ),
  phone: Type.Optional(
    Nullable(
      withMessage(
        SingleLineTextField(40, { pattern: PHONE_NUMBER, example: '+49 5264 644-0' }),
        'phone darf nur Ziffern, Leerzeichen und + ( ) / - enthalten',
      ),
      { description: CLEARS },
    ),
  ),
  position: Type.Optional(
    Nullable(SingleLineTextField(120, { example: 'Leitung Digitalisierung' }), { description: CLEARS }),
  ),
  themes: Type.Optional(profile.themes),
  biography: Type.Optional(MultiLineTextField(2000, { description: 'Ein leerer Text löscht die Angabe.' })),
  // Not nullable: null means nothing here.
  announcementsOptOut: Type.Optional(
    withMessage(
      Type.Boolean({
        description:
          'true: keine Ankündigungen neuer Veranstaltungen per E-Mail. Einladungen, Anmeldelinks und Bestätigungen kommen weiterhin.',
        example: false,
      }),
      'announcementsOptOut muss true oder false sein',
    ),
  ),
};
export class UpdateOwnProfileRequest extends RequestBody(ClosedObject(ownProfileFields)) {}

/** Everything the office may change; a member's own subset is UpdateOwnProfileRequest. */
const updateMemberSchema = ClosedObject({
  ...ownProfileFields,
  firstName: Type.Optional(personRequestFields.firstName),
  lastName: Type.Optional(personRequestFields.lastName),
  email: Type.Optional(personRequestFields.email),
  organisation: Type.Optional(personRequestFields.organisation),
  sector: Type.Optional(profile.sector),
  federalState: Type.Optional(
    CloneType(profile.federalState, { description: 'ISO-3166-2-Kürzel des Landes' }),
  ),
  municipality: Type.Optional(municipalityRequestSchema),
  salutationLine: Type.Optional(
    Nullable(
      SingleLineTextField(160, { example: 'Sehr geehrte Frau Bürgermeisterin, liebe Frau Brenner,' }),
      {
        description:
          'Anrede in den E-Mails an das Mitglied, wie die Geschäftsstelle sie festlegt; ohne sie bilden die E-Mails die Anrede aus Anrede, Amtsbezeichnung, Titel und Name. null löscht die Angabe.',
      },
    ),
  ),
});
export class UpdateMemberRequest extends RequestBody(updateMemberSchema) {}

/** The office changes the profile of the member with this id. */
export class UpdateProfileOfMemberRequest extends RequestBody(
  ClosedComposite([memberIdSchema, updateMemberSchema]),
) {}

/**
 * A member who joined before the platform kept the club's records (the demo club that `npm start`
 * seeds; a migration): active at once, with the day they joined and their working groups, without
 * an invitation. Only over the request topic, for the office's tools; the HTTP API has no route.
 */
export class ImportMemberRequest extends RequestBody(
  ClosedComposite([
    memberIdSchema,
    ClosedObject({
      /** The whole profile: the fields UpdateMemberRequest knows, the required ones checked by the service. */
      profile: updateMemberSchema,
      joinedAt: Timestamp(),
      workingGroupIds: Type.Array(
        withMessage(
          Type.String({ pattern: WORKING_GROUP_ID.source }),
          'workingGroupIds enthält eine ungültige Kennung',
        ),
        { uniqueItems: true },
      ),
    }),
  ]),
) {}
