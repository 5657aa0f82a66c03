import { NotFoundError, UnsubscribeTokens } from '@ic/platform';
import { Member } from '../member';
import { UnsubscribeAnnouncementsUseCase } from './unsubscribe-announcements.usecase';
import { EXAMPLE_MEMBER_ID, newMember } from '../../testing/member-factories';
import { InMemoryMembers } from '../../testing/in-memory-members';

const tokens = UnsubscribeTokens.fromLinkTokenSecret(Buffer.alloc(32, 7).toString('base64'));
const memberId = EXAMPLE_MEMBER_ID;

function newTestUseCase(found: Member | null) {
  const members = new InMemoryMembers(found);
  const sut = new UnsubscribeAnnouncementsUseCase(members.repository(), tokens);
  return { sut, writes: members.writes };
}

describe(UnsubscribeAnnouncementsUseCase.name, () => {
  describe('execute', () => {
    it('switches the announcements off and publishes AnnouncementPreferenceChanged, by no one signed in', async () => {
      const { sut, writes } = newTestUseCase(newMember());

      await expect(sut.execute(tokens.issue(memberId), 'corr-1')).resolves.toEqual({ unsubscribed: true });

      expect(writes).toHaveLength(1);
      expect(writes[0].next.announcementsOptOut).toBe(true);
      expect(writes[0].events).toEqual([
        expect.objectContaining({
          type: 'de.dstgb.ic.membership.AnnouncementPreferenceChanged.v1',
          subject: memberId,
          correlationId: 'corr-1',
          data: { memberId, announcementsOptOut: true, via: 'unsubscribe-link' },
        }),
      ]);
    });

    it.each([
      ['a member who unsubscribed already', newMember({ announcementsOptOut: true })],
      ['a member who has left', newMember({ status: 'inactive' })],
      ['a member whose record is gone', null],
    ])('answers %s the same, and changes nothing', async (_case, found) => {
      const { sut, writes } = newTestUseCase(found);

      await expect(sut.execute(tokens.issue(memberId))).resolves.toEqual({ unsubscribed: true });

      expect(writes).toHaveLength(0);
    });

    it('refuses a token it did not issue (404)', async () => {
      const { sut, writes } = newTestUseCase(newMember());
      const forged = `${memberId}.${'A'.repeat(43)}`;

      await expect(sut.execute(forged)).rejects.toThrow(NotFoundError);

      expect(writes).toHaveLength(0);
    });
  });
});
