import { circle, lounge, MODULE_IDS } from '../testing/registration-factories';
import { isRemindable, reminderOccasionsOf } from './reminder-occasions';

describe(reminderOccasionsOf.name, () => {
  it('is the event’s start for a lounge, due the given days before', () => {
    expect(reminderOccasionsOf(lounge(), 7)).toEqual([
      {
        id: `${lounge().eventId}:event`,
        eventId: lounge().eventId,
        startsAt: new Date('2030-10-26T07:30:00Z'),
        dueAt: new Date('2030-10-19T07:30:00Z'),
      },
    ]);
  });

  it('is each dated module of a Kommunalzirkel', () => {
    const sut = reminderOccasionsOf(circle(), 3);

    expect(sut.map((occasion) => [occasion.id, occasion.moduleId, occasion.dueAt.toISOString()])).toEqual([
      [`${circle().eventId}:${MODULE_IDS[0]}`, MODULE_IDS[0], '2030-10-21T08:00:00.000Z'],
      [`${circle().eventId}:${MODULE_IDS[1]}`, MODULE_IDS[1], '2030-11-04T09:00:00.000Z'],
    ]);
  });

  it.each(['draft', 'cancelled', 'held'] as const)('is nothing for a %s event', (status) => {
    expect(isRemindable({ status })).toBe(false);
    expect(reminderOccasionsOf(lounge({ status }), 7)).toEqual([]);
  });

  it('is there for announced events and while registration is open or closed', () => {
    for (const status of ['announced', 'registration-open', 'registration-closed'] as const) {
      expect(reminderOccasionsOf(lounge({ status }), 7)).toHaveLength(1);
    }
  });
});
