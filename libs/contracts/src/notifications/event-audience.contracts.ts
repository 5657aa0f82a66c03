import { clubEventSnapshotSchema } from '../club-events/club-event';
import { defineRequest } from '../requests/request-pattern';
import { ClosedObject, Count, RequestBody, Shape, Uuid } from '../schema';

const { eventId, kind, audience, announceTo, targetGroup, themes } = clubEventSnapshotSchema.properties;

/** What decides whom an event's announcement and its "Anmeldung geöffnet" mail go to, as the event carries it. */
export const audienceOfEventSchema = ClosedObject({
  eventId,
  kind,
  audience,
  announceTo,
  targetGroup,
  themes,
});
export type AudienceOfEvent = Shape<typeof audienceOfEventSchema>;

export const eventAudienceRequestSchema = ClosedObject({
  /** The event as the events service knows it now (the gateway reads it first). */
  event: audienceOfEventSchema,
});
export class EventAudienceRequest extends RequestBody(eventAudienceRequestSchema) {}

/** How many members the office's next step would tell, counted as the mails are addressed. */
export const eventAudienceReplySchema = ClosedObject({
  eventId: Uuid(),
  /** Members an announcement would go to now: active, announcements on, fitting the event. */
  announcement: Count(
    214,
    'Mitglieder, die die Ankündigung jetzt erhielten: aktiv, Ankündigungen nicht abbestellt, passend ' +
      '(Zielgruppe nach Land und Einwohnerzahl, gemeinsames Themenfeld oder alle, wie die Veranstaltung es bestimmt)',
  ),
  /**
   * Members told "Anmeldung geöffnet" as the announced audience when registration opens: they got
   * the announcement, still fit and have announcements on, and declared no interest (those are told
   * as interest holders). 0 before the announcement, and when it said registration was open.
   */
  registrationOpened: Count(
    180,
    'Mitglieder, die beim Öffnen der Anmeldung „Anmeldung geöffnet“ erhalten, weil ihre Ankündigung einen ' +
      'späteren Anmeldebeginn nannte; ohne die Interessierten (die zählt registration-stats); vor der Ankündigung 0',
  ),
});
export type EventAudienceReply = Shape<typeof eventAudienceReplySchema>;

export const EventAudienceRequests = {
  /** How many members an event's announcement and its registration opening would tell (office only). */
  eventAudience: defineRequest<EventAudienceRequest, EventAudienceReply>('notifications', 'events.audience'),
} as const;
