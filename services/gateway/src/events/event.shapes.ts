import {
  ClosedObject,
  ClubEventReply,
  clubEventReplySchema,
  EventDocument,
  eventDocumentReplySchema,
  pickShape,
  Shape,
  Type,
} from '@ic/contracts';
import { API_PREFIX } from '../openapi';

/** A document of an event with the address the gateway serves it at. */
export const eventDocumentSchema = ClosedObject({
  ...eventDocumentReplySchema.properties,
  href: Type.String({
    example: '/api/v1/events/8d1c0f3e-…/documents/2f6b9c1a-…',
    description: 'zum Herunterladen',
  }),
});
export type EventDocumentView = Shape<typeof eventDocumentSchema>;

/** An event as the API answers it: the events service's reply with the gateway's addresses. */
export const eventSchema = ClosedObject({
  ...clubEventReplySchema.properties,
  documents: Type.Array(eventDocumentSchema),
  calendarHref: Type.String({
    example: '/api/v1/events/8d1c0f3e-…/calendar.ics',
    description: 'Kalendereintrag (iCalendar)',
  }),
});
export type EventView = Shape<typeof eventSchema>;

export function eventPath(eventId: string): string {
  return `/${API_PREFIX}/events/${eventId}`;
}

export function documentPath(eventId: string, documentId: string): string {
  return `${eventPath(eventId)}/documents/${documentId}`;
}

export function eventDocumentView(eventId: string, document: EventDocument): EventDocumentView {
  return pickShape(eventDocumentSchema, { ...document, href: documentPath(eventId, document.documentId) });
}

export function eventView(reply: ClubEventReply): EventView {
  return pickShape(eventSchema, {
    ...reply,
    documents: reply.documents.map((document) => eventDocumentView(reply.eventId, document)),
    calendarHref: `${eventPath(reply.eventId)}/calendar.ics`,
  });
}
