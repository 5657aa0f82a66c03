import { demoCircle } from './demo-events';

const weekdayOf = (wallTime: string): string =>
  new Intl.DateTimeFormat('de-DE', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${wallTime.slice(0, 10)}T12:00:00Z`),
  );

describe(demoCircle.name, () => {
  // 6 December 2026 is a Sunday: the demo loaded on each day of one week.
  const week = [6, 7, 8, 9, 10, 11, 12].map((day) => new Date(Date.UTC(2026, 11, day, 9)));

  it.each(week)('puts every dated module on a working day (loaded on %s)', (today) => {
    const sut = demoCircle(today);

    const dated = sut.modules.filter((module) => module.startsAt);
    expect(dated).toHaveLength(3);
    for (const module of dated) {
      expect(['Samstag', 'Sonntag']).not.toContain(weekdayOf(module.startsAt ?? ''));
      expect(module.endsAt?.slice(0, 10)).toBe(module.startsAt?.slice(0, 10));
    }
  });

  it.each(week)('begins the first module after registration closes (loaded on %s)', (today) => {
    const sut = demoCircle(today);

    expect((sut.modules[0].startsAt ?? '') > sut.registration.closesAt).toBe(true);
  });
});
