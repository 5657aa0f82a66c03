import { FieldError } from '@ic/platform';
import { EventPlan } from '../club-event';
import { circleProblems } from './circle.rules';
import { forumProblems } from './forum.rules';
import { loungeProblems } from './lounge.rules';

/** The rules of the plan's kind; every offending field, none stored while any remains. */
export function eventPlanProblems(plan: EventPlan): FieldError[] {
  switch (plan.kind) {
    case 'deutschlandforum':
      return forumProblems(plan);
    case 'innovators-lounge':
      return loungeProblems(plan);
    case 'kommunalzirkel':
      return circleProblems(plan);
  }
}
