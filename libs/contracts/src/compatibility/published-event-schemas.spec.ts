import { allEventContracts } from '../events/catalog';
import { compareWithSnapshot, explainBreakingChanges } from './event-schema-snapshot';
import { readEventSchemaSnapshot } from './event-schema-snapshot.file';

describe('the published event schemas (libs/contracts/snapshots/event-schemas.json)', () => {
  const published = readEventSchemaSnapshot();

  it('are all still there, unbroken', () => {
    const comparison = compareWithSnapshot(published, allEventContracts);

    expect(explainBreakingChanges(comparison)).toEqual([]);
  });

  it('are recorded as the contracts publish them: a change, even a compatible one, is recorded on purpose', () => {
    const comparison = compareWithSnapshot(published, allEventContracts);

    // `npm run contracts:snapshot` records new types and compatible growth.
    expect({ added: comparison.added, grown: comparison.grown }).toEqual({ added: [], grown: [] });
  });

  it('hold at least the types of the first release', () => {
    expect(Object.keys(published)).toEqual(
      expect.arrayContaining([
        'de.dstgb.ic.membership.MemberInvited.v1',
        'de.dstgb.ic.events.EventAnnounced.v1',
      ]),
    );
  });
});
