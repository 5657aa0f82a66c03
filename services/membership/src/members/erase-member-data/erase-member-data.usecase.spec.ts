import { Actor, EraseMemberDataRequest } from '@ic/contracts';
import { RequestIdempotency } from '@ic/messaging';
import { ForbiddenError, InvalidInputError, NotFoundError, ServiceUnavailableError } from '@ic/platform';
import { SessionsRepository } from '../../auth/sessions.repository';
import { InvitationsRepository } from '../../invitations/invitations.repository';
import { EmailClaimsService } from '../email-claims/email-claims.service';
import { Member } from '../member';
import { MemberMessages } from '../member.messages';
import { MemberTombstone } from '../members.repository';
import { EraseMemberDataUseCase } from './erase-member-data.usecase';
import { InMemoryMembers } from '../../testing/in-memory-members';
import { EXAMPLE_MEMBER_ID, newMember } from '../../testing/member-factories';
import { mock } from 'jest-mock-extended';

const memberId = EXAMPLE_MEMBER_ID;
const now = new Date('2027-07-01T08:00:00.000Z');
const self: Actor = { subject: memberId, role: 'member' };
const staff: Actor = { subject: 'staff-1', role: 'staff' };
const confirmed: EraseMemberDataRequest = { confirm: true };

function newTestUseCase(found: { member?: Member; tombstone?: MemberTombstone; unpublished?: boolean }) {
  const members = new InMemoryMembers(found.member ?? null, found);
  const erasures = members.writes;
  const forgotten: string[] = [];
  const invitations = mock<InvitationsRepository>({
    allPublished: () => Promise.resolve(true),
    remove: (id: string) => Promise.resolve(void forgotten.push(`invitation ${id}`)),
  });
  const claims = mock<EmailClaimsService>({
    forgetHolder: (id: string) => Promise.resolve(void forgotten.push(`claims ${id}`)),
  });
  const sessions = mock<SessionsRepository>({
    revokeAllOf: (id: string) => Promise.resolve(void forgotten.push(`sessions ${id}`)),
  });
  const storedReplies = mock<RequestIdempotency>({
    forgetRepliesAbout: (id: string) => Promise.resolve(void forgotten.push(`replies ${id}`)),
  });
  const sut = new EraseMemberDataUseCase(members.repository(), invitations, claims, sessions, storedReplies, {
    now: () => now,
  });
  return { sut, erasures, forgotten };
}

describe(EraseMemberDataUseCase.name, () => {
  describe('eraseOwn', () => {
    it('erases the member in one write with the erasure events, then forgets invitation, addresses and sessions', async () => {
      const { sut, erasures, forgotten } = newTestUseCase({
        member: newMember({ workingGroups: ['digitales'] }),
      });

      await expect(sut.eraseOwn(confirmed, self, 'corr-1')).resolves.toEqual({
        memberId,
        erasedAt: now.toISOString(),
        message: MemberMessages.erasureDone,
      });

      expect(erasures).toHaveLength(1);
      expect(erasures[0].events.map((event) => [event.type, event.subject, event.correlationId])).toEqual([
        ['de.dstgb.ic.membership.MemberLeftWorkingGroup.v1', memberId, 'corr-1'],
        ['de.dstgb.ic.membership.MemberDeactivated.v1', memberId, 'corr-1'],
        ['de.dstgb.ic.membership.MemberErased.v1', memberId, 'corr-1'],
      ]);
      expect(forgotten).toEqual([
        `invitation ${memberId}`,
        `claims ${memberId}`,
        `sessions ${memberId}`,
        `replies ${memberId}`,
      ]);
    });

    it('refuses without the explicit confirmation, in German, and changes nothing', async () => {
      const { sut, erasures, forgotten } = newTestUseCase({ member: newMember() });
      // What a client may send; the request's own check refuses it before, this is the second line.
      const unconfirmed: EraseMemberDataRequest = JSON.parse('{ "confirm": false }');

      await expect(sut.eraseOwn(unconfirmed, self)).rejects.toThrow(
        new InvalidInputError(MemberMessages.erasureNotConfirmed),
      );

      expect(erasures).toEqual([]);
      expect(forgotten).toEqual([]);
    });

    it('is for members only', async () => {
      const { sut } = newTestUseCase({ member: newMember() });

      await expect(sut.eraseOwn(confirmed, staff)).rejects.toThrow(ForbiddenError);
    });

    it('waits while the journal still holds unpublished events (503), so that none is lost', async () => {
      const { sut, erasures } = newTestUseCase({ member: newMember(), unpublished: true });

      await expect(sut.eraseOwn(confirmed, self)).rejects.toThrow(
        new ServiceUnavailableError(MemberMessages.erasureBusy),
      );

      expect(erasures).toEqual([]);
    });
  });

  describe('eraseByStaff', () => {
    it('answers an erased member as the first time and finishes the later steps again', async () => {
      const erasedAt = new Date('2027-06-01T10:00:00.000Z');
      const { sut, erasures, forgotten } = newTestUseCase({ tombstone: { id: memberId, erasedAt } });

      await expect(sut.eraseByStaff(memberId, confirmed, staff)).resolves.toEqual({
        memberId,
        erasedAt: erasedAt.toISOString(),
        message: MemberMessages.erasureDone,
      });

      expect(erasures).toEqual([]);
      expect(forgotten).toEqual([
        `invitation ${memberId}`,
        `claims ${memberId}`,
        `sessions ${memberId}`,
        `replies ${memberId}`,
      ]);
    });

    it('refuses an unknown member (404) and members erasing others', async () => {
      const { sut } = newTestUseCase({});

      await expect(sut.eraseByStaff(memberId, confirmed, staff)).rejects.toThrow(
        new NotFoundError(MemberMessages.notFound),
      );
      await expect(sut.eraseByStaff(memberId, confirmed, self)).rejects.toThrow(ForbiddenError);
    });
  });
});
