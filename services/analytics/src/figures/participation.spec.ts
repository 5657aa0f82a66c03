import { memberRow, registrationEntry } from '../testing/analytics-factories';
import { participantOf, participationOf } from './participation';

const member = memberRow({
  _id: 'pseudonym',
  federalState: 'BY',
  sector: 'Kommune',
  themes: ['Digitalisierung', 'Bildung'],
  sizeClass: 'up-to-5000',
});

describe(participantOf.name, () => {
  it('counts a member with the member dimension’s attributes', () => {
    const entry = registrationEntry({ memberKey: 'pseudonym', federalState: 'NW', sector: 'Politik' });
    expect(participantOf(entry, member)).toMatchObject({
      federalState: 'BY',
      sector: 'Kommune',
      themes: ['Digitalisierung', 'Bildung'],
      sizeClass: 'up-to-5000',
    });
  });

  it('counts a municipality, a guest or an unlinked member with what the registration carried', () => {
    const entry = registrationEntry({
      registrantKind: 'municipality',
      federalState: 'BY',
      sector: 'Kommune',
      sizeClass: '5001-20000',
    });
    expect(participantOf(entry, undefined)).toEqual({
      federalState: 'BY',
      sector: 'Kommune',
      sizeClass: '5001-20000',
      themes: [],
      confirmed: true,
      attended: false,
    });
  });
});

describe(participationOf.name, () => {
  const participants = [
    participantOf(registrationEntry({ memberKey: 'pseudonym', attendedPeople: 1 }), member),
    participantOf(
      registrationEntry({ status: 'waiting', federalState: 'BY', sector: 'Wirtschaft' }),
      undefined,
    ),
    participantOf(registrationEntry({ registrantKind: 'guest', status: 'cancelled' }), undefined),
  ];
  const sut = participationOf(participants);

  it('lists every value of each dimension and a row for those without one', () => {
    expect(sut.byFederalState).toHaveLength(17);
    expect(sut.bySector.map((row) => row.value)).toEqual([
      'Kommune',
      'Politik',
      'Wirtschaft',
      'Wissenschaft',
      'Zivilgesellschaft',
      null,
    ]);
    expect(sut.bySizeClass.map((row) => row.label)).toEqual([
      'bis 5.000 Einwohner',
      '5.001 bis 20.000 Einwohner',
      '20.001 bis 100.000 Einwohner',
      'über 100.000 Einwohner',
      'ohne Angabe',
    ]);
  });

  it('counts registered, confirmed and attended per value', () => {
    expect(sut).toMatchObject({ registered: 3, confirmed: 1, attended: 1 });
    expect(sut.byFederalState.find((row) => row.value === 'BY')).toEqual({
      value: 'BY',
      label: 'Bayern',
      registered: 2,
      confirmed: 1,
      attended: 1,
    });
    expect(sut.byFederalState.at(-1)).toMatchObject({ value: null, registered: 1 });
    expect(sut.bySector.find((row) => row.value === 'Wirtschaft')).toMatchObject({
      registered: 1,
      confirmed: 0,
    });
  });

  it('counts a member once in each of their themes', () => {
    const themes = Object.fromEntries(sut.byTheme.map((row) => [row.label, row.registered]));
    expect(themes).toMatchObject({ Digitalisierung: 1, Bildung: 1, Klimaschutz: 0, 'ohne Angabe': 2 });
  });
});
