import { BerlinTimeField, ClosedObject, Nullable, RequestBody, SingleLineTextField, Type } from '../schema';
import { circleFieldsOf, forumFieldsOf, loungeFieldsOf } from './club-event-parts';
import {
  agendaSessionRequestSchema,
  circleModuleRequestSchema,
  eventBaseFields,
  requestWriting,
  venueRequestSchema,
} from './event-parts.dto';

export const createForumSchema = ClosedObject({
  ...eventBaseFields,
  startsAt: BerlinTimeField({ example: '2027-05-12T09:30' }),
  endsAt: BerlinTimeField({ example: '2027-05-13T16:00' }),
  ...forumFieldsOf(requestWriting, agendaSessionRequestSchema),
  edition: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, maximum: 1000, example: 23 }), {
      description: 'null löscht sie beim Ändern',
    }),
  ),
  venue: venueRequestSchema,
});
export class CreateForumRequest extends RequestBody(createForumSchema) {}

export const createLoungeSchema = ClosedObject({
  ...eventBaseFields,
  startsAt: BerlinTimeField({ example: '2027-04-15T17:00' }),
  endsAt: BerlinTimeField({ example: '2027-04-15T21:00' }),
  ...loungeFieldsOf(requestWriting),
  venue: venueRequestSchema,
});
export class CreateLoungeRequest extends RequestBody(createLoungeSchema) {}

export const createCircleSchema = ClosedObject({
  ...eventBaseFields,
  ...circleFieldsOf(requestWriting, circleModuleRequestSchema),
  feeNote: Type.Optional(Nullable(SingleLineTextField(300), { description: 'null löscht ihn beim Ändern' })),
});
export class CreateCircleRequest extends RequestBody(createCircleSchema) {}

/** Updates name only what changes; lists (sessions, modules) are replaced as a whole. */
export const updateForumSchema = Type.Partial(createForumSchema);
export class UpdateForumRequest extends RequestBody(updateForumSchema) {}
export const updateLoungeSchema = Type.Partial(createLoungeSchema);
export class UpdateLoungeRequest extends RequestBody(updateLoungeSchema) {}
export const updateCircleSchema = Type.Partial(createCircleSchema);
export class UpdateCircleRequest extends RequestBody(updateCircleSchema) {}
