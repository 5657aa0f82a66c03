import { EventIdRequest } from '../club-events/club-events.requests';
import { EventKind, EventStatus } from '../club-events/vocabulary';
import { defineRequest } from '../requests/request-pattern';
import {
  AnalyticsEventsQuery,
  EventFiguresQuery,
  MembershipMonthsQuery,
  ParticipationQuery,
} from './analytics.dto';
import { TimelineGranularity } from './vocabulary';

/**
 * What the registrations of one event came to. Counted in registrations: a member's or a guest's
 * own, or a municipality's delegation to a Kommunalzirkel (whose capacity counts municipalities).
 */
export interface EventFigures {
  /** Every registration ever made: confirmed + waiting + cancelled. */
  readonly registered: number;
  readonly confirmed: number;
  readonly waiting: number;
  readonly cancelled: number;
  /** Registrations that were on the waiting list at some point. */
  readonly waitlisted: number;
  /** Registrations that moved up from the waiting list. */
  readonly promoted: number;
  /** Registrations for which someone was marked present at the check-in. */
  readonly attended: number;
  /** People marked present (each person of a delegation counts). */
  readonly attendedPeople: number;
  /** Confirmed registrations nobody came for; null until the event is held. */
  readonly noShows: number | null;
  /** confirmed / capacity; null without a capacity. */
  readonly fillRate: number | null;
  /** promoted / waitlisted; null when nobody was on the waiting list. */
  readonly waitingListConversion: number | null;
}

/** An event with its figures. Title, kind and dates are missing while its own events are not read yet. */
export interface EventFiguresReply extends EventFigures {
  readonly eventId: string;
  readonly title?: string;
  readonly kind?: EventKind;
  readonly status?: EventStatus;
  /** Berlin time with the offset of the day. */
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly capacity: number | null;
}

export interface EventsFiguresReply {
  readonly items: readonly EventFiguresReply[];
}

/** Registrations in one hour or day after the opening of registration (step 0 is the first). */
export interface TimelineStepReply {
  readonly step: number;
  readonly from: string;
  readonly to: string;
  readonly registrations: number;
  /** Registrations up to the end of this step. */
  readonly cumulative: number;
}

export interface EventDetailFiguresReply extends EventFiguresReply {
  /** When registration opened: the RegistrationOpened event, else the window's opening. */
  readonly registrationOpenedAt?: string;
  readonly granularity: TimelineGranularity;
  /** Registrations made before the opening (by the office). */
  readonly registeredBeforeOpening: number;
  readonly timeline: readonly TimelineStepReply[];
}

/** One value of a dimension; `value` null collects registrations without it (guests, no municipality). */
export interface ParticipationRowReply {
  readonly value: string | null;
  readonly label: string;
  readonly registered: number;
  readonly confirmed: number;
  readonly attended: number;
}

/**
 * Registrations by who registered. A member counts with their profile as the membership service
 * last published it, in each of their themes (so themes add up to more than the total).
 */
export interface ParticipationReply {
  readonly registered: number;
  readonly confirmed: number;
  readonly attended: number;
  readonly byFederalState: readonly ParticipationRowReply[];
  readonly bySector: readonly ParticipationRowReply[];
  readonly byTheme: readonly ParticipationRowReply[];
  readonly bySizeClass: readonly ParticipationRowReply[];
}

/** One Berlin month of the membership. */
export interface MembershipMonthReply {
  /** `YYYY-MM` */
  readonly month: string;
  readonly invited: number;
  readonly accepted: number;
  readonly declined: number;
  /** Memberships that ended (the member left, or the office ended it). */
  readonly left: number;
  /** Active members at the end of the month. */
  readonly members: number;
}

export interface MembershipFiguresReply {
  readonly months: readonly MembershipMonthReply[];
  readonly activeMembers: number;
}

export interface WorkingGroupSizeReply {
  readonly workingGroupId: string;
  readonly name: string;
  /** Active members in the group. */
  readonly members: number;
}

export interface WorkingGroupSizesReply {
  readonly items: readonly WorkingGroupSizeReply[];
}

/** How far a consumer group has read a topic: messages read of the messages there. */
export interface TopicProgressReply {
  readonly topic: string;
  readonly read: number;
  readonly total: number;
}

export interface RebuildProgressReply {
  readonly generation: number;
  readonly requestedAt: string;
  /** Up to the end the topics had when the rebuild was asked for. */
  readonly topics: readonly TopicProgressReply[];
  readonly read: number;
  readonly total: number;
}

export interface RebuildSummaryReply {
  readonly generation: number;
  readonly requestedAt: string;
  readonly finishedAt: string;
  /** Events replayed: every message on the domain topics up to their end at the request. */
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/** The projections: which generation readers see, how far it has read, and the rebuild. */
export interface AnalyticsStatusReply {
  readonly generation: number;
  readonly topics: readonly TopicProgressReply[];
  readonly rebuild?: RebuildProgressReply;
  readonly lastRebuild?: RebuildSummaryReply;
}

export interface RebuildReply {
  /** False when a rebuild was running already; its progress is returned. */
  readonly started: boolean;
  readonly rebuild: RebuildProgressReply;
}

/** The analytics service's requests: figures for the office, and the projections' status and rebuild. */
export const AnalyticsRequests = {
  events: defineRequest<AnalyticsEventsQuery, EventsFiguresReply>('analytics', 'figures.events'),
  event: defineRequest<EventFiguresQuery & EventIdRequest, EventDetailFiguresReply>(
    'analytics',
    'figures.event',
  ),
  participation: defineRequest<ParticipationQuery, ParticipationReply>('analytics', 'figures.participation'),
  membership: defineRequest<MembershipMonthsQuery, MembershipFiguresReply>('analytics', 'figures.membership'),
  workingGroups: defineRequest<Record<string, never>, WorkingGroupSizesReply>(
    'analytics',
    'figures.working-groups',
  ),
  status: defineRequest<Record<string, never>, AnalyticsStatusReply>('analytics', 'projections.status'),
  rebuild: defineRequest<Record<string, never>, RebuildReply>('analytics', 'projections.rebuild'),
} as const;
