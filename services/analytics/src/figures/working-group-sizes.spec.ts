import { MemberRow } from '../members/member-row';
import { memberRow } from '../testing/analytics-factories';
import { workingGroupSizes } from './working-group-sizes';

const member = (status: MemberRow['status'], workingGroups: string[]): MemberRow =>
  memberRow({ status, workingGroups });

describe(workingGroupSizes.name, () => {
  it('counts the active members of each group, also empty ones', () => {
    const sizes = workingGroupSizes(
      [
        { _id: 'nachhaltigkeit', name: 'Nachhaltigkeit' },
        { _id: 'digitales', name: 'Digitales' },
        { _id: 'bildung', name: 'Bildung' },
      ],
      [
        member('active', ['digitales', 'nachhaltigkeit']),
        member('active', ['digitales']),
        member('inactive', ['digitales']),
        member('invited', ['nachhaltigkeit']),
      ],
    );
    expect(sizes).toEqual([
      { workingGroupId: 'bildung', name: 'Bildung', members: 0 },
      { workingGroupId: 'digitales', name: 'Digitales', members: 2 },
      { workingGroupId: 'nachhaltigkeit', name: 'Nachhaltigkeit', members: 1 },
    ]);
  });
});
