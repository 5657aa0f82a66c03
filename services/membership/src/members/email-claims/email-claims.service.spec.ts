import { exampleProfile } from '@ic/contracts';
import { ConflictError } from '@ic/platform';
import { Invitation } from '../../invitations/invitation';
import { InvitationsRepository } from '../../invitations/invitations.repository';
import { Member } from '../member';
import { MembersRepository } from '../members.repository';
import { EmailClaim, EmailClaimsRepository } from './email-claims.repository';
import { EmailClaimMessages, EmailClaimsService } from './email-claims.service';
import { mock } from 'jest-mock-extended';
import { newInvitation } from '../../testing/invitation-factories';
import { newMember } from '../../testing/member-factories';

const now = new Date('2026-11-21T10:00:00.000Z');
const email = 'jonas.beispiel@kalletal.example';

/** Claims in memory, with the generation insert as the only way in, as in the database. */
class FakeClaims {
  readonly stored = new Map<string, EmailClaim>();
  current(address: string): Promise<EmailClaim | null> {
    const claims = [...this.stored.values()].filter((claim) => claim.email === address);
    return Promise.resolve(claims.sort((a, b) => b.generation - a.generation)[0] ?? null);
  }
  insert(claim: EmailClaim): Promise<boolean> {
    const key = `${claim.email}#${claim.generation}`;
    if (this.stored.has(key)) return Promise.resolve(false);
    this.stored.set(key, claim);
    return Promise.resolve(true);
  }
  release(address: string, holderId: string, at: Date): Promise<void> {
    for (const [key, claim] of this.stored) {
      if (claim.email === address && claim.holderId === holderId)
        this.stored.set(key, { ...claim, releasedAt: at });
    }
    return Promise.resolve();
  }
}

function invitation(id: string, overrides: Partial<Invitation> = {}): Invitation {
  return newInvitation({ id, ...overrides });
}

function member(id: string, address = email): Member {
  return newMember({ id, revision: 0, profile: { ...exampleProfile, email: address }, joinedAt: now });
}

function setup(holders: { members?: Member[]; invitations?: Invitation[] } = {}) {
  const claims = new FakeClaims();
  const members = mock<MembersRepository>({
    findById: (id: string) => Promise.resolve(holders.members?.find((m) => m.id === id) ?? null),
  });
  const invitations = mock<InvitationsRepository>({
    findById: (id: string) => Promise.resolve(holders.invitations?.find((i) => i.id === id) ?? null),
  });
  const sut = new EmailClaimsService(
    mock<EmailClaimsRepository>({
      current: (address) => claims.current(address),
      insert: (claim) => claims.insert(claim),
      release: (address, holderId, at) => claims.release(address, holderId, at),
    }),
    members,
    invitations,
    { now: () => now },
  );
  return { sut, claims };
}

describe(EmailClaimsService.name, () => {
  describe('claim', () => {
    it('gives a free address to the first claimant and is idempotent for the same holder', async () => {
      const { sut, claims } = setup({ invitations: [invitation('inv-1')] });
      await sut.claim(email, 'inv-1');
      await sut.claim(email, 'inv-1');
      expect([...claims.stored.values()]).toEqual([
        { email, generation: 1, holderId: 'inv-1', claimedAt: now },
      ]);
    });

    it('refuses an address held by a member', async () => {
      const { sut, claims } = setup({ members: [member('m-1')] });
      await claims.insert({ email, generation: 1, holderId: 'm-1', claimedAt: now });
      await expect(sut.claim(email, 'inv-2')).rejects.toThrow(new ConflictError(EmailClaimMessages.member));
    });

    it('refuses an address held by an open invitation', async () => {
      const { sut, claims } = setup({ invitations: [invitation('inv-1')] });
      await claims.insert({ email, generation: 1, holderId: 'inv-1', claimedAt: now });
      await expect(sut.claim(email, 'inv-2')).rejects.toThrow(
        new ConflictError(EmailClaimMessages.invitation),
      );
    });

    it('takes the next generation from an expired, declined or released holder, or a member who moved on', async () => {
      const cases = [
        setup({ invitations: [invitation('old', { expiresAt: new Date('2026-11-20T10:00:00.000Z') })] }),
        setup({ invitations: [invitation('old', { status: 'declined' })] }),
        setup({ members: [member('old', 'neu@kalletal.example')] }),
      ];
      for (const { sut, claims } of cases) {
        await claims.insert({ email, generation: 1, holderId: 'old', claimedAt: now });
        await sut.claim(email, 'new');
        await expect(claims.current(email)).resolves.toMatchObject({ generation: 2, holderId: 'new' });
      }
      const released = setup({ invitations: [invitation('old')] });
      await released.claims.insert({ email, generation: 1, holderId: 'old', claimedAt: now });
      await released.sut.release(email, 'old');
      await released.sut.claim(email, 'new');
      await expect(released.claims.current(email)).resolves.toMatchObject({ generation: 2, holderId: 'new' });
    });

    it('treats a fresh claim whose holder is still being written as taken, and an old one as abandoned', async () => {
      const fresh = setup();
      await fresh.claims.insert({ email, generation: 1, holderId: 'being-created', claimedAt: now });
      await expect(fresh.sut.claim(email, 'other')).rejects.toThrow(ConflictError);

      const abandoned = setup();
      await abandoned.claims.insert({
        email,
        generation: 1,
        holderId: 'crashed',
        claimedAt: new Date('2026-11-21T09:00:00.000Z'),
      });
      await abandoned.sut.claim(email, 'other');
      await expect(abandoned.claims.current(email)).resolves.toMatchObject({ holderId: 'other' });
    });
  });

  describe('memberHolding', () => {
    it('finds the member who holds the address, inactive ones too', async () => {
      const inactive = { ...member('m-1'), status: 'inactive' as const };
      const { sut, claims } = setup({ members: [inactive] });
      await claims.insert({ email, generation: 1, holderId: 'm-1', claimedAt: now });
      await expect(sut.memberHolding(email)).resolves.toEqual(inactive);
    });

    it('finds nobody for an unclaimed address, an invitation, a released claim or a member who moved on', async () => {
      await expect(setup().sut.memberHolding(email)).resolves.toBeNull();

      const invited = setup({ invitations: [invitation('inv-1')] });
      await invited.claims.insert({ email, generation: 1, holderId: 'inv-1', claimedAt: now });
      await expect(invited.sut.memberHolding(email)).resolves.toBeNull();

      const released = setup({ members: [member('m-1')] });
      await released.claims.insert({ email, generation: 1, holderId: 'm-1', claimedAt: now });
      await released.sut.release(email, 'm-1');
      await expect(released.sut.memberHolding(email)).resolves.toBeNull();

      const movedOn = setup({ members: [member('m-1', 'neu@kalletal.example')] });
      await movedOn.claims.insert({ email, generation: 1, holderId: 'm-1', claimedAt: now });
      await expect(movedOn.sut.memberHolding(email)).resolves.toBeNull();
    });
  });
});
