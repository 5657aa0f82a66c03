import type { components } from '../../../api/openapi';

type Schemas = components['schemas'];

/** GET /api/v1/events/{eventId}/registration-stats. */
export type RegistrationStats = Schemas['RegistrationStatsResponse'];
/** GET /api/v1/events/{eventId}/audience. */
export type EventAudience = Schemas['EventAudienceResponse'];
export type EventStatus = Schemas['EventResponse']['status'];
