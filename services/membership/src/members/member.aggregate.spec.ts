import { Actor } from '@ic/contracts';
import { RecordedFact, RuleViolationError } from '@ic/platform';
import { WorkingGroupMessages } from '../working-groups/working-group.messages';
import { Member } from './member';
import { MemberAggregate } from './member.aggregate';
import { MemberMessages } from './member.messages';
import { EXAMPLE_MEMBER_ID, newMember } from '../testing/member-factories';

const memberId = EXAMPLE_MEMBER_ID;
const erasedAt = new Date('2027-07-01T08:00:00.000Z');
const leftAt = new Date('2027-06-30T09:00:00.000Z');
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
  describe('activate', () => {
    it('starts active, once in each group, with MemberActivated and a MemberJoinedWorkingGroup per group', () => {
      const joinedAt = new Date('2026-11-21T10:00:00.000Z');
      const profile = newMember().profile;

      const sut = MemberAggregate.activate({
        memberId,
        profile,
        joinedAt,
        workingGroups: ['digitales', 'digitales'],
      });

      expect(sut.state).toEqual(newMember({ revision: 0, workingGroups: ['digitales'], joinedAt }));
      expect(sut.takeFacts().map(asRecord)).toEqual([
        {
          type: 'de.dstgb.ic.membership.MemberActivated.v1',
          data: { memberId, invitationId: memberId, joinedAt: joinedAt.toISOString(), profile },
        },
        {
          type: 'de.dstgb.ic.membership.MemberJoinedWorkingGroup.v1',
          data: { memberId, workingGroupId: 'digitales', changedBy: self },
        },
      ]);
    });
  });

  describe('end', () => {
    it('makes the member inactive with date, reason and note, and records MemberDeactivated', () => {
      const sut = MemberAggregate.of(newMember());

      sut.end('ended-by-staff', 'Amtszeit beendet', staff, leftAt);

      expect(sut.state).toEqual(
        newMember({
          status: 'inactive',
          leftAt: leftAt,
          leaveReason: 'ended-by-staff',
          leaveNote: 'Amtszeit beendet',
        }),
      );
      expect(sut.takeFacts().map(asRecord)).toEqual([
        {
          type: 'de.dstgb.ic.membership.MemberDeactivated.v1',
          data: {
            memberId,
            reason: 'ended-by-staff',
            note: 'Amtszeit beendet',
            deactivatedBy: staff,
            leftAt: leftAt.toISOString(),
          },
        },
      ]);
    });

    it('refuses to end a membership twice, in the words of the one who asks', () => {
      const sut = MemberAggregate.of(newMember({ status: 'inactive' }));

      expect(() => sut.end('left', undefined, self, leftAt)).toThrow(
        new RuleViolationError(MemberMessages.ownMembershipEnded),
      );
      expect(() => sut.end('ended-by-staff', undefined, staff, leftAt)).toThrow(
        new RuleViolationError(MemberMessages.alreadyEnded),
      );
      expect(sut.hasChanges).toBe(false);
    });
  });

  describe('updateProfile', () => {
    it('records the changed fields with the whole profile, and the preference apart', () => {
      const sut = MemberAggregate.of(newMember());

      sut.updateProfile({ patch: { position: 'Bürgermeisterin' }, announcementsOptOut: true }, self);

      const profile = { ...newMember().profile, position: 'Bürgermeisterin' };
      expect(sut.state).toEqual(newMember({ profile, announcementsOptOut: true }));
      expect(sut.takeFacts().map(asRecord)).toEqual([
        {
          type: 'de.dstgb.ic.membership.MemberProfileUpdated.v1',
          data: { memberId, changedBy: self, changedFields: ['position'], profile },
        },
        {
          type: 'de.dstgb.ic.membership.AnnouncementPreferenceChanged.v1',
          data: { memberId, announcementsOptOut: true, changedBy: self, via: 'profile' },
        },
      ]);
    });

    it('changes nothing for the same values, and lets only the office edit after the membership ended', () => {
      const member = newMember({ status: 'inactive' });
      const sut = MemberAggregate.of(member);

      sut.updateProfile({ patch: { lastName: member.profile.lastName } }, staff);
      expect(sut.hasChanges).toBe(false);
      expect(() => sut.updateProfile({ patch: { position: 'Landrat' } }, self)).toThrow(
        new RuleViolationError(MemberMessages.ownMembershipEnded),
      );
    });
  });

  describe('joinWorkingGroup', () => {
    it('joins once and refuses a member whose membership has ended', () => {
      const sut = MemberAggregate.of(newMember());
      sut.joinWorkingGroup('digitales', self);
      sut.joinWorkingGroup('digitales', self);

      expect(sut.state.workingGroups).toEqual(['digitales']);
      expect(sut.takeFacts().map(asRecord)).toEqual([
        {
          type: 'de.dstgb.ic.membership.MemberJoinedWorkingGroup.v1',
          data: { memberId, workingGroupId: 'digitales', changedBy: self },
        },
      ]);
      expect(() =>
        MemberAggregate.of(newMember({ status: 'inactive' })).joinWorkingGroup('digitales', staff),
      ).toThrow(new RuleViolationError(WorkingGroupMessages.membershipEnded));
    });
  });

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
