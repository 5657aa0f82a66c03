import {
  CloneType,
  ClosedObject,
  MultiLineTextField,
  RequestBody,
  SingleLineTextField,
  Type,
} from '../schema';
import { memberProfileSchema } from './member-profile';
import { municipalityRequestSchema, officeTitleDescription, personRequestFields } from './member-profile.dto';

const profile = memberProfileSchema.properties;
const person = personRequestFields;

/** The office appoints a person (Berufung); they get an invitation e-mail with a link. */
export const inviteMemberSchema = ClosedObject({
  salutation: CloneType(profile.salutation, { example: 'Herr' }),
  academicTitle: profile.academicTitle,
  officeTitle: Type.Optional(
    SingleLineTextField(80, { example: 'Bürgermeister', description: officeTitleDescription }),
  ),
  firstName: person.firstName,
  lastName: person.lastName,
  email: person.email,
  organisation: person.organisation,
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
