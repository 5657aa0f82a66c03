import { SessionEndedEvent } from '@ic/contracts';
import { ForbiddenError, RecordedFact } from '@ic/platform';
import { createHash } from 'node:crypto';
import { Member } from '../members/member';
import { MembersRepository } from '../members/members.repository';
import { EXAMPLE_MEMBER_ID, newMember } from '../testing/member-factories';
import { mock } from 'jest-mock-extended';
import { BrowserSessionLifetimes, newBrowserSession } from './browser-session.rules';
import { Session } from './session';
import { SessionAggregate } from './session.aggregate';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

const HOUR_MS = 60 * 60 * 1000;
const now = new Date('2026-11-21T17:30:00.000Z');
const signedInAt = new Date('2026-11-21T10:00:00.000Z');
const tokenSessionId = '0f8e6a3c-2b1d-4c5e-8f7a-9b0c1d2e3f40';
const STAFF_SESSION_ID = '5b7c9d1e-3f40-4a6b-8c2d-0e1f2a3b4c5d';
const UNKNOWN_SESSION_ID = '9a8b7c6d-5e4f-4321-8fed-cba987654321';
const secretHash = createHash('sha256').update('das-geheimnis-im-cookie').digest('hex');
const lifetimes = new BrowserSessionLifetimes(30 * 24 * HOUR_MS, 10 * HOUR_MS);

function newSession(overrides: Partial<Session> = {}): Session {
  return {
    id: tokenSessionId,
    kind: 'token',
    subject: EXAMPLE_MEMBER_ID,
    role: 'member',
    createdAt: signedInAt,
    expiresAt: new Date(signedInAt.getTime() + HOUR_MS * 12),
    ...overrides,
  };
}

/**
 * The service on sessions kept in a map; `revoked` records each write of an ended session with its
 * facts (the repository writes only the first end: see SessionsRepository.save).
 */
function newTestService(member: Member | null = newMember()) {
  const stored = new Map<string, Session>();
  const revoked: { session: Session; facts: RecordedFact[]; correlationId?: string }[] = [];
  const sessions = mock<SessionsRepository>();
  const found = (id: string) => stored.get(id) ?? null;
  sessions.findByIds.mockImplementation((ids) => Promise.resolve(ids.flatMap((id) => found(id) ?? [])));
  sessions.load.mockImplementation((id) => {
    const session = found(id);
    return Promise.resolve(session && SessionAggregate.of(session));
  });
  sessions.save.mockImplementation((session, correlationId) => {
    if (session.hasChanges)
      revoked.push({ session: session.state, facts: session.takeFacts(), correlationId });
    return Promise.resolve();
  });
  const members = mock<MembersRepository>();
  members.findByIds.mockImplementation((ids) =>
    Promise.resolve(member && ids.includes(member.id) ? [member] : []),
  );
  const sut = new SessionsService(sessions, members, { now: () => now });
  return { sut, revoked, store: (session: Session) => stored.set(session.id, session) };
}

/** The session ended now, with its SessionEnded, under the request's correlation id. */
const endedWrite = (session: Session) => ({
  session: { ...session, revokedAt: now },
  facts: [
    {
      contract: SessionEndedEvent,
      data: {
        sessionId: session.id,
        subject: session.subject,
        role: session.role,
        endedAt: now.toISOString(),
      },
    },
  ],
  correlationId: 'corr-1',
});

describe(SessionsService.name, () => {
  describe('areActive', () => {
    it('answers whom an active session signs in, so that the gateway can compare the token’s claims', async () => {
      const { sut, store } = newTestService();
      store(newSession());
      await expect(sut.areActive([tokenSessionId])).resolves.toEqual([
        { active: true, subject: EXAMPLE_MEMBER_ID, role: 'member' },
      ]);
    });

    it('answers many sessions at once in the order asked, an unknown one as not active', async () => {
      const { sut, store } = newTestService();
      const staffSession = newSession({ id: STAFF_SESSION_ID, subject: 'staff-1', role: 'staff' });
      store(newSession());
      store(staffSession);
      await expect(sut.areActive([STAFF_SESSION_ID, UNKNOWN_SESSION_ID, tokenSessionId])).resolves.toEqual([
        { active: true, subject: 'staff-1', role: 'staff' },
        { active: false },
        { active: true, subject: EXAMPLE_MEMBER_ID, role: 'member' },
      ]);
    });

    it.each([
      ['revoked', newSession({ revokedAt: signedInAt }), newMember()],
      ['expired', newSession({ expiresAt: signedInAt }), newMember()],
      ['of a member whose membership ended', newSession(), newMember({ status: 'inactive' })],
      ['of an erased member', newSession(), null],
    ])('says nothing about a session that is %s', async (_case, session, member) => {
      const { sut, store } = newTestService(member);
      store(session);
      await expect(sut.areActive([tokenSessionId])).resolves.toEqual([{ active: false }]);
    });
  });

  describe('logout', () => {
    it('ends the session with SessionEnded in one write', async () => {
      const { sut, store, revoked } = newTestService();
      const session = newSession();
      store(session);

      await expect(
        sut.logout(tokenSessionId, { subject: EXAMPLE_MEMBER_ID, role: 'member' }, 'corr-1'),
      ).resolves.toEqual({ loggedOut: true });

      expect(revoked).toEqual([endedWrite(session)]);
    });

    it('publishes nothing for a session that had ended already', async () => {
      const { sut, store, revoked } = newTestService();
      store(newSession({ revokedAt: signedInAt }));
      await sut.logout(tokenSessionId, { subject: EXAMPLE_MEMBER_ID, role: 'member' }, 'corr-1');
      expect(revoked).toEqual([]);
    });

    it('refuses to end someone else’s session', async () => {
      const { sut, store, revoked } = newTestService();
      store(newSession());
      await expect(sut.logout(tokenSessionId, { subject: 'staff-1', role: 'staff' })).rejects.toThrow(
        ForbiddenError,
      );
      expect(revoked).toEqual([]);
    });
  });

  describe('endBrowserSession', () => {
    it('revokes the cookie’s session with SessionEnded', async () => {
      const { sut, store, revoked } = newTestService();
      const session = newBrowserSession(EXAMPLE_MEMBER_ID, 'member', secretHash, signedInAt, lifetimes);
      store(session);

      await expect(sut.endBrowserSession(secretHash, 'corr-1')).resolves.toEqual({ ended: true });

      expect(revoked).toEqual([endedWrite(session)]);
    });

    it('answers the same for a cookie whose session is gone', async () => {
      const { sut, revoked } = newTestService();
      await expect(sut.endBrowserSession(secretHash, 'corr-1')).resolves.toEqual({ ended: true });
      expect(revoked).toEqual([]);
    });
  });
});
