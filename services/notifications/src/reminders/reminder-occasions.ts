import { ClubEventSnapshot, EventStatus } from '@ic/contracts';

/** Something a reminder is sent before: the event, or one dated module of a Kommunalzirkel. */
export interface ReminderOccasion {
  /** `<eventId>:event` or `<eventId>:<moduleId>`. */
  readonly id: string;
  readonly eventId: string;
  readonly moduleId?: string;
  readonly startsAt: Date;
  /** `daysBefore` days before the start. */
  readonly dueAt: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reminders go out for events people can be registered for; not for drafts, cancelled or held events. */
const REMINDED_STATUSES: ReadonlySet<EventStatus> = new Set([
  'announced',
  'registration-open',
  'registration-closed',
]);

export function isRemindable(event: Pick<ClubEventSnapshot, 'status'>): boolean {
  return REMINDED_STATUSES.has(event.status);
}

/**
 * The occasions of an event: a Forum or a Lounge is one, a Kommunalzirkel one per module that has a
 * date (a year-long series deserves a reminder before each meeting; an undated module gets one once
 * its date is set). None for an event that is not remindable.
 */
export function reminderOccasionsOf(event: ClubEventSnapshot, daysBefore: number): ReminderOccasion[] {
  if (!isRemindable(event)) return [];
  const occasion = (key: string, startsAt: string, moduleId?: string): ReminderOccasion => {
    const start = new Date(startsAt);
    return {
      id: `${event.eventId}:${key}`,
      eventId: event.eventId,
      ...(moduleId ? { moduleId } : {}),
      startsAt: start,
      dueAt: new Date(start.getTime() - daysBefore * DAY_MS),
    };
  };
  if (event.kind === 'kommunalzirkel') {
    return (event.circle?.modules ?? []).flatMap((module) =>
      module.startsAt ? [occasion(module.moduleId, module.startsAt, module.moduleId)] : [],
    );
  }
  return event.startsAt ? [occasion('event', event.startsAt)] : [];
}
