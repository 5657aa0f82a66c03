import { eventIdSchema } from '../club-events/event-id';
import { EventKinds } from '../club-events/vocabulary';
import {
  CloneType,
  ClosedComposite,
  ClosedObject,
  IdField,
  OneOf,
  RequestBody,
  Type,
  withMessage,
} from '../schema';
import { ParticipationDimensions, TimelineGranularities } from './vocabulary';

/**
 * Filters of the analytics figures. A period is a range of Berlin calendar days the events start
 * in; membership is counted per Berlin month.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A day or month of the period, in the words `<field> muss … wie … sein`. */
const periodBound = (pattern: RegExp, description: string, message: string) =>
  Type.Optional(withMessage(Type.String({ description, pattern: pattern.source }), message));

const analyticsEventsQuerySchema = ClosedObject({
  kind: Type.Optional(OneOf(EventKinds)),
  from: periodBound(
    DAY,
    'Veranstaltungen, die ab diesem Tag beginnen (Europe/Berlin), z. B. 2027-01-01',
    'from muss ein Datum wie 2027-01-01 sein',
  ),
  to: periodBound(
    DAY,
    'Veranstaltungen, die bis einschließlich diesem Tag beginnen (Europe/Berlin), z. B. 2027-12-31',
    'to muss ein Datum wie 2027-12-31 sein',
  ),
});
export class AnalyticsEventsQuery extends RequestBody(analyticsEventsQuerySchema) {}

const eventFiguresQuerySchema = ClosedObject({
  granularity: Type.Optional(
    CloneType(OneOf(TimelineGranularities), {
      default: 'day',
      description: 'Anmeldungen je Stunde oder je Tag seit Öffnung der Anmeldung',
    }),
  ),
});
export class EventFiguresQuery extends RequestBody(eventFiguresQuerySchema) {}

/** The figures of one event, as the gateway asks the analytics service for them. */
export class EventFiguresRequest extends RequestBody(
  ClosedComposite([eventIdSchema, eventFiguresQuerySchema]),
) {}

const participationQuerySchema = ClosedObject({
  ...analyticsEventsQuerySchema.properties,
  eventId: Type.Optional(IdField('eventId', { description: 'Nur diese Veranstaltung' })),
});
export class ParticipationQuery extends RequestBody(participationQuerySchema) {}

/** The participation as CSV: the same filters, and optionally one breakdown instead of all four. */
export class ParticipationCsvQuery extends RequestBody(
  ClosedObject({
    ...participationQuerySchema.properties,
    dimension: Type.Optional(
      CloneType(OneOf(ParticipationDimensions), {
        description:
          'Nur diese Aufschlüsselung (Bundesland, Sektor, Themenfeld, Gemeindegröße); ohne Angabe alle vier',
      }),
    ),
  }),
) {}

const membershipMonthsQuerySchema = ClosedObject({
  from: periodBound(
    MONTH,
    'ab diesem Monat (Europe/Berlin), z. B. 2026-01',
    'from muss ein Monat wie 2026-01 sein',
  ),
  to: periodBound(
    MONTH,
    'bis einschließlich diesem Monat (Europe/Berlin), z. B. 2026-12',
    'to muss ein Monat wie 2026-12 sein',
  ),
});
export class MembershipMonthsQuery extends RequestBody(membershipMonthsQuerySchema) {}
