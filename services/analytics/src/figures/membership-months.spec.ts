import { RuleViolationError } from '@ic/platform';
import { MemberRow } from '../members/member-row';
import { memberRow } from '../testing/analytics-factories';
import { berlinMonthOf, membershipMonths, monthsBetween } from './membership-months';

const member = (overrides: Partial<MemberRow>): MemberRow => memberRow(overrides);

const now = new Date('2027-01-15T12:00:00.000Z');

describe(berlinMonthOf.name, () => {
  it.each([
    ['2026-10-31T22:59:59.000Z', '2026-10'],
    ['2026-10-31T23:00:00.000Z', '2026-11'],
    ['2027-03-31T21:59:59.000Z', '2027-03'],
    ['2027-03-31T22:00:00.000Z', '2027-04'],
    ['2026-12-31T23:30:00.000Z', '2027-01'],
  ])('puts %s (UTC) in the Berlin month %s', (instant, month) => {
    expect(berlinMonthOf(new Date(instant))).toBe(month);
  });
});

describe(monthsBetween.name, () => {
  it('runs across the turn of the year', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe(membershipMonths.name, () => {
  const members = [
    member({
      invitedAt: new Date('2026-10-31T23:30:00.000Z'),
      joinedAt: new Date('2026-11-02T09:00:00.000Z'),
    }),
    member({
      invitedAt: new Date('2026-11-10T09:00:00.000Z'),
      declinedAt: new Date('2026-12-31T23:30:00.000Z'),
    }),
    member({
      invitedAt: new Date('2026-11-11T09:00:00.000Z'),
      joinedAt: new Date('2026-11-12T09:00:00.000Z'),
      leftAt: new Date('2026-12-15T09:00:00.000Z'),
      status: 'inactive',
    }),
  ];

  it('counts each fact in its Berlin month and the active members at each month’s end', () => {
    expect(membershipMonths(members, {}, now)).toEqual([
      { month: '2026-11', invited: 3, accepted: 2, declined: 0, left: 0, members: 2 },
      { month: '2026-12', invited: 0, accepted: 0, declined: 0, left: 1, members: 1 },
      { month: '2027-01', invited: 0, accepted: 0, declined: 1, left: 0, members: 1 },
    ]);
  });

  it('lists the months asked for, also empty ones', () => {
    expect(membershipMonths(members, { from: '2026-09', to: '2026-10' }, now)).toEqual([
      { month: '2026-09', invited: 0, accepted: 0, declined: 0, left: 0, members: 0 },
      { month: '2026-10', invited: 0, accepted: 0, declined: 0, left: 0, members: 0 },
    ]);
  });

  it('ends at the current month unless asked for later ones', () => {
    const later = [...members, member({ invitedAt: new Date('2031-05-05T09:00:00.000Z') })];
    expect(membershipMonths(later, {}, now).at(-1)?.month).toBe('2027-01');
    expect(membershipMonths(later, { from: '2031-05', to: '2031-05' }, now)).toEqual([
      { month: '2031-05', invited: 1, accepted: 0, declined: 0, left: 0, members: 1 },
    ]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => membershipMonths(members, { from: '2027-02', to: '2027-01' }, now)).toThrow(
      RuleViolationError,
    );
  });
});
