import {
  CloneType,
  ClosedObject,
  EmailAddressField,
  MultiLineTextField,
  RequestBody,
  SingleLineTextField,
  Type,
} from '../schema';
import { memberProfileSchema } from './member-profile';
import { municipalityRequestSchema } from './member-profile.dto';
import { SuggestedOfficeTitles } from './vocabulary';

const profile = memberProfileSchema.properties;

/** The office appoints a person (Berufung); they get an invitation e-mail with a link. */
export const inviteMemberSchema = ClosedObject({
  salutation: CloneType(profile.salutation, { example: 'Herr' }),
  academicTitle: profile.academicTitle,
  officeTitle: Type.Optional(
    SingleLineTextField(80, {
      example: 'Bürgermeister',
      description: `Üblich: ${SuggestedOfficeTitles.join(', ')}; freier Text möglich.`,
    }),
  ),
  firstName: SingleLineTextField(80, { example: 'Jonas' }),
  lastName: SingleLineTextField(80, { example: 'Beispiel' }),
  email: EmailAddressField({ example: 'jonas.beispiel@kalletal.example' }),
  organisation: SingleLineTextField(160, { example: 'Gemeinde Kalletal' }),
  position: Type.Optional(SingleLineTextField(120, { example: 'Bürgermeister' })),
  sector: CloneType(profile.sector, { example: 'Kommune' }),
  federalState: CloneType(profile.federalState, { example: 'NW' }),
  municipality: Type.Optional(
    CloneType(municipalityRequestSchema, { description: 'Pflicht für den Sektor Kommune' }),
  ),
  themes: CloneType(profile.themes, { example: ['Digitalisierung', 'Klimaschutz'] }),
  personalMessage: Type.Optional(
    MultiLineTextField(4000, { example: 'Wir freuen uns auf Ihre Erfahrung mit digital.interkommunal.' }),
  ),
});
export class InviteMemberRequest extends RequestBody(inviteMemberSchema) {}
