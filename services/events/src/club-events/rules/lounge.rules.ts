import { agsProblem } from '@ic/contracts';
import { FieldError } from '@ic/platform';
import { EventPlan } from '../club-event';
import { sharedProblems } from './shared.rules';

/** An Innovators Lounge: the shared rules, and the host's official key belongs to its Land. */
export function loungeProblems(plan: EventPlan): FieldError[] {
  const host = plan.lounge?.host;
  const ags = host?.ags ? agsProblem(host.ags, host.federalState) : undefined;
  return [...sharedProblems(plan), ...(ags ? [{ field: 'host.ags', message: ags }] : [])];
}
