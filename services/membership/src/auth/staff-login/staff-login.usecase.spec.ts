import { AccessTokenReply } from '@ic/contracts';
import { TooManyRequestsError, UnauthenticatedError } from '@ic/platform';
import { mock } from 'jest-mock-extended';
import { AccessTokensService } from '../access-tokens.service';
import { FailedSignInsRepository } from '../failed-sign-ins.repository';
import { FailedSignIn } from '../failed-sign-ins.rules';
import { SessionsRepository } from '../sessions.repository';
import { StaffAccount, StaffAccountsRepository } from '../staff-accounts.repository';
import { FailedLoginStreak } from './staff-login.rules';
import { StaffLoginMessages, StaffLoginUseCase } from './staff-login.usecase';
import { OperationsStaff } from '../operations-staff';
import { StaffPasswords } from '../staff-passwords';

const start = new Date('2026-11-21T10:00:00.000Z');
const staffEmail = 'leitung@innovators-club.example';
const right = { email: staffEmail, password: 'richtiges-passwort' };
const wrong = { email: staffEmail, password: 'falsch' };
const token: AccessTokenReply = {
  accessToken: 'jwt',
  tokenType: 'Bearer',
  expiresAt: '2026-11-21T10:15:00.000Z',
  role: 'staff',
  subject: 'staff-1',
};

/** These specs check many passwords: the lowest cost the service accepts (12), not the production 17. */
const passwords = new StaffPasswords(12);
const storedHash = passwords.hash('richtiges-passwort');

/** The use case with the real rules on stubbed repositories; the streaks live in a map, the clock is moved by hand. */
function newTestUseCase(operations: readonly string[] = []) {
  const accounts = mock<StaffAccountsRepository>();
  accounts.findByEmail.mockImplementation(async (email): Promise<StaffAccount | null> =>
    email === staffEmail
      ? { email, subject: 'staff-1', name: 'Leitung', passwordHash: await storedHash, createdAt: start }
      : null,
  );
  const streaks = new Map<string, FailedLoginStreak>();
  const sessions = mock<SessionsRepository>();
  sessions.failedLoginStreakOf.mockImplementation((email) => Promise.resolve(streaks.get(email) ?? null));
  sessions.recordFailedLogin.mockImplementation((email, at) => {
    const streak = { failures: (streaks.get(email)?.failures ?? 0) + 1, lastFailureAt: at };
    streaks.set(email, streak);
    return Promise.resolve(streak);
  });
  sessions.clearFailedLogins.mockImplementation((email) => {
    streaks.delete(email);
    return Promise.resolve();
  });
  const journal = mock<FailedSignInsRepository>();
  const journalled: { failure: FailedSignIn; keepSince: Date }[] = [];
  journal.record.mockImplementation((failure, keepSince) => {
    journalled.push({ failure, keepSince });
    return Promise.resolve();
  });
  const tokens = mock<AccessTokensService>();
  const issue = tokens.issue.mockResolvedValue(token);
  let now = start;
  const clock = { now: () => now };
  const sut = new StaffLoginUseCase(
    accounts,
    sessions,
    journal,
    tokens,
    clock,
    new OperationsStaff(operations),
    passwords,
  );
  return {
    sut,
    streaks,
    journalled,
    issue,
    advance: (seconds: number) => {
      now = new Date(now.getTime() + seconds * 1000);
    },
  };
}

/** The 429 of an attempt made too early, or a failure of the spec when there is none. */
async function refusal(attempt: Promise<unknown>): Promise<TooManyRequestsError> {
  const outcome = await attempt.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof TooManyRequestsError)) throw new Error(`expected a 429, got ${String(outcome)}`);
  return outcome;
}

describe(StaffLoginUseCase.name, () => {
  describe('execute', () => {
    it('signs in with the right password', async () => {
      const { sut, issue } = newTestUseCase();
      await expect(sut.execute(right)).resolves.toBe(token);
      expect(issue).toHaveBeenCalledWith('staff-1', 'staff', false);
    });

    it('signs in with the operations role as well when STAFF_OPERATIONS lists the address', async () => {
      const { sut, issue } = newTestUseCase([staffEmail]);
      await expect(sut.execute(right)).resolves.toBe(token);
      expect(issue).toHaveBeenCalledWith('staff-1', 'staff', true);
    });

    it('gives the same answer for a wrong password and an unknown address, and counts both', async () => {
      const { sut, streaks } = newTestUseCase();
      const refused = new UnauthenticatedError(StaffLoginMessages.wrongCredentials);
      await expect(sut.execute(wrong)).rejects.toThrow(refused);
      await expect(sut.execute({ ...wrong, email: 'niemand@innovators-club.example' })).rejects.toThrow(
        refused,
      );
      expect([...streaks.keys()]).toEqual([staffEmail, 'niemand@innovators-club.example']);
    });

    it('writes each failure into the journal for the office (time, address, office account or not) and keeps it 30 days', async () => {
      const { sut, journalled, advance } = newTestUseCase();
      await expect(sut.execute(wrong)).rejects.toThrow(UnauthenticatedError);
      advance(5);
      await expect(sut.execute({ ...wrong, email: 'niemand@innovators-club.example' })).rejects.toThrow(
        UnauthenticatedError,
      );
      advance(5);
      await expect(sut.execute(right)).resolves.toBe(token);
      expect(journalled).toEqual([
        {
          failure: { email: staffEmail, officeAccount: true, at: start },
          keepSince: new Date('2026-10-22T10:00:00.000Z'),
        },
        {
          failure: {
            email: 'niemand@innovators-club.example',
            officeAccount: false,
            at: new Date('2026-11-21T10:00:05.000Z'),
          },
          keepSince: new Date('2026-10-22T10:00:05.000Z'),
        },
      ]);
    });

    it('does not journal an attempt refused during the wait: it was not checked', async () => {
      const { sut, journalled } = newTestUseCase();
      await expect(sut.execute(wrong)).rejects.toThrow(UnauthenticatedError);
      await expect(sut.execute(wrong)).rejects.toThrow(UnauthenticatedError);
      await refusal(sut.execute(wrong));
      expect(journalled).toHaveLength(2);
    });

    it('makes each further failure in a row wait longer (1 s, 2 s, 4 s … at most 60 s), never locking the right password out', async () => {
      const { sut, advance } = newTestUseCase();
      await expect(sut.execute(wrong)).rejects.toThrow(UnauthenticatedError);
      const waits: number[] = [];
      for (let failure = 2; failure <= 11; failure++) {
        await expect(sut.execute(wrong)).rejects.toThrow(UnauthenticatedError);
        const early = await refusal(sut.execute(right));
        waits.push(early.retryAfterSeconds);
        advance(early.retryAfterSeconds);
      }
      expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
      await expect(sut.execute(right)).resolves.toBe(token);
    });

    it('refuses an attempt during the wait without checking it or counting it, and says in German how long', async () => {
      const { sut, streaks, advance, issue } = newTestUseCase();
      for (const seconds of [0, 0, 1, 2]) {
        advance(seconds);
        await expect(sut.execute(wrong)).rejects.toThrow(UnauthenticatedError);
      }
      advance(1);
      const early = await refusal(sut.execute(right));
      expect(early).toMatchObject({
        retryAfterSeconds: 3,
        detail:
          'Wegen fehlgeschlagener Anmeldeversuche ist die nächste Anmeldung mit dieser E-Mail-Adresse erst in 3 Sekunden möglich. Bitte versuchen Sie es dann erneut.',
      });
      expect(streaks.get(staffEmail)?.failures).toBe(4);
      expect(issue).not.toHaveBeenCalled();
    });

    it('starts anew after a sign-in that succeeds', async () => {
      const { sut, streaks, advance } = newTestUseCase();
      for (const seconds of [0, 0, 1, 2]) {
        advance(seconds);
        await expect(sut.execute(wrong)).rejects.toThrow(UnauthenticatedError);
      }
      advance(4);
      await expect(sut.execute(right)).resolves.toBe(token);
      expect(streaks.size).toBe(0);
      await expect(sut.execute(wrong)).rejects.toThrow(UnauthenticatedError);
      await expect(sut.execute(wrong)).rejects.toThrow(UnauthenticatedError);
      expect((await refusal(sut.execute(right))).retryAfterSeconds).toBe(1);
    });
  });
});
