import { EventKinds, EventStatuses } from '../club-events/vocabulary';
import { CloneType, ClosedObject, Count, Nullable, OneOf, Shape, Timestamp, Type, Uuid } from '../schema';
import { ZONED_TIME } from '../time/berlin-time';
import { defineRequest } from '../requests/request-pattern';
import {
  AnalyticsEventsQuery,
  EventFiguresRequest,
  MembershipMonthsQuery,
  ParticipationQuery,
} from './analytics.dto';
import { TimelineGranularities } from './vocabulary';

const REGISTRATIONS =
  'in Anmeldungen: die eines Mitglieds oder Gasts, beim Kommunalzirkel die Delegation einer Kommune';

/**
 * What the registrations of one event came to. Counted in registrations: a member's or a guest's
 * own, or a municipality's delegation to a Kommunalzirkel (whose capacity counts municipalities).
 */
export const eventFiguresSchema = ClosedObject({
  /** Every registration ever made: confirmed + waiting + cancelled. */
  registered: Count(61, `alle je eingegangenen, ${REGISTRATIONS} (bestätigt + Warteliste + storniert)`),
  confirmed: Count(50),
  waiting: Count(3, 'jetzt auf der Warteliste'),
  cancelled: Count(8),
  /** Registrations that were on the waiting list at some point. */
  waitlisted: Count(14, 'je auf der Warteliste gewesen'),
  /** Registrations that moved up from the waiting list. */
  promoted: Count(9, 'von der Warteliste nachgerückt'),
  /** Registrations for which someone was marked present at the check-in. */
  attended: Count(44, 'Anmeldungen, zu denen beim Einlass jemand vermerkt wurde'),
  /** People marked present (each person of a delegation counts). */
  attendedPeople: Count(46, 'beim Einlass vermerkte Personen (Delegationen zählen jede Person)'),
  /** Confirmed registrations nobody came for; null until the event is held. */
  noShows: Nullable(Type.Integer(), {
    example: 6,
    description:
      'bestätigte Anmeldungen, zu denen niemand kam; null, bis die Veranstaltung stattgefunden hat',
  }),
  /** confirmed / capacity; null without a capacity. */
  fillRate: Nullable(Type.Number(), { example: 1, description: 'Auslastung: bestätigt / Kapazität' }),
  /** promoted / waitlisted; null when nobody was on the waiting list. */
  waitingListConversion: Nullable(Type.Number(), {
    example: 0.642857,
    description: 'nachgerückt / je auf der Warteliste; null ohne Warteliste',
  }),
});
export type EventFigures = Shape<typeof eventFiguresSchema>;

/** An event with its figures. Title, kind and dates are missing while its own events are not read yet. */
export const eventFiguresReplySchema = ClosedObject({
  eventId: Uuid(),
  title: Type.Optional(
    Type.String({
      example: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
      description: 'fehlt, solange die Veranstaltung selbst noch nicht gelesen ist',
    }),
  ),
  kind: Type.Optional(OneOf(EventKinds)),
  status: Type.Optional(OneOf(EventStatuses)),
  /** Berlin time with the offset of the day. */
  startsAt: Type.Optional(Type.String({ example: '2027-04-15T17:00:00+02:00', description: ZONED_TIME })),
  endsAt: Type.Optional(Type.String({ example: '2027-04-15T21:00:00+02:00', description: ZONED_TIME })),
  capacity: Nullable(Type.Integer(), { example: 50, description: 'Plätze; beim Kommunalzirkel: Kommunen' }),
  ...eventFiguresSchema.properties,
});
export type EventFiguresReply = Shape<typeof eventFiguresReplySchema>;

export const eventsFiguresReplySchema = ClosedObject({
  items: Type.Array(eventFiguresReplySchema, { description: 'nach Beginn, dann Titel' }),
});
export type EventsFiguresReply = Shape<typeof eventsFiguresReplySchema>;

/** Registrations in one hour or day after the opening of registration (step 0 is the first). */
export const timelineStepReplySchema = ClosedObject({
  step: Count(0, '0 = die erste Stunde bzw. der erste Tag nach der Öffnung'),
  from: Type.String({ example: '2027-02-01T09:00:00+01:00', description: ZONED_TIME }),
  to: Type.String({ example: '2027-02-02T09:00:00+01:00', description: ZONED_TIME }),
  registrations: Count(17),
  /** Registrations up to the end of this step. */
  cumulative: Count(17, 'Anmeldungen bis zum Ende dieses Schritts'),
});
export type TimelineStepReply = Shape<typeof timelineStepReplySchema>;

export const eventDetailFiguresReplySchema = ClosedObject({
  ...eventFiguresReplySchema.properties,
  /** When registration opened: the RegistrationOpened event, else the window's opening. */
  registrationOpenedAt: Type.Optional(
    Type.String({
      example: '2027-02-01T09:00:00+01:00',
      description: `Öffnung der Anmeldung (RegistrationOpened, sonst der Beginn des Anmeldezeitraums); ${ZONED_TIME}`,
    }),
  ),
  granularity: OneOf(TimelineGranularities),
  /** Registrations made before the opening (by the office). */
  registeredBeforeOpening: Count(0, 'Anmeldungen vor der Öffnung (durch die Geschäftsstelle)'),
  timeline: Type.Array(timelineStepReplySchema, {
    description: 'Anmeldungen je Stunde oder Tag seit der Öffnung',
  }),
});
export type EventDetailFiguresReply = Shape<typeof eventDetailFiguresReplySchema>;

/** One value of a dimension; `value` null collects registrations without it (guests, no municipality). */
export const participationRowReplySchema = ClosedObject({
  value: Nullable(Type.String(), { example: 'BY', description: 'null: ohne Angabe (Gäste, ohne Kommune)' }),
  label: Type.String({ example: 'Bayern' }),
  registered: Count(12),
  confirmed: Count(10),
  attended: Count(9),
});
export type ParticipationRowReply = Shape<typeof participationRowReplySchema>;

const Rows = (description: string) => Type.Array(participationRowReplySchema, { description });

/**
 * Registrations by who registered. A member counts with their profile as the membership service
 * last published it, in each of their themes (so themes add up to more than the total).
 */
export const participationReplySchema = ClosedObject({
  registered: Count(61),
  confirmed: Count(50),
  attended: Count(44),
  byFederalState: Rows('alle 16 Länder und „ohne Angabe“'),
  bySector: Rows('Kommunen (auch Delegationen) zählen als Kommune'),
  byTheme: Rows('die Themenfelder der Mitglieder; wer mehrere hat, zählt in jedem'),
  bySizeClass: Rows('Gemeindegröße: bis 5.000, 5.001–20.000, 20.001–100.000, über 100.000 Einwohner'),
});
export type ParticipationReply = Shape<typeof participationReplySchema>;

/** One Berlin month of the membership. */
export const membershipMonthReplySchema = ClosedObject({
  /** `YYYY-MM` */
  month: Type.String({ example: '2026-11', description: 'Monat in Europe/Berlin' }),
  invited: Count(9, 'Berufungen (Einladungen)'),
  accepted: Count(7, 'Zusagen'),
  declined: Count(1, 'Absagen'),
  /** Memberships that ended (the member left, or the office ended it). */
  left: Count(1, 'beendete Mitgliedschaften (ausgetreten oder durch die Geschäftsstelle)'),
  /** Active members at the end of the month. */
  members: Count(118, 'aktive Mitglieder am Monatsende'),
});
export type MembershipMonthReply = Shape<typeof membershipMonthReplySchema>;

export const membershipFiguresReplySchema = ClosedObject({
  months: Type.Array(membershipMonthReplySchema),
  activeMembers: Count(118),
});
export type MembershipFiguresReply = Shape<typeof membershipFiguresReplySchema>;

export const workingGroupSizeReplySchema = ClosedObject({
  workingGroupId: Type.String({ example: 'digitales' }),
  name: Type.String({ example: 'Digitales' }),
  /** Active members in the group. */
  members: Count(41, 'aktive Mitglieder'),
});
export type WorkingGroupSizeReply = Shape<typeof workingGroupSizeReplySchema>;

export const workingGroupSizesReplySchema = ClosedObject({ items: Type.Array(workingGroupSizeReplySchema) });
export type WorkingGroupSizesReply = Shape<typeof workingGroupSizesReplySchema>;

/** How far a consumer group has read a topic: messages read of the messages there. */
export const topicProgressReplySchema = ClosedObject({
  topic: Type.String({ example: 'ic.registrations.v1' }),
  read: Count(2716),
  total: Count(7867),
});
export type TopicProgressReply = Shape<typeof topicProgressReplySchema>;

export const rebuildProgressReplySchema = ClosedObject({
  generation: Count(3),
  requestedAt: Timestamp(),
  /** Up to the end the topics had when the rebuild was asked for. */
  topics: Type.Array(topicProgressReplySchema, { description: 'bis zum Ende der Topics bei der Anfrage' }),
  read: Count(6438),
  total: Count(13892),
});
export type RebuildProgressReply = Shape<typeof rebuildProgressReplySchema>;

export const rebuildSummaryReplySchema = ClosedObject({
  generation: Count(2),
  requestedAt: Timestamp(),
  finishedAt: Timestamp(),
  /** Events replayed: every message on the domain topics up to their end at the request. */
  events: Count(13892, 'wiederholte Ereignisse'),
  seconds: Type.Number({ example: 2.4 }),
  eventsPerSecond: Type.Number({ example: 5788 }),
});
export type RebuildSummaryReply = Shape<typeof rebuildSummaryReplySchema>;

/** The projections: which generation readers see, how far it has read, and the rebuild. */
export const analyticsStatusReplySchema = ClosedObject({
  generation: Count(2, 'die Generation der Projektionen, die gelesen wird'),
  topics: Type.Array(topicProgressReplySchema, {
    description: 'wie weit sie jedes Domänen-Topic gelesen hat',
  }),
  rebuild: Type.Optional(CloneType(rebuildProgressReplySchema, { description: 'ein laufender Neuaufbau' })),
  lastRebuild: Type.Optional(rebuildSummaryReplySchema),
});
export type AnalyticsStatusReply = Shape<typeof analyticsStatusReplySchema>;

export interface RebuildReply {
  /** False when a rebuild was running already; its progress is returned. */
  readonly started: boolean;
  readonly rebuild: RebuildProgressReply;
}

/** The analytics service's requests: figures for the office, and the projections' status and rebuild. */
export const AnalyticsRequests = {
  events: defineRequest<AnalyticsEventsQuery, EventsFiguresReply>('analytics', 'figures.events'),
  event: defineRequest<EventFiguresRequest, EventDetailFiguresReply>('analytics', 'figures.event'),
  participation: defineRequest<ParticipationQuery, ParticipationReply>('analytics', 'figures.participation'),
  membership: defineRequest<MembershipMonthsQuery, MembershipFiguresReply>('analytics', 'figures.membership'),
  workingGroups: defineRequest<Record<string, never>, WorkingGroupSizesReply>(
    'analytics',
    'figures.working-groups',
  ),
  status: defineRequest<Record<string, never>, AnalyticsStatusReply>('analytics', 'projections.status'),
  rebuild: defineRequest<Record<string, never>, RebuildReply>('analytics', 'projections.rebuild'),
} as const;
