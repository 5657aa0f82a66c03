import { createHash } from 'node:crypto';
import { Member } from '../../members/member';
import { MembersRepository } from '../../members/members.repository';
import { EXAMPLE_MEMBER_ID, newMember } from '../../testing/member-factories';
import { mock } from 'jest-mock-extended';
import { browserSessionIdOf, BrowserSessionLifetimes, newBrowserSession } from '../browser-session.rules';
import { Session } from '../session';
import { SessionsRepository } from '../sessions.repository';
import { SessionsService } from '../sessions.service';
import { ResolveBrowserSessionUseCase } from './resolve-browser-session.usecase';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const signedInAt = new Date('2026-11-21T10:00:00.000Z');
const at = (ms: number) => new Date(signedInAt.getTime() + ms);
const lifetimes = new BrowserSessionLifetimes(30 * DAY_MS, 10 * HOUR_MS);
const secretHash = createHash('sha256').update('das-geheimnis-im-cookie').digest('hex');

/** The use case on sessions kept in a map, with the member the sessions belong to, at a movable time. */
function newTestUseCase(member: Member | null = newMember()) {
  const stored = new Map<string, Session>();
  const clock = { now: () => signedInAt };
  const repository = mock<SessionsRepository>();
  repository.findByIds.mockImplementation((ids) =>
    Promise.resolve(ids.flatMap((id) => stored.get(id) ?? [])),
  );
  const renew = repository.renew.mockImplementation((id, expiresAt, renewedAt) => {
    const session = stored.get(id);
    if (session) stored.set(id, { ...session, expiresAt, renewedAt });
    return Promise.resolve();
  });
  const members = mock<MembersRepository>();
  members.findByIds.mockImplementation((ids) =>
    Promise.resolve(member && ids.includes(member.id) ? [member] : []),
  );
  const sut = new ResolveBrowserSessionUseCase(
    new SessionsService(repository, members, clock),
    repository,
    lifetimes,
    clock,
  );
  return {
    sut,
    renew,
    store: (session: Session) => stored.set(session.id, session),
    stored: (id: string) => stored.get(id),
    setNow: (now: Date) => (clock.now = () => now),
  };
}

const memberSession = () => newBrowserSession(EXAMPLE_MEMBER_ID, 'member', secretHash, signedInAt, lifetimes);

describe(ResolveBrowserSessionUseCase.name, () => {
  describe('execute', () => {
    it('answers who the cookie signs in, without moving the expiry on the first day', async () => {
      const { sut, renew, store, setNow } = newTestUseCase();
      store(memberSession());
      setNow(at(23 * HOUR_MS));

      await expect(sut.execute([secretHash])).resolves.toEqual([
        {
          active: true,
          sessionId: browserSessionIdOf(secretHash),
          subject: EXAMPLE_MEMBER_ID,
          role: 'member',
          expiresAt: at(30 * DAY_MS).toISOString(),
          renewed: false,
        },
      ]);
      expect(renew).not.toHaveBeenCalled();
    });

    it("renews a member's session by 30 days from now once a day, not on every use", async () => {
      const { sut, renew, store, stored, setNow } = newTestUseCase();
      store(memberSession());

      setNow(at(DAY_MS + HOUR_MS));
      await expect(sut.execute([secretHash])).resolves.toMatchObject([
        {
          renewed: true,
          expiresAt: at(31 * DAY_MS + HOUR_MS).toISOString(),
        },
      ]);
      setNow(at(DAY_MS + 5 * HOUR_MS));
      await expect(sut.execute([secretHash])).resolves.toMatchObject([
        {
          renewed: false,
          expiresAt: at(31 * DAY_MS + HOUR_MS).toISOString(),
        },
      ]);
      setNow(at(2 * DAY_MS + 2 * HOUR_MS));
      await expect(sut.execute([secretHash])).resolves.toMatchObject([
        {
          renewed: true,
          expiresAt: at(32 * DAY_MS + 2 * HOUR_MS).toISOString(),
        },
      ]);

      expect(renew).toHaveBeenCalledTimes(2);
      expect(stored(browserSessionIdOf(secretHash))).toMatchObject({
        renewedAt: at(2 * DAY_MS + 2 * HOUR_MS),
        expiresAt: at(32 * DAY_MS + 2 * HOUR_MS),
      });
    });

    it('keeps a member signed in for weeks of daily use, long past the first 30 days', async () => {
      const { sut, store, setNow } = newTestUseCase();
      store(memberSession());
      for (let day = 1; day <= 60; day++) {
        setNow(at(day * DAY_MS + HOUR_MS));
        await expect(sut.execute([secretHash])).resolves.toMatchObject([{ active: true }]);
      }
    });

    it("does not slide the office's session: it ends 10 hours after signing in", async () => {
      const { sut, renew, store, setNow } = newTestUseCase(null);
      store(newBrowserSession('staff-1', 'staff', secretHash, signedInAt, lifetimes));

      setNow(at(9 * HOUR_MS));
      await expect(sut.execute([secretHash])).resolves.toMatchObject([
        {
          active: true,
          role: 'staff',
          subject: 'staff-1',
          expiresAt: at(10 * HOUR_MS).toISOString(),
          renewed: false,
        },
      ]);
      setNow(at(10 * HOUR_MS));
      await expect(sut.execute([secretHash])).resolves.toEqual([{ active: false }]);
      expect(renew).not.toHaveBeenCalled();
    });

    it('is inactive when expired, and using it then does not bring it back', async () => {
      const { sut, renew, store, setNow } = newTestUseCase();
      store(memberSession());
      setNow(at(30 * DAY_MS));
      await expect(sut.execute([secretHash])).resolves.toEqual([{ active: false }]);
      expect(renew).not.toHaveBeenCalled();
    });

    it('is inactive when revoked (logged out with the session id) or unknown', async () => {
      const { sut, store, setNow } = newTestUseCase();
      store({ ...memberSession(), revokedAt: at(HOUR_MS) });
      setNow(at(2 * HOUR_MS));
      await expect(sut.execute([secretHash])).resolves.toEqual([{ active: false }]);
      const otherHash = createHash('sha256').update('ein anderes geheimnis').digest('hex');
      await expect(sut.execute([otherHash])).resolves.toEqual([{ active: false }]);
    });

    it.each([
      ['whose membership ended', newMember({ status: 'inactive', leftAt: signedInAt })],
      ['whose data was erased (read as gone)', null],
    ])('is inactive for a member %s, and renews nothing', async (_case, member) => {
      const { sut, renew, store, setNow } = newTestUseCase(member);
      store(memberSession());
      setNow(at(2 * DAY_MS));
      await expect(sut.execute([secretHash])).resolves.toEqual([{ active: false }]);
      expect(renew).not.toHaveBeenCalled();
    });

    it('does not answer for a session behind access tokens, even under the same id', async () => {
      const { sut, store, setNow } = newTestUseCase();
      store({ ...memberSession(), kind: 'token' });
      setNow(at(HOUR_MS));
      await expect(sut.execute([secretHash])).resolves.toEqual([{ active: false }]);
    });

    it('answers many cookies at once in the order asked, renewing a cookie asked twice once', async () => {
      const { sut, renew, store, setNow } = newTestUseCase();
      const otherHash = createHash('sha256').update('ein anderes geheimnis').digest('hex');
      store(memberSession());
      store(newBrowserSession('staff-1', 'staff', otherHash, signedInAt, lifetimes));
      const unknownHash = createHash('sha256').update('unbekannt').digest('hex');
      setNow(at(DAY_MS + HOUR_MS));

      await expect(sut.execute([secretHash, unknownHash, otherHash, secretHash])).resolves.toMatchObject([
        { active: true, subject: EXAMPLE_MEMBER_ID, renewed: true },
        { active: false },
        { active: false },
        { active: true, subject: EXAMPLE_MEMBER_ID, renewed: true },
      ]);
      expect(renew).toHaveBeenCalledTimes(1);
    });
  });
});
