import { daysBefore, failuresPerAddress } from './failed-sign-ins.rules';

describe(failuresPerAddress.name, () => {
  const now = new Date('2026-11-21T10:00:00.000Z');
  const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  const office = 'leitung@innovators-club.example';
  const stranger = 'raten@example.org';

  it('counts the failures per address, newest address first, with the last failure of each', () => {
    const failures = [
      { email: office, officeAccount: true, at: secondsAgo(600) },
      { email: stranger, officeAccount: false, at: secondsAgo(300) },
      { email: office, officeAccount: true, at: secondsAgo(120) },
      { email: office, officeAccount: true, at: secondsAgo(900) },
    ];
    expect(failuresPerAddress(failures, new Map(), now)).toEqual([
      {
        email: office,
        officeAccount: true,
        failures: 3,
        lastFailureAt: '2026-11-21T09:58:00.000Z',
        nextAttemptAt: null,
      },
      {
        email: stranger,
        officeAccount: false,
        failures: 1,
        lastFailureAt: '2026-11-21T09:55:00.000Z',
        nextAttemptAt: null,
      },
    ]);
  });

  it('says until when an address must wait while its slowdown lasts, and nothing once it is over', () => {
    const failures = [
      { email: office, officeAccount: true, at: secondsAgo(10) },
      { email: stranger, officeAccount: false, at: secondsAgo(10) },
    ];
    // Eight failures in a row: a wait of 60 s from the last; four: 4 s, over by now.
    const streaks = new Map([
      [office, { failures: 8, lastFailureAt: secondsAgo(10) }],
      [stranger, { failures: 4, lastFailureAt: secondsAgo(10) }],
    ]);
    expect(failuresPerAddress(failures, streaks, now)).toEqual([
      expect.objectContaining({ email: office, nextAttemptAt: '2026-11-21T10:00:50.000Z' }),
      expect.objectContaining({ email: stranger, nextAttemptAt: null }),
    ]);
  });

  it('shows whether the address was an office account at its last failure', () => {
    const failures = [
      { email: stranger, officeAccount: true, at: secondsAgo(5) },
      { email: stranger, officeAccount: false, at: secondsAgo(50) },
    ];
    expect(failuresPerAddress(failures, new Map(), now)).toEqual([
      expect.objectContaining({ email: stranger, officeAccount: true, failures: 2 }),
    ]);
  });

  it('has nothing to show without failures', () => {
    expect(failuresPerAddress([], new Map(), now)).toEqual([]);
  });
});

describe(daysBefore.name, () => {
  it('counts whole days back', () => {
    expect(daysBefore(new Date('2026-11-21T10:00:00.000Z'), 7)).toEqual(new Date('2026-11-14T10:00:00.000Z'));
  });
});
