import { encodeCursor, RuleViolationError } from '@ic/platform';
import { buildEventListQuery } from './event-list.query';

const now = new Date('2027-03-10T12:00:00Z');

describe(buildEventListQuery.name, () => {
  it('lists upcoming events soonest first by default, 20 a page, published only for the public', () => {
    expect(buildEventListQuery({}, 'public', now)).toEqual({
      filter: {
        $and: [{ status: { $ne: 'draft' } }, { $or: [{ endsAt: { $gte: now } }, { openEnded: true }] }],
      },
      order: 1,
      limit: 20,
      cursorList: 'events-upcoming',
    });
  });

  it('shows the office its drafts too', () => {
    expect(buildEventListQuery({}, 'staff', now).filter).toEqual({
      $and: [{ $or: [{ endsAt: { $gte: now } }, { openEnded: true }] }],
    });
  });

  it('lists past events latest first, without a series that still has an undated module', () => {
    const plan = buildEventListQuery({ when: 'past', limit: 5 }, 'staff', now);
    expect(plan).toMatchObject({ order: -1, limit: 5, cursorList: 'events-past' });
    expect(plan.filter).toEqual({ $and: [{ endsAt: { $lt: now } }, { openEnded: false }] });
  });

  it('filters by kind, theme, Land and status', () => {
    const plan = buildEventListQuery(
      { kind: 'kommunalzirkel', theme: 'Klimaschutz', federalState: 'BY', status: 'registration-open' },
      'public',
      now,
    );
    expect(plan.filter.$and).toEqual(
      expect.arrayContaining([
        { kind: 'kommunalzirkel' },
        { themes: 'Klimaschutz' },
        { federalStates: 'BY' },
        { status: 'registration-open' },
      ]),
    );
  });

  it('takes from and to as Berlin days: events that take place on any day of the range', () => {
    const plan = buildEventListQuery({ from: '2027-03-28', to: '2027-03-28' }, 'staff', now);
    expect(plan.filter.$and).toEqual(
      expect.arrayContaining([
        { $or: [{ endsAt: { $gt: new Date('2027-03-27T23:00:00Z') } }, { openEnded: true }] },
        // The day of the change to summer time has 23 hours: the next day starts at 22:00 UTC.
        { startsAt: { $lt: new Date('2027-03-28T22:00:00Z') } },
      ]),
    );
  });

  it('refuses a range that ends before it starts (422: each day exists, the two do not fit)', () => {
    expect(() => buildEventListQuery({ from: '2027-04-01', to: '2027-03-31' }, 'staff', now)).toThrow(
      RuleViolationError,
    );
  });

  it('takes the last day a time may have as the end of the range', () => {
    expect(buildEventListQuery({ to: '2100-12-31' }, 'staff', now).filter.$and).toContainEqual({
      startsAt: { $lt: new Date('2101-01-01T00:00:00+01:00') },
    });
  });

  it('continues after the cursor in the list order, and refuses a cursor of the other list', () => {
    const key = '2027-04-15T15:00:00.000Z|8d1c0f3e-4b7a-4c2e-9f51-3a6b2c1d0e97';
    expect(
      buildEventListQuery({ cursor: encodeCursor('events-upcoming', key) }, 'staff', now).filter.$and,
    ).toContainEqual({
      sortKey: { $gt: key },
    });
    expect(
      buildEventListQuery({ when: 'past', cursor: encodeCursor('events-past', key) }, 'staff', now).filter
        .$and,
    ).toContainEqual({ sortKey: { $lt: key } });
    expect(() =>
      buildEventListQuery({ when: 'past', cursor: encodeCursor('events-upcoming', key) }, 'staff', now),
    ).toThrow(RuleViolationError);
  });
});
