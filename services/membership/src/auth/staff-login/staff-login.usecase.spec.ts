import { AccessTokenReply } from '@ic/contracts';
import { hashPassword, TooManyRequestsError, UnauthenticatedError } from '@ic/platform';
import { AccessTokensService } from '../access-tokens.service';
import { SessionsRepository } from '../sessions.repository';
import { StaffAccount, StaffAccountsRepository } from '../staff-accounts.repository';
import { StaffLoginMessages, StaffLoginUseCase } from './staff-login.usecase';

const now = new Date('2026-11-21T10:00:00.000Z');
const token: AccessTokenReply = {
  accessToken: 'jwt',
  tokenType: 'Bearer',
  expiresAt: '2026-11-21T10:15:00.000Z',
  role: 'staff',
  subject: 'staff-1',
};

async function setup(failuresSoFar = 0) {
  const account: StaffAccount = {
    email: 'leitung@innovators-club.example',
    subject: 'staff-1',
    name: 'Leitung',
    passwordHash: await hashPassword('richtiges-passwort'),
    createdAt: now,
  };
  const failures: string[] = [];
  const accounts = {
    findByEmail: (email: string) => Promise.resolve(email === account.email ? account : null),
  };
  const sessions = {
    countFailedLoginsSince: () => Promise.resolve(failuresSoFar),
    recordFailedLogin: (email: string) => {
      failures.push(email);
      return Promise.resolve();
    },
  };
  const tokens = { issue: jest.fn(() => Promise.resolve(token)) };
  const sut = new StaffLoginUseCase(
    accounts as unknown as StaffAccountsRepository,
    sessions as unknown as SessionsRepository,
    tokens as unknown as AccessTokensService,
    { now: () => now },
  );
  return { sut, failures, tokens };
}

describe(StaffLoginUseCase.name, () => {
  describe('execute', () => {
    it('signs in with the right password', async () => {
      const { sut, tokens } = await setup();
      await expect(
        sut.execute({ email: 'leitung@innovators-club.example', password: 'richtiges-passwort' }),
      ).resolves.toBe(token);
      expect(tokens.issue).toHaveBeenCalledWith('staff-1', 'staff');
    });

    it('gives the same answer for a wrong password and an unknown address, and counts both', async () => {
      const { sut, failures } = await setup();
      const wrong = new UnauthenticatedError(StaffLoginMessages.wrongCredentials);
      await expect(
        sut.execute({ email: 'leitung@innovators-club.example', password: 'falsch' }),
      ).rejects.toThrow(wrong);
      await expect(
        sut.execute({ email: 'niemand@innovators-club.example', password: 'falsch' }),
      ).rejects.toThrow(wrong);
      expect(failures).toEqual(['leitung@innovators-club.example', 'niemand@innovators-club.example']);
    });

    it('refuses even the right password after ten failures in the window', async () => {
      const { sut, tokens } = await setup(10);
      await expect(
        sut.execute({ email: 'leitung@innovators-club.example', password: 'richtiges-passwort' }),
      ).rejects.toThrow(TooManyRequestsError);
      expect(tokens.issue).not.toHaveBeenCalled();
    });
  });
});
