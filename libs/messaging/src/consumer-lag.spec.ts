import { lagOf } from './consumer-lag';

describe('lagOf', () => {
  const ends = new Map([
    [
      'ic.registrations.v1',
      new Map([
        [0, 120],
        [1, 40],
        [2, 7],
      ]),
    ],
  ]);

  it('is the end offset minus the committed offset, per partition', () => {
    const lags = lagOf('notifications.events', ends, [
      {
        topic: 'ic.registrations.v1',
        partitions: [
          { partition: 0, offset: '100' },
          { partition: 1, offset: '40' },
        ],
      },
    ]);

    expect(lags).toEqual([
      { group: 'notifications.events', topic: 'ic.registrations.v1', partition: 0, lag: 20 },
      { group: 'notifications.events', topic: 'ic.registrations.v1', partition: 1, lag: 0 },
    ]);
  });

  it('has no figure for a partition where the group has committed nothing yet', () => {
    const lags = lagOf('gateway.replies.a', ends, [
      { topic: 'ic.registrations.v1', partitions: [{ partition: 2, offset: '-1' }] },
    ]);

    expect(lags).toEqual([]);
  });

  it('has no figure for a partition whose end it does not know', () => {
    const lags = lagOf('analytics.events', ends, [
      { topic: 'ic.events.v1', partitions: [{ partition: 0, offset: '3' }] },
    ]);

    expect(lags).toEqual([]);
  });
});
