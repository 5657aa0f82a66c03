import { Actor } from '@ic/contracts';
import { RecordedFact } from '@ic/platform';
import { Member } from './member';
import { MemberAggregate } from './member.aggregate';
import { EXAMPLE_MEMBER_ID, newMember } from '../testing/member-factories';

const memberId = EXAMPLE_MEMBER_ID;
const erasedAt = new Date('2027-07-01T08:00:00.000Z');
const self: Actor = { subject: memberId, role: 'member' };
const staff: Actor = { subject: 'staff-1', role: 'staff' };
const asRecord = ({ contract, data }: RecordedFact) => ({ type: contract.type, data });

/** The facts erasing the member records, as type and data. */
function erasing(member: Member, by: Actor): { type: string; data: unknown }[] {
  const sut = MemberAggregate.of(member);
  sut.erase(by, erasedAt);
  return sut.takeFacts().map(asRecord);
}

describe(MemberAggregate.name, () => {
  describe('erase', () => {
    it('ends an active membership first (left that day, each group left), then tells of the erasure', () => {
      const facts = erasing(newMember({ workingGroups: ['digitales', 'nachhaltigkeit'] }), self);

      expect(facts).toEqual([
        {
          type: 'de.dstgb.ic.membership.MemberLeftWorkingGroup.v1',
          data: { memberId, workingGroupId: 'digitales', changedBy: self },
        },
        {
          type: 'de.dstgb.ic.membership.MemberLeftWorkingGroup.v1',
          data: { memberId, workingGroupId: 'nachhaltigkeit', changedBy: self },
        },
        {
          type: 'de.dstgb.ic.membership.MemberDeactivated.v1',
          data: { memberId, reason: 'left', deactivatedBy: self, leftAt: '2027-07-01T08:00:00.000Z' },
        },
        {
          type: 'de.dstgb.ic.membership.MemberErased.v1',
          data: { memberId, erasedBy: self, erasedAt: '2027-07-01T08:00:00.000Z', endedMembership: true },
        },
      ]);
    });

    it('counts an erasure by the office as ended by the office', () => {
      const facts = erasing(newMember(), staff);

      expect(facts[0]).toEqual({
        type: 'de.dstgb.ic.membership.MemberDeactivated.v1',
        data: {
          memberId,
          reason: 'ended-by-staff',
          deactivatedBy: staff,
          leftAt: '2027-07-01T08:00:00.000Z',
        },
      });
    });

    it('does not end a membership that had ended before, so nobody leaves twice', () => {
      const facts = erasing(newMember({ status: 'inactive' }), staff);

      expect(facts).toEqual([
        {
          type: 'de.dstgb.ic.membership.MemberErased.v1',
          data: { memberId, erasedBy: staff, erasedAt: '2027-07-01T08:00:00.000Z', endedMembership: false },
        },
      ]);
    });
  });
});
