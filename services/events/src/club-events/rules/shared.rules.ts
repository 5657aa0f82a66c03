import { germanShortDateTime } from '@ic/contracts';
import { FieldError } from '@ic/platform';
import { EventPlan } from '../club-event';
import { isBefore } from './rule-problems';

/** The event ends after it starts. */
export function scheduleProblems(plan: Pick<EventPlan, 'startsAt' | 'endsAt'>): FieldError[] {
  if (!plan.startsAt || !plan.endsAt || isBefore(plan.startsAt, plan.endsAt)) return [];
  return [{ field: 'endsAt', message: 'Das Ende der Veranstaltung muss nach ihrem Beginn liegen.' }];
}

/**
 * The registration window closes after it opens, and at the latest when the event (for a
 * Kommunalzirkel: its first dated module) starts.
 */
export function registrationProblems(plan: Pick<EventPlan, 'registration' | 'startsAt'>): FieldError[] {
  const { opensAt, closesAt } = plan.registration;
  const problems: FieldError[] = [];
  if (!isBefore(opensAt, closesAt)) {
    problems.push({
      field: 'registration.closesAt',
      message: 'Die Anmeldung muss schließen, nachdem sie geöffnet hat.',
    });
  }
  if (plan.startsAt && isBefore(plan.startsAt, closesAt)) {
    problems.push({
      field: 'registration.closesAt',
      message: `Die Anmeldung muss spätestens zum Beginn der Veranstaltung (${germanShortDateTime(plan.startsAt)}) schließen.`,
    });
  }
  return problems;
}

/**
 * Who may register: "target-group" needs a target group; a target group without that audience
 * would be ignored, so it is refused rather than kept silently (a Kommunalzirkel has its own rule).
 */
export function audienceProblems(plan: Pick<EventPlan, 'audience' | 'targetGroup'>): FieldError[] {
  if (plan.audience === 'target-group' && !plan.targetGroup) {
    return [
      {
        field: 'targetGroup',
        message: 'Für die Zielgruppe (audience target-group) sind die Länder der Zielgruppe anzugeben.',
      },
    ];
  }
  if (plan.audience !== 'target-group' && plan.targetGroup) {
    return [
      {
        field: 'targetGroup',
        message:
          'Eine Zielgruppe gilt nur mit audience target-group; entfernen Sie sie oder ändern Sie audience.',
      },
    ];
  }
  return [];
}

/** Rules every kind shares. */
export function sharedProblems(plan: EventPlan): FieldError[] {
  return [...scheduleProblems(plan), ...registrationProblems(plan), ...audienceProblems(plan)];
}
