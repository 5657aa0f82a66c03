import {
  AgendaSessionDto,
  CircleModuleDto,
  CreateCircleRequest,
  CreateForumRequest,
  CreateLoungeRequest,
  EventBaseFields,
  EventKind,
  parseBerlinTime,
  TargetGroup,
  UpdateCircleRequest,
  UpdateForumRequest,
  UpdateLoungeRequest,
  Venue,
} from '@ic/contracts';
import { compact, FieldError, RuleViolationError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { MemberSpeaker } from '../replicas/member-speaker';
import { CirclePlan, EventPlan, ForumPlan, ModulePlan, SessionPlan } from './club-event';
import { EventMessages } from './club-event.messages';
import { circleSchedule } from './rules/circle.rules';
import { resolveSpeaker } from './rules/forum.rules';

/**
 * From validated requests to plans: times become instants (entered as Berlin wall time), sessions
 * and modules keep the id they were given or get a new one, member speakers are named from the
 * replica. An update names only what changes; lists are replaced as a whole, and null clears an
 * optional field (a required one cannot be cleared).
 */
type Members = ReadonlyMap<string, MemberSpeaker>;

export function forumPlanOf(request: CreateForumRequest, members: Members): EventPlan {
  return updatedForumPlan(undefined, request, members);
}

export function loungePlanOf(request: CreateLoungeRequest): EventPlan {
  return updatedLoungePlan(undefined, request);
}

export function circlePlanOf(request: CreateCircleRequest): EventPlan {
  return updatedCirclePlan(undefined, request);
}

export function updatedForumPlan(
  current: EventPlan | undefined,
  request: UpdateForumRequest,
  members: Members,
): EventPlan {
  const patch = new Patch(request);
  const forum: ForumPlan = compact({
    leitgedanke: patch.required('leitgedanke', current?.forum?.leitgedanke),
    edition: patch.optional('edition', current?.forum?.edition),
    sessions: patch.required('sessions', current?.forum?.sessions, (sessions: AgendaSessionDto[]) =>
      sessions.map((session, index) => sessionPlanOf(session, `sessions.${index}`, members)),
    ),
  });
  return patch.done({
    ...basePlan('deutschlandforum', current, patch),
    startsAt: patch.required('startsAt', current?.startsAt, (value: string) => instantOf(value, 'startsAt')),
    endsAt: patch.required('endsAt', current?.endsAt, (value: string) => instantOf(value, 'endsAt')),
    venue: patch.required('venue', current?.venue, venueOf),
    forum,
  });
}

export function updatedLoungePlan(current: EventPlan | undefined, request: UpdateLoungeRequest): EventPlan {
  const patch = new Patch(request);
  return patch.done({
    ...basePlan('innovators-lounge', current, patch),
    startsAt: patch.required('startsAt', current?.startsAt, (value: string) => instantOf(value, 'startsAt')),
    endsAt: patch.required('endsAt', current?.endsAt, (value: string) => instantOf(value, 'endsAt')),
    venue: patch.required('venue', current?.venue, venueOf),
    lounge: {
      topic: patch.required('topic', current?.lounge?.topic),
      host: patch.required('host', current?.lounge?.host, (host: CreateLoungeRequest['host']) =>
        compact({ name: host.name, ags: host.ags, federalState: host.federalState }),
      ),
    },
  });
}

export function updatedCirclePlan(current: EventPlan | undefined, request: UpdateCircleRequest): EventPlan {
  const patch = new Patch(request);
  const circle: CirclePlan = compact({
    modules: patch.required('modules', current?.circle?.modules, (modules: CircleModuleDto[]) =>
      modules.map((module, index) => modulePlanOf(module, `modules.${index}`)),
    ),
    delegation: patch.required(
      'delegation',
      current?.circle?.delegation,
      (delegation: CreateCircleRequest['delegation']) => ({
        maxPeople: delegation.maxPeople,
        suggestedRoles: [...delegation.suggestedRoles],
      }),
    ),
    feeCents: patch.required('feeCents', current?.circle?.feeCents),
    feeNote: patch.optional('feeNote', current?.circle?.feeNote),
  });
  return patch.done({
    ...basePlan('kommunalzirkel', current, patch),
    ...circleSchedule(circle.modules),
    circle,
  });
}

/** The fields every kind has. */
function basePlan(kind: EventKind, current: EventPlan | undefined, patch: Patch): EventPlan {
  return compact<EventPlan>({
    kind,
    title: patch.required('title', current?.title),
    summary: patch.optional('summary', current?.summary, (summary: string) => summary || undefined),
    description: patch.required('description', current?.description),
    themes: patch.required('themes', current?.themes, (themes: EventBaseFields['themes']) => [...themes]),
    capacity: patch.required('capacity', current?.capacity),
    registration: patch.required(
      'registration',
      current?.registration,
      (window: EventBaseFields['registration']) => ({
        opensAt: instantOf(window.opensAt, 'registration.opensAt'),
        closesAt: instantOf(window.closesAt, 'registration.closesAt'),
      }),
    ),
    audience: patch.required('audience', current?.audience),
    announceTo: patch.optional('announceTo', current?.announceTo) ?? 'all-members',
    targetGroup: patch.optional('targetGroup', current?.targetGroup, targetGroupOf),
  });
}

function sessionPlanOf(session: AgendaSessionDto, at: string, members: Members): SessionPlan {
  return compact({
    sessionId: session.sessionId ?? randomUUID(),
    kind: session.kind,
    title: session.title,
    abstract: session.abstract || undefined,
    startsAt: instantOf(session.startsAt, `${at}.startsAt`),
    endsAt: instantOf(session.endsAt, `${at}.endsAt`),
    room: session.room,
    speakers: session.speakers.map((speaker) => resolveSpeaker(speaker, members)),
    capacity: session.capacity,
  });
}

function modulePlanOf(module: CircleModuleDto, at: string): ModulePlan {
  return compact({
    moduleId: module.moduleId ?? randomUUID(),
    title: module.title,
    startsAt: module.startsAt ? instantOf(module.startsAt, `${at}.startsAt`) : undefined,
    endsAt: module.endsAt ? instantOf(module.endsAt, `${at}.endsAt`) : undefined,
    dateNote: module.dateNote,
    place: module.place,
    guidingQuestions: module.guidingQuestions.map((question) => question.trim()),
  });
}

function venueOf(venue: CreateForumRequest['venue']): Venue {
  return compact({
    name: venue.name,
    street: venue.street,
    postalCode: venue.postalCode,
    city: venue.city,
    federalState: venue.federalState,
  });
}

function targetGroupOf(group: NonNullable<EventBaseFields['targetGroup']>): TargetGroup {
  return compact({ federalStates: [...group.federalStates], maxPopulation: group.maxPopulation });
}

/**
 * An instant from a time as entered. The request DTOs have checked its form; a wall time in the hour
 * a change of daylight saving time skips or repeats is refused here, as the rule it breaks.
 */
export function instantOf(value: string, field: string): Date {
  const parsed = parseBerlinTime(value);
  if (!parsed.ok) {
    throw new RuleViolationError(
      `Diesen Zeitpunkt gibt es wegen der Zeitumstellung nicht eindeutig: ${field}.`,
      [{ field, message: `${field}: ${parsed.reason}` }],
      'daylight-saving-change',
    );
  }
  return parsed.instant;
}

/** Reads the fields of a create or update request, collecting those cleared that must not be. */
class Patch {
  private readonly problems: FieldError[] = [];

  constructor(private readonly request: object) {}

  /** The request's value (converted), else the current one; null for a required field is refused. */
  required<T, V = T>(field: string, current: T | undefined, convert?: (value: V) => T): T {
    const value = this.valueOf(field);
    if (value === undefined) return this.ensure(field, current);
    if (value === null) {
      this.problems.push({ field, message: EventMessages.mustNotBeEmpty(field) });
      return current as T;
    }
    return convert ? convert(value as V) : (value as T);
  }

  /** The request's value (converted), else the current one; null clears it. */
  optional<T, V = T>(
    field: string,
    current: T | undefined,
    convert?: (value: V) => T | undefined,
  ): T | undefined {
    const value = this.valueOf(field);
    if (value === undefined) return current;
    if (value === null) return undefined;
    return convert ? convert(value as V) : (value as T);
  }

  /** The plan, or a 422 naming every required field that was missing or cleared. */
  done(plan: EventPlan): EventPlan {
    if (this.problems.length > 0) {
      const fields = this.problems.map((problem) => problem.field).join(', ');
      throw new RuleViolationError(`Die Anfrage enthält ungültige Felder: ${fields}.`, this.problems);
    }
    return plan;
  }

  private ensure<T>(field: string, current: T | undefined): T {
    // Only an update can leave a field out; on create the DTO has required it.
    if (current === undefined) this.problems.push({ field, message: EventMessages.mustNotBeEmpty(field) });
    return current as T;
  }

  private valueOf(field: string): unknown {
    return (this.request as Record<string, unknown>)[field];
  }
}
