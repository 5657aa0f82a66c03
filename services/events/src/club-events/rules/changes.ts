import { EventChangeAspect, EventChangeAspects } from '@ic/contracts';
import { EventPlan } from '../club-event';

/**
 * What an aspect of an event consists of. A changed schedule or venue is news for everyone
 * registered; for a Kommunalzirkel, the modules' dates belong to the schedule and their places
 * to the venue, the rest of the modules to the agenda.
 */
const ASPECTS: Readonly<Record<EventChangeAspect, (plan: EventPlan) => unknown>> = {
  details: (plan) => [
    plan.title,
    plan.summary,
    plan.description,
    plan.themes,
    plan.forum?.leitgedanke,
    plan.forum?.edition,
    plan.lounge,
    plan.circle?.feeCents,
    plan.circle?.feeNote,
  ],
  schedule: (plan) => [
    plan.startsAt,
    plan.endsAt,
    plan.circle?.modules.map((module) => [module.moduleId, module.startsAt, module.endsAt]),
  ],
  venue: (plan) => [plan.venue, plan.circle?.modules.map((module) => [module.moduleId, module.place])],
  agenda: (plan) => [
    plan.forum?.sessions,
    plan.circle?.modules.map((module) => [
      module.moduleId,
      module.title,
      module.dateNote,
      module.guidingQuestions,
    ]),
  ],
  capacity: (plan) => plan.capacity,
  'registration-window': (plan) => plan.registration,
  audience: (plan) => [plan.audience, plan.announceTo, plan.targetGroup, plan.circle?.delegation],
};

/** The aspects in which two plans of one event differ, in the contract's order; empty if none. */
export function changedAspects(before: EventPlan, after: EventPlan): EventChangeAspect[] {
  return EventChangeAspects.filter(
    (aspect) => canonical(ASPECTS[aspect](before)) !== canonical(ASPECTS[aspect](after)),
  );
}

/** JSON with sorted keys and without absent values, so that equal content compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;
    return Object.fromEntries(
      Object.entries(entry as Record<string, unknown>)
        .filter(([, field]) => field !== undefined && field !== null)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}
