import { registrationEntry } from '../testing/analytics-factories';
import { eventFiguresOf } from './event-figures';

describe(eventFiguresOf.name, () => {
  const registrations = [
    registrationEntry({ status: 'confirmed', attendedPeople: 1 }),
    registrationEntry({ status: 'confirmed', attendedPeople: 3, people: 3 }),
    registrationEntry({ status: 'confirmed' }),
    registrationEntry({ status: 'confirmed', waitlisted: true, promoted: true }),
    registrationEntry({ status: 'waiting', waitlisted: true }),
    registrationEntry({ status: 'waiting', waitlisted: true }),
    registrationEntry({ status: 'cancelled', waitlisted: true, promoted: true }),
    registrationEntry({ status: 'cancelled' }),
  ];

  it('counts each registration by its state and by what happened to it', () => {
    expect(eventFiguresOf(registrations, { held: true, capacity: 5 })).toEqual({
      registered: 8,
      confirmed: 4,
      waiting: 2,
      cancelled: 2,
      waitlisted: 4,
      promoted: 2,
      attended: 2,
      attendedPeople: 4,
      noShows: 2,
      fillRate: 0.8,
      waitingListConversion: 0.5,
    });
  });

  it('has no no-shows before the event is held', () => {
    expect(eventFiguresOf(registrations, { held: false, capacity: 5 }).noShows).toBeNull();
  });

  it('has no fill rate without a capacity and no conversion without a waiting list', () => {
    const figures = eventFiguresOf([registrationEntry()], { held: false, capacity: 0 });
    expect(figures.fillRate).toBeNull();
    expect(figures.waitingListConversion).toBeNull();
    expect(eventFiguresOf([], { held: false, capacity: null }).fillRate).toBeNull();
  });

  it('gives a full event a fill rate of 1 and a waiting list that all moved up a conversion of 1', () => {
    const full = [
      registrationEntry({ waitlisted: true, promoted: true }),
      registrationEntry({ waitlisted: true, promoted: true }),
    ];
    expect(eventFiguresOf(full, { held: false, capacity: 2 })).toMatchObject({
      fillRate: 1,
      waitingListConversion: 1,
    });
  });
});
