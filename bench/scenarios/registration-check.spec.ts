import { checkRegistrations, ListedRegistration } from './registration-check';

function listOf(confirmed: number, waitingPlaces: readonly number[]): ListedRegistration[] {
  return [
    ...Array.from({ length: confirmed }, (_, index) => ({
      registrationId: `r-c${index}`,
      memberId: `m-c${index}`,
      status: 'confirmed',
    })),
    ...waitingPlaces.map((waitingPlace, index) => ({
      registrationId: `r-w${index}`,
      memberId: `m-w${index}`,
      status: 'waiting',
      waitingPlace,
    })),
  ];
}

const membersOf = (list: readonly ListedRegistration[]) => list.map((registration) => registration.memberId!);

describe(checkRegistrations.name, () => {
  it('accepts seats all given and waiting places 1..n in any order', () => {
    const list = listOf(3, [2, 1, 3]);

    const sut = checkRegistrations(list, { seats: 3, answeredMembers: membersOf(list) });

    expect(sut).toEqual({
      confirmed: 3,
      waiting: 3,
      duplicates: 0,
      waitingPlacesGapless: true,
      problems: [],
    });
  });

  it('names a seat given too often', () => {
    const list = listOf(4, [1]);

    expect(checkRegistrations(list, { seats: 3, answeredMembers: [] }).problems).toEqual([
      '4 confirmed, expected 3',
    ]);
  });

  it('expects every registration confirmed when fewer registered than there are seats', () => {
    const list = listOf(2, []);

    expect(checkRegistrations(list, { seats: 5, answeredMembers: [] }).problems).toEqual([]);
  });

  it('finds a gap and a place given twice', () => {
    const sut = checkRegistrations(listOf(1, [1, 3, 3]), { seats: 1, answeredMembers: [] });

    expect(sut.waitingPlacesGapless).toBe(false);
    expect(sut.problems).toEqual(['waiting places are not 1..3 each once: #2=3']);
  });

  it('counts a member registered twice and a registration listed twice', () => {
    const list = listOf(1, [1]);
    const twice = [...list, { ...list[1], registrationId: 'r-other', waitingPlace: 2 }, list[0]];

    const sut = checkRegistrations(twice, { seats: 1, answeredMembers: [] });

    expect(sut.duplicates).toBe(3);
    expect(sut.problems).toContain('3 duplicate registrations');
  });

  it('names members who were answered but are missing from the list', () => {
    const list = listOf(1, []);

    expect(checkRegistrations(list, { seats: 1, answeredMembers: ['m-c0', 'm-gone'] }).problems).toEqual([
      '1 members who were answered with a registration are not on the list',
    ]);
  });

  it('leaves cancelled registrations out of the count', () => {
    const list = [...listOf(1, [1]), { registrationId: 'r-x', memberId: 'm-x', status: 'cancelled' }];

    expect(checkRegistrations(list, { seats: 1, answeredMembers: [] })).toMatchObject({
      confirmed: 1,
      waiting: 1,
      problems: [],
    });
  });
});
