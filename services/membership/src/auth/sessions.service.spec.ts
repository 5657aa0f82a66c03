import { allEventContracts, SessionEndedEvent } from '@ic/contracts';
import { ContractRegistry, OutboxEventFactory } from '@ic/messaging';
import { OutboxEntry } from '@ic/persistence';
import { ForbiddenError } from '@ic/platform';
import { createHash } from 'node:crypto';
import { Member } from '../members/member';
import { MembersRepository } from '../members/members.repository';
import { EXAMPLE_MEMBER_ID, newMember } from '../testing/member-factories';
import { mock } from 'jest-mock-extended';
import { BrowserSessionLifetimes, newBrowserSession } from './browser-session.rules';
import { Session, SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

const HOUR_MS = 60 * 60 * 1000;
const now = new Date('2026-11-21T17:30:00.000Z');
const signedInAt = new Date('2026-11-21T10:00:00.000Z');
const tokenSessionId = '0f8e6a3c-2b1d-4c5e-8f7a-9b0c1d2e3f40';
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

/** The service on sessions kept in a map; `revoked` records each revoking write with its events. */
function newTestService(member: Member | null = newMember()) {
  const stored = new Map<string, Session>();
  const revoked: { id: string; at: Date; events: readonly OutboxEntry[] }[] = [];
  const sessions = mock<SessionsRepository>();
  sessions.findById.mockImplementation((id) => Promise.resolve(stored.get(id) ?? null));
  sessions.revoke.mockImplementation((id, at, events) => {
    revoked.push({ id, at, events });
    return Promise.resolve();
  });
  const members = mock<MembersRepository>();
  members.findById.mockImplementation((id) => Promise.resolve(member?.id === id ? member : null));
  const sut = new SessionsService(
    sessions,
    members,
    new OutboxEventFactory(new ContractRegistry(allEventContracts), '/ic/membership'),
    { now: () => now },
  );
  return { sut, revoked, store: (session: Session) => stored.set(session.id, session) };
}

const sessionEnded = (session: Session): unknown =>
  expect.objectContaining({
    type: SessionEndedEvent.type,
    subject: session.subject,
    correlationId: 'corr-1',
    data: {
      sessionId: session.id,
      subject: session.subject,
      role: session.role,
      endedAt: now.toISOString(),
    },
  });

describe(SessionsService.name, () => {
  describe('isActive', () => {
    it('answers whom an active session signs in, so that the gateway can compare the token’s claims', async () => {
      const { sut, store } = newTestService();
      store(newSession());
      await expect(sut.isActive(tokenSessionId)).resolves.toEqual({
        active: true,
        subject: EXAMPLE_MEMBER_ID,
        role: 'member',
      });
    });

    it.each([
      ['revoked', newSession({ revokedAt: signedInAt }), newMember()],
      ['expired', newSession({ expiresAt: signedInAt }), newMember()],
      ['of a member whose membership ended', newSession(), newMember({ status: 'inactive' })],
      ['of an erased member', newSession(), null],
    ])('says nothing about a session that is %s', async (_case, session, member) => {
      const { sut, store } = newTestService(member);
      store(session);
      await expect(sut.isActive(tokenSessionId)).resolves.toEqual({ active: false });
    });
  });

  describe('logout', () => {
    it('revokes the session with SessionEnded, keyed by its subject, in one write', async () => {
      const { sut, store, revoked } = newTestService();
      const session = newSession();
      store(session);

      await expect(
        sut.logout(tokenSessionId, { subject: EXAMPLE_MEMBER_ID, role: 'member' }, 'corr-1'),
      ).resolves.toEqual({ loggedOut: true });

      expect(revoked).toEqual([{ id: tokenSessionId, at: now, events: [sessionEnded(session)] }]);
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

      expect(revoked).toEqual([{ id: session.id, at: now, events: [sessionEnded(session)] }]);
    });

    it('answers the same for a cookie whose session is gone', async () => {
      const { sut, revoked } = newTestService();
      await expect(sut.endBrowserSession(secretHash, 'corr-1')).resolves.toEqual({ ended: true });
      expect(revoked).toEqual([]);
    });
  });
});
