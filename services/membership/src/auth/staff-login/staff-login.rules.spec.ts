import { secondsUntilNextAttempt, waitAfterFailures } from './staff-login.rules';

describe(waitAfterFailures.name, () => {
  it('lets one failure pass, then doubles from one second and stops at a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1000].map(waitAfterFailures)).toEqual([
      0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60,
    ]);
  });
});

describe(secondsUntilNextAttempt.name, () => {
  const lastFailureAt = new Date('2026-11-21T10:00:00.000Z');
  const after = (ms: number) => new Date(lastFailureAt.getTime() + ms);

  it('counts the wait from the last failure, rounded up to whole seconds', () => {
    const streak = { failures: 4, lastFailureAt };
    expect(secondsUntilNextAttempt(streak, after(0))).toBe(4);
    expect(secondsUntilNextAttempt(streak, after(3001))).toBe(1);
    expect(secondsUntilNextAttempt(streak, after(4000))).toBe(0);
    expect(secondsUntilNextAttempt(streak, after(3_600_000))).toBe(0);
  });

  it('lets an address without failures try at once', () => {
    expect(secondsUntilNextAttempt(null, lastFailureAt)).toBe(0);
  });
});
