import { ConflictError } from '@ic/platform';
import { InvitationOutcome } from './invitation';
import { InvitationOutcomesService } from './invitation-outcomes.service';
import { answerProblem } from './invitation.rules';
import { InvitationsRepository } from './invitations.repository';
import { mock } from 'jest-mock-extended';
import { newInvitation } from '../testing/invitation-factories';

const now = new Date('2026-11-21T10:00:00.000Z');

const invitation = newInvitation({ id: 'inv-1' });

function setup(existing: InvitationOutcome | null = null) {
  let stored = existing;
  const repository = mock<InvitationsRepository>({
    outcomeOf: () => Promise.resolve(stored),
    recordOutcome: (invitationId: string, outcome: InvitationOutcome['outcome'], at: Date) => {
      if (stored) return Promise.resolve(false);
      stored = { invitationId, outcome, at };
      return Promise.resolve(true);
    },
  });
  const sut = new InvitationOutcomesService(repository, {
    now: () => now,
  });
  const options = (effectsComplete: boolean) => ({
    problemOf: (outcome: InvitationOutcome | null) => answerProblem(invitation, outcome, now),
    effectsComplete: () => Promise.resolve(effectsComplete),
  });
  return { sut, options };
}

describe(InvitationOutcomesService.name, () => {
  describe('settle', () => {
    it('records the first answer and hands it to the caller', async () => {
      const { sut, options } = setup();
      await expect(sut.settle(invitation, 'accepted', options(false))).resolves.toEqual({
        invitationId: 'inv-1',
        outcome: 'accepted',
        at: now,
      });
    });

    it('refuses a second answer while the first one is fresh, whatever it was', async () => {
      const { sut, options } = setup({ invitationId: 'inv-1', outcome: 'accepted', at: now });
      await expect(sut.settle(invitation, 'accepted', options(false))).rejects.toThrow(ConflictError);
      await expect(sut.settle(invitation, 'declined', options(false))).rejects.toThrow(ConflictError);
    });

    it('hands an old answer whose effects are missing (its process crashed) to a request with the same answer', async () => {
      const crashed: InvitationOutcome = {
        invitationId: 'inv-1',
        outcome: 'accepted',
        at: new Date('2026-11-21T09:00:00.000Z'),
      };
      const { sut, options } = setup(crashed);
      await expect(sut.settle(invitation, 'accepted', options(false))).resolves.toEqual(crashed);
      await expect(sut.settle(invitation, 'accepted', options(true))).rejects.toThrow(ConflictError);
      await expect(sut.settle(invitation, 'declined', options(false))).rejects.toThrow(ConflictError);
    });
  });
});
