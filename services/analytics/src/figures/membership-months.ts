import { berlinDate, MembershipMonthReply } from '@ic/contracts';
import { RuleViolationError } from '@ic/platform';
import { MemberRow } from '../members/member-row';

/** The Berlin month of an instant, `YYYY-MM`: 23:30 UTC on 31 October is already November there. */
export function berlinMonthOf(instant: Date): string {
  return berlinDate(instant).slice(0, 7);
}

/** The months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  for (let text = from; text <= to;) {
    months.push(text);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    text = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/** At most a century of months in one answer. */
const MAX_MONTHS = 1200;

/**
 * Invitations, acceptances, declines and ended memberships per Berlin month, and the active
 * members at each month's end. Without `to`, up to the current month; without `from`, from the
 * first month anything happened.
 */
export function membershipMonths(
  members: readonly MemberRow[],
  range: { from?: string; to?: string },
  now: Date,
): MembershipMonthReply[] {
  const facts = members.map((member) => ({
    invited: member.invitedAt && berlinMonthOf(member.invitedAt),
    accepted: member.joinedAt && berlinMonthOf(member.joinedAt),
    declined: member.declinedAt && berlinMonthOf(member.declinedAt),
    left: member.leftAt && berlinMonthOf(member.leftAt),
  }));
  const known = facts
    .flatMap((fact) => Object.values(fact).filter((month): month is string => !!month))
    .sort();
  const to = range.to ?? berlinMonthOf(now);
  const from = range.from ?? (known[0] !== undefined && known[0] < to ? known[0] : to);
  if (from > to) {
    const message = `from (${from}) liegt nach to (${to})`;
    throw new RuleViolationError(message, [{ field: 'from', message }]);
  }
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS) {
    const message = `höchstens ${MAX_MONTHS} Monate auf einmal`;
    throw new RuleViolationError(message, [{ field: 'from', message }]);
  }
  return months.map((month) => ({
    month,
    invited: facts.filter((fact) => fact.invited === month).length,
    accepted: facts.filter((fact) => fact.accepted === month).length,
    declined: facts.filter((fact) => fact.declined === month).length,
    left: facts.filter((fact) => fact.left === month).length,
    members: facts.filter(
      (fact) => fact.accepted && fact.accepted <= month && !(fact.left && fact.left <= month),
    ).length,
  }));
}
