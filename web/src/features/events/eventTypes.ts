import type { components, paths } from '../../api/openapi';

type Schemas = components['schemas'];

/** An event as GET /api/v1/events/{eventId} answers it: everything its page shows. */
export type ClubEvent =
  paths['/api/v1/events/{eventId}']['get']['responses'][200]['content']['application/json'];
/** One event of GET /api/v1/events. */
export type EventSummary = Schemas['EventSummaryResponse'];
export type EventKind = ClubEvent['kind'];
export type EventStatus = ClubEvent['status'];
export type Theme = ClubEvent['themes'][number];
export type FederalState = Schemas['VenueResponse']['federalState'];
export type Venue = Schemas['VenueResponse'];
export type TargetGroup = Schemas['TargetGroupResponse'];
export type AgendaSession = Schemas['AgendaSessionResponse'];
export type CircleModule = Schemas['CircleModuleResponse'];
export type EventDocument = Schemas['EventDocumentResponse'];
export type EventSeats = Schemas['EventSeatsResponse'];
/** The query parameters of GET /api/v1/events. */
export type EventListQuery = NonNullable<paths['/api/v1/events']['get']['parameters']['query']>;
