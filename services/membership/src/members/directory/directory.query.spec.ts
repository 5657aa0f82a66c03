import { DirectoryQuery } from '@ic/contracts';
import { encodeCursor, RuleViolationError } from '@ic/platform';
import { buildDirectoryQuery } from './directory.query';

const query = (fields: Partial<DirectoryQuery> = {}): DirectoryQuery =>
  Object.assign(new DirectoryQuery(), fields);

const everyStatusButErased = { $in: ['active', 'inactive'] };

describe(buildDirectoryQuery.name, () => {
  it('shows members active members only and the office every status but erased, 20 to a page', () => {
    expect(buildDirectoryQuery(query(), 'member')).toEqual({ filter: { status: 'active' }, limit: 20 });
    expect(buildDirectoryQuery(query(), 'staff')).toEqual({
      filter: { status: everyStatusButErased },
      limit: 20,
    });
  });

  it('lets the office ask for one status; members see active members whatever they ask for', () => {
    expect(buildDirectoryQuery(query({ status: 'inactive' }), 'staff').filter).toEqual({
      status: 'inactive',
    });
    expect(buildDirectoryQuery(query({ status: 'active' }), 'staff').filter).toEqual({ status: 'active' });
    expect(buildDirectoryQuery(query({ status: 'inactive' }), 'member').filter).toEqual({ status: 'active' });
  });

  it('filters by Land, sector, working group and theme', () => {
    const sut = buildDirectoryQuery(
      query({
        federalState: 'NW',
        sector: 'Kommune',
        workingGroup: 'digitales',
        theme: 'Klimaschutz',
        limit: 50,
      }),
      'member',
    );
    expect(sut).toEqual({
      filter: {
        status: 'active',
        'profile.federalState': 'NW',
        'profile.sector': 'Kommune',
        workingGroups: 'digitales',
        'profile.themes': 'Klimaschutz',
      },
      limit: 50,
    });
  });

  it('searches the folded names and municipality, and the organisation in any case, with the term escaped', () => {
    expect(buildDirectoryQuery(query({ q: 'Müller' }), 'staff').filter).toEqual({
      status: everyStatusButErased,
      $or: [
        { searchText: { $regex: 'mueller' } },
        { 'profile.organisation': { $regex: 'Müller', $options: 'i' } },
      ],
    });
    expect(buildDirectoryQuery(query({ q: '.*|(a+)+$' }), 'staff').filter).toEqual({
      status: everyStatusButErased,
      $or: [
        { searchText: { $regex: '\\.\\*\\|\\(a\\+\\)\\+\\$' } },
        { 'profile.organisation': { $regex: '\\.\\*\\|\\(a\\+\\)\\+\\$', $options: 'i' } },
      ],
    });
  });

  it('finds a member by a part of their organisation in any case, and the term only literally', () => {
    const organisation = (q: string) => {
      const { $or } = buildDirectoryQuery(query({ q }), 'member').filter as {
        $or: { 'profile.organisation'?: { $regex: string; $options: string } }[];
      };
      const { $regex, $options } = $or[1]?.['profile.organisation'] ?? { $regex: '', $options: '' };
      return new RegExp($regex, $options);
    };
    expect(organisation('fraunhofer iao').test('Fraunhofer IAO')).toBe(true);
    expect(organisation('Gemeinde').test('Gemeinde Kalletal')).toBe(true);
    expect(organisation('a.b').test('axb')).toBe(false);
  });

  it('continues after the cursor and refuses a changed one', () => {
    const cursor = encodeCursor('directory', 'mueller\u0001jonas\u0001id-1');
    expect(buildDirectoryQuery(query({ cursor }), 'staff').filter).toEqual({
      status: everyStatusButErased,
      directoryKey: { $gt: 'mueller\u0001jonas\u0001id-1' },
    });
    expect(() => buildDirectoryQuery(query({ cursor: `${cursor}A` }), 'staff')).toThrow(RuleViolationError);
  });
});
