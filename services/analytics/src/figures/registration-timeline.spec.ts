import { registrationTimeline } from './registration-timeline';

const opened = new Date('2027-02-01T08:00:00.000Z');
const at = (iso: string) => new Date(iso);

describe(registrationTimeline.name, () => {
  it('counts registrations per hour since the opening, empty hours included, and sums them up', () => {
    const timeline = registrationTimeline(
      [at('2027-02-01T08:00:00.000Z'), at('2027-02-01T08:59:59.000Z'), at('2027-02-01T10:30:00.000Z')],
      opened,
      'hour',
    );
    expect(
      timeline.steps.map(({ step, registrations, cumulative }) => [step, registrations, cumulative]),
    ).toEqual([
      [0, 2, 2],
      [1, 0, 2],
      [2, 1, 3],
    ]);
    expect(timeline.steps[2]).toMatchObject({
      from: at('2027-02-01T10:00:00.000Z'),
      to: at('2027-02-01T11:00:00.000Z'),
    });
  });

  it('counts days as 24 hours from the opening and keeps registrations before it apart', () => {
    const timeline = registrationTimeline(
      [at('2027-01-31T12:00:00.000Z'), at('2027-02-02T07:59:00.000Z'), at('2027-02-02T08:00:00.000Z')],
      opened,
      'day',
    );
    expect(timeline.registeredBeforeOpening).toBe(1);
    expect(timeline.steps.map(({ registrations, cumulative }) => [registrations, cumulative])).toEqual([
      [1, 2],
      [1, 3],
    ]);
  });

  it('is empty without registrations', () => {
    expect(registrationTimeline([], opened, 'day')).toEqual({ registeredBeforeOpening: 0, steps: [] });
  });
});
