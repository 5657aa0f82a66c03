import { ForbiddenError, hashLinkToken, TooManyRequestsError, UnauthenticatedError } from '@ic/platform';
import { createHash } from 'node:crypto';
import { Member } from '../../members/member';
import { MembersRepository } from '../../members/members.repository';
import { EXAMPLE_MEMBER_ID, newMember } from '../../testing/member-factories';
import { mock } from 'jest-mock-extended';
import { AccessTokensService } from '../access-tokens.service';
import { browserSessionIdOf, BrowserSessionLifetimes } from '../browser-session.rules';
import { BrowserSessionsService } from '../browser-sessions.service';
import { FailedSignInsRepository } from '../failed-sign-ins.repository';
import { RedeemSignInLinkUseCase } from '../redeem-sign-in-link/redeem-sign-in-link.usecase';
import { Session } from '../session';
import { SessionsRepository } from '../sessions.repository';
import { SignInLink } from '../sign-in-link.rules';
import { SignInLinksRepository } from '../sign-in-links.repository';
import { SignInLinkMessages } from '../sign-in-link.rules';
import { StaffAccountsRepository } from '../staff-accounts.repository';
import { FailedLoginStreak } from '../staff-login/staff-login.rules';
import { StaffLoginMessages, StaffLoginUseCase } from '../staff-login/staff-login.usecase';
import { StartBrowserSessionUseCase } from './start-browser-session.usecase';
import { OperationsStaff } from '../operations-staff';
import { StaffPasswords } from '../staff-passwords';

const HOUR_MS = 60 * 60 * 1000;
const now = new Date('2026-11-21T10:00:00.000Z');
const clock = { now: () => now };
const linkToken = 'L'.repeat(43);
const sessionSecretHash = createHash('sha256').update('cookie-geheimnis').digest('hex');
const staffEmail = 'leitung@innovators-club.example';

interface Situation {
  readonly link?: SignInLink | null;
  readonly linkUsed?: boolean;
  readonly member?: Member | null;
  readonly failedLogins?: FailedLoginStreak;
  /** STAFF_OPERATIONS */
  readonly operations?: readonly string[];
}

/** The use case with the real link and password rules, on stubbed repositories. */
async function newTestUseCase(situation: Situation = {}) {
  const link = situation.link === undefined ? newLink() : situation.link;
  const links = mock<SignInLinksRepository>();
  links.findByTokenHash.mockResolvedValue(link);
  links.isUsed.mockResolvedValue(situation.linkUsed ?? false);
  const markUsed = links.markUsed.mockResolvedValue(true);
  const members = mock<MembersRepository>();
  members.findById.mockResolvedValue(situation.member === undefined ? newMember() : situation.member);

  const inserted: Session[] = [];
  const sessions = mock<SessionsRepository>();
  sessions.insert.mockImplementation((session) => {
    inserted.push(session);
    return Promise.resolve();
  });
  sessions.failedLoginStreakOf.mockResolvedValue(situation.failedLogins ?? null);
  const failedLogins = sessions.recordFailedLogin.mockResolvedValue({ failures: 1, lastFailureAt: now });
  const accounts = mock<StaffAccountsRepository>();
  const passwords = new StaffPasswords(12);
  const passwordHash = await passwords.hash('richtiges-passwort');
  accounts.findByEmail.mockImplementation((email) =>
    Promise.resolve(
      email === staffEmail
        ? { email, subject: 'staff-1', name: 'Leitung', passwordHash, createdAt: now }
        : null,
    ),
  );
  const journal = mock<FailedSignInsRepository>();
  journal.record.mockResolvedValue();
  const tokens = mock<AccessTokensService>();
  const issue = tokens.issue;

  const sut = new StartBrowserSessionUseCase(
    new RedeemSignInLinkUseCase(links, members, tokens, clock),
    new StaffLoginUseCase(
      accounts,
      sessions,
      journal,
      tokens,
      clock,
      new OperationsStaff(situation.operations ?? []),
      passwords,
    ),
    new BrowserSessionsService(sessions, new BrowserSessionLifetimes(30 * 24 * HOUR_MS, 10 * HOUR_MS), clock),
  );
  return { sut, inserted, markUsed, failedLogins, issue };
}

function newLink(overrides: Partial<SignInLink> = {}): SignInLink {
  return {
    tokenHash: hashLinkToken(linkToken),
    memberId: EXAMPLE_MEMBER_ID,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 15 * 60 * 1000),
    ...overrides,
  };
}

describe(StartBrowserSessionUseCase.name, () => {
  describe('forMember', () => {
    it('uses the sign-in link up and opens a 30-day session under the id of the secret hash', async () => {
      const { sut, inserted, markUsed, issue } = await newTestUseCase();

      await expect(sut.forMember({ token: linkToken, sessionSecretHash })).resolves.toEqual({
        sessionId: browserSessionIdOf(sessionSecretHash),
        subject: EXAMPLE_MEMBER_ID,
        role: 'member',
        expiresAt: '2026-12-21T10:00:00.000Z',
      });
      expect(markUsed).toHaveBeenCalledWith(hashLinkToken(linkToken), now);
      expect(inserted).toEqual([
        {
          id: browserSessionIdOf(sessionSecretHash),
          kind: 'browser',
          subject: EXAMPLE_MEMBER_ID,
          role: 'member',
          createdAt: now,
          expiresAt: new Date('2026-12-21T10:00:00.000Z'),
        },
      ]);
      expect(issue).not.toHaveBeenCalled();
    });

    it.each([
      ['an unknown link', { link: null }, new UnauthenticatedError(SignInLinkMessages.unknown)],
      ['a used link', { linkUsed: true }, new UnauthenticatedError(SignInLinkMessages.used)],
      [
        'an expired link',
        { link: newLink({ expiresAt: now }) },
        new UnauthenticatedError(SignInLinkMessages.expired),
      ],
      [
        'a member whose membership ended',
        { member: newMember({ status: 'inactive' }) },
        new ForbiddenError(SignInLinkMessages.membershipEnded),
      ],
    ])(
      'refuses %s as the access-token redeem does, and opens no session',
      async (_case, situation, error) => {
        const { sut, inserted } = await newTestUseCase(situation);
        await expect(sut.forMember({ token: linkToken, sessionSecretHash })).rejects.toThrow(error);
        expect(inserted).toEqual([]);
      },
    );
  });

  describe('forStaff', () => {
    it('opens a 10-hour session for the right password', async () => {
      const { sut, inserted } = await newTestUseCase();
      await expect(
        sut.forStaff({ email: staffEmail, password: 'richtiges-passwort', sessionSecretHash }),
      ).resolves.toEqual({
        sessionId: browserSessionIdOf(sessionSecretHash),
        subject: 'staff-1',
        role: 'staff',
        expiresAt: '2026-11-21T20:00:00.000Z',
      });
      expect(inserted).toHaveLength(1);
    });

    it('opens it with the operations role as well for an address STAFF_OPERATIONS lists', async () => {
      const { sut, inserted } = await newTestUseCase({ operations: [staffEmail] });
      await expect(
        sut.forStaff({ email: staffEmail, password: 'richtiges-passwort', sessionSecretHash }),
      ).resolves.toMatchObject({ role: 'staff', operations: true });
      expect(inserted).toEqual([expect.objectContaining({ role: 'staff', operations: true })]);
    });

    it('refuses a wrong password, counting it toward the slowdown', async () => {
      const { sut, inserted, failedLogins } = await newTestUseCase();
      await expect(
        sut.forStaff({ email: staffEmail, password: 'falsch', sessionSecretHash }),
      ).rejects.toThrow(new UnauthenticatedError(StaffLoginMessages.wrongCredentials));
      expect(failedLogins).toHaveBeenCalledWith(staffEmail, now);
      expect(inserted).toEqual([]);
    });

    it('refuses even the right password during the wait after failures', async () => {
      const { sut, inserted } = await newTestUseCase({
        failedLogins: { failures: 4, lastFailureAt: new Date(now.getTime() - 1000) },
      });
      await expect(
        sut.forStaff({ email: staffEmail, password: 'richtiges-passwort', sessionSecretHash }),
      ).rejects.toThrow(TooManyRequestsError);
      expect(inserted).toEqual([]);
    });
  });
});
