import { FieldError, RuleViolationError } from '@ic/platform';
import { EventMessages } from '../club-event.messages';

/** Refuses a write with 422 naming every offending field; nothing has been stored at this point. */
export function assertNoRuleViolations(problems: readonly FieldError[]): void {
  if (problems.length === 0) return;
  const fields = [...new Set(problems.map((problem) => problem.field))].join(', ');
  throw new RuleViolationError(EventMessages.rulesViolated(fields), problems);
}

export function isBefore(earlier: Date, later: Date): boolean {
  return earlier.getTime() < later.getTime();
}

/** Two time spans share a moment (touching ends do not count: 10–11 and 11–12 follow each other). */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return isBefore(a.startsAt, b.endsAt) && isBefore(b.startsAt, a.endsAt);
}
