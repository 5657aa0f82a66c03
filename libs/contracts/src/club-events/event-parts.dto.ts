import { TObject } from '@sinclair/typebox';
import { Themes } from '../membership/vocabulary';
import {
  BerlinTimeField,
  CloneType,
  MultiLineTextField,
  Nullable,
  OneOf,
  Shape,
  SingleLineTextField,
  TSchema,
  Type,
  Uuid,
  withMessage,
} from '../schema';
import {
  agendaSessionOf,
  circleModuleOf,
  delegationRuleOf,
  hostMunicipalityOf,
  PartWriting,
  registrationWindowOf,
  speakerOf,
  targetGroupOf,
  venueOf,
} from './club-event-parts';
import { AnnouncementScopes, Audiences } from './vocabulary';

/**
 * Requests to create and change events. The shape is checked here (400); rules that relate fields
 * to each other (end after start, registration closing before the event, workshops in the agenda's
 * time) are the events service's domain rules (422). Times are Berlin wall times like
 * `2027-05-12T09:30`, or carry an explicit offset.
 */

type RequestText = ReturnType<typeof SingleLineTextField>;

/** How a request writes the parts it shares with the events (club-event-parts.ts). */
export const requestWriting: PartWriting<RequestText, ReturnType<typeof optionalUuid>> = {
  line: (maxLength, example) => SingleLineTextField(maxLength, example === undefined ? {} : { example }),
  text: (maxLength) => MultiLineTextField(maxLength),
  time: (example, description) =>
    BerlinTimeField({
      ...(example === undefined ? {} : { example }),
      ...(description === undefined ? {} : { description }),
    }),
  entryId: optionalUuid,
  request: (keywords) => keywords,
};

function optionalUuid(field: string, description: string) {
  return Type.Optional(withMessage(CloneType(Uuid(), { description }), `${field} muss eine UUID sein`));
}

export const venueRequestSchema = venueOf(requestWriting);
export type VenueDto = Shape<typeof venueRequestSchema>;

export const registrationWindowRequestSchema = registrationWindowOf(requestWriting);
export type RegistrationWindowDto = Shape<typeof registrationWindowRequestSchema>;

export const targetGroupRequestSchema = targetGroupOf(requestWriting);
export type TargetGroupDto = Shape<typeof targetGroupRequestSchema>;

/** A member of the club by id, or an external speaker by name and organisation. */
export const speakerRequestSchema = Type.Partial(Type.Omit(speakerOf(requestWriting), ['kind']));
export type SpeakerDto = Shape<typeof speakerRequestSchema>;

export const agendaSessionRequestSchema = agendaSessionOf(requestWriting, speakerRequestSchema);
export type AgendaSessionDto = Shape<typeof agendaSessionRequestSchema>;

export const hostMunicipalityRequestSchema = hostMunicipalityOf(requestWriting);
export type HostMunicipalityDto = Shape<typeof hostMunicipalityRequestSchema>;

export const circleModuleRequestSchema = circleModuleOf(requestWriting);
export type CircleModuleDto = Shape<typeof circleModuleRequestSchema>;

export const delegationRuleRequestSchema = delegationRuleOf(requestWriting);
export type DelegationRuleDto = Shape<typeof delegationRuleRequestSchema>;

/** What every kind of event has. */
export const eventBaseFields = {
  title: SingleLineTextField(200, {
    minLength: 3,
    example: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
  }),
  summary: Type.Optional(
    Nullable(MultiLineTextField(500), { description: 'null oder leer löscht sie beim Ändern' }),
  ),
  description: MultiLineTextField(20_000, {
    description: 'Beschreibung in Markdown (HTML wird nicht übernommen)',
  }),
  themes: Type.Array(withMessage(OneOf(Themes), `themes erlaubt nur: ${Themes.join(', ')}`), {
    minItems: 1,
    uniqueItems: true,
  }),
  capacity: withMessage(
    Type.Integer({
      minimum: 0,
      maximum: 100_000,
      example: 50,
      description: 'Plätze; beim Kommunalzirkel: Kommunen',
    }),
    { min: 'capacity darf nicht negativ sein' },
  ),
  registration: registrationWindowRequestSchema,
  audience: CloneType(OneOf(Audiences), { example: 'members' }),
  announceTo: Type.Optional(CloneType(OneOf(AnnouncementScopes), { default: 'all-members' })),
  targetGroup: Type.Optional(
    Nullable(targetGroupRequestSchema, {
      description: 'nötig bei audience target-group; null löscht sie beim Ändern',
    }),
  ),
};
export type EventBaseFields = Shape<TObject<typeof eventBaseFields>>;

/**
 * The named parts of the requests, as the API document shows them: each a component schema of its
 * own under the name the request classes had, so the web's generated types keep their names.
 */
export const EventRequestParts: Record<string, TSchema> = {
  VenueDto: venueRequestSchema,
  RegistrationWindowDto: registrationWindowRequestSchema,
  TargetGroupDto: targetGroupRequestSchema,
  SpeakerDto: speakerRequestSchema,
  AgendaSessionDto: agendaSessionRequestSchema,
  HostMunicipalityDto: hostMunicipalityRequestSchema,
  CircleModuleDto: circleModuleRequestSchema,
  DelegationRuleDto: delegationRuleRequestSchema,
};
