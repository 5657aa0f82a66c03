import { ANONYMOUS, BrowserSessionResolution, MembershipRequests, SessionActivity } from '@ic/contracts';
import {
  NotFoundError,
  RemoteProblemError,
  ServiceUnavailableError,
  UpstreamTimeoutError,
} from '@ic/platform';
import { RpcClient } from '@ic/messaging/client';
import { Logger } from '@nestjs/common';
import { mock } from 'jest-mock-extended';
import {
  activeBrowserSession,
  eachBrowserSession,
  eachSession,
  FakeRpcClient,
} from '../testing/gateway-test-app';
import { AccessTokenRejectedError, SignedInCaller } from './access-token.verifier';
import {
  SESSION_CACHE_MS,
  SESSION_CHECK_TIMEOUT_MS,
  SESSION_CHECK_UNAVAILABLE,
  SessionCheck,
} from './session-check.service';

const caller = (sessionId = 'session-1'): SignedInCaller => ({
  subject: 'member-1',
  roles: ['member'],
  sessionId,
});

const ACTIVE: SessionActivity = { active: true, subject: 'member-1', role: 'member' };

/** The fake where an RpcClient is injected by hand (the test app's module provides it by token). */
const rpcClientOf = (fake: FakeRpcClient): RpcClient =>
  mock<RpcClient>({ send: (pattern, payload, options) => fake.send(pattern, payload, options) });

/** The check as a gateway instance has it that follows the session events (and so remembers answers). */
function newSessionCheck(answer: () => SessionActivity | Promise<SessionActivity>) {
  const rpc = new FakeRpcClient().answer(MembershipRequests.sessionsActive, eachSession(answer));
  const sut = new SessionCheck(rpcClientOf(rpc));
  sut.followingSessionEvents(true);
  return { sut, rpc };
}

describe(SessionCheck.name, () => {
  let warn: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-21T10:00:00Z') });
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.useRealTimers();
    warn.mockRestore();
  });

  it('asks the membership service with the session id, under no caller’s identity', async () => {
    const { sut, rpc } = newSessionCheck(() => ACTIVE);
    await expect(sut.isActive(caller())).resolves.toBe(true);
    expect(rpc.sent).toEqual([
      {
        pattern: MembershipRequests.sessionsActive.name,
        payload: { sessionIds: ['session-1'] },
        options: expect.objectContaining({ identity: ANONYMOUS }),
      },
    ]);
  });

  it('asks about the sessions that come while two requests are on their way in one request', async () => {
    const answers: (() => void)[] = [];
    const { sut, rpc } = newSessionCheck(
      () => new Promise<SessionActivity>((resolve) => answers.push(() => resolve(ACTIVE))),
    );
    const checks = ['session-1', 'session-2', 'session-3', 'session-4', 'session-5'].map((id) =>
      sut.isActive({ ...caller(id) }),
    );
    await jest.advanceTimersByTimeAsync(0);
    expect(rpc.sent.map((request) => request.payload)).toEqual([
      { sessionIds: ['session-1'] },
      { sessionIds: ['session-2'] },
    ]);
    answers.splice(0).forEach((answer) => answer());
    await jest.advanceTimersByTimeAsync(0);
    expect(rpc.sent.map((request) => request.payload)).toEqual([
      { sessionIds: ['session-1'] },
      { sessionIds: ['session-2'] },
      { sessionIds: ['session-3', 'session-4', 'session-5'] },
    ]);
    answers.splice(0).forEach((answer) => answer());
    await expect(Promise.all(checks)).resolves.toEqual([true, true, true, true, true]);
  });

  it('refuses with 503 a check that waited SESSION_CHECK_TIMEOUT_MS behind requests on their way, counted from when it came', async () => {
    const { sut, rpc } = newSessionCheck(() => new Promise<SessionActivity>(() => undefined));
    const first = [sut.isActive(caller('session-1')), sut.isActive(caller('session-2'))];
    const firstRefused = Promise.allSettled(first);
    await jest.advanceTimersByTimeAsync(3_000);
    let refused: unknown;
    sut.isActive(caller('session-3')).catch((error: unknown) => (refused = error));
    await jest.advanceTimersByTimeAsync(SESSION_CHECK_TIMEOUT_MS - 1);
    expect(refused).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(refused).toMatchObject({ status: 503, detail: SESSION_CHECK_UNAVAILABLE });
    expect((await firstRefused).map((check) => check.status)).toEqual(['rejected', 'rejected']);
    expect(rpc.sent.map((request) => request.payload)).toEqual([
      { sessionIds: ['session-1'] },
      { sessionIds: ['session-2'] },
    ]);
  });

  it('reports a session the service says is over', async () => {
    const { sut } = newSessionCheck(() => ({ active: false }));
    await expect(sut.isActive(caller())).resolves.toBe(false);
  });

  it('remembers an answer for at most 10 seconds per session', async () => {
    const { sut, rpc } = newSessionCheck(() => ACTIVE);
    await sut.isActive(caller());
    jest.advanceTimersByTime(SESSION_CACHE_MS - 1);
    await sut.isActive(caller());
    await sut.isActive(caller('session-2'));
    expect(rpc.sent).toHaveLength(2);
    jest.advanceTimersByTime(2);
    await sut.isActive(caller());
    expect(rpc.sent).toHaveLength(3);
  });

  it('asks once for concurrent requests of one session', async () => {
    const { sut, rpc } = newSessionCheck(() => ACTIVE);
    await Promise.all([sut.isActive(caller()), sut.isActive(caller()), sut.isActive(caller())]);
    expect(rpc.sent).toHaveLength(1);
  });

  it.each([
    ['times out', new UpstreamTimeoutError('keine Antwort')],
    ['is unavailable', new ServiceUnavailableError('nicht erreichbar')],
    [
      'fails with a server error',
      new RemoteProblemError({ type: 'x', title: 'Interner Fehler', status: 500 }),
    ],
  ])(
    'refuses the token with 503, never lets it through, when the membership service %s',
    async (_case, error) => {
      const { sut, rpc } = newSessionCheck(() => Promise.reject(error));
      const refused = sut.isActive(caller());
      await expect(refused).rejects.toThrow(ServiceUnavailableError);
      await expect(refused).rejects.toMatchObject({ status: 503, detail: SESSION_CHECK_UNAVAILABLE });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('refusing the request with 503'));
      await expect(sut.isActive(caller())).rejects.toThrow(ServiceUnavailableError);
      expect(rpc.sent).toHaveLength(2);
    },
  );

  it.each([
    ['another subject', { ...ACTIVE, subject: 'member-2' }],
    ['another role', { ...ACTIVE, role: 'staff' as const }],
  ])('refuses a token whose claims differ from its session’s: %s', async (_case, session) => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { sut } = newSessionCheck(() => session);
    await expect(sut.isActive(caller())).rejects.toThrow(AccessTokenRejectedError);
    await expect(sut.isActive(caller())).rejects.toMatchObject({ reason: 'invalid' });
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('claims member member-1 for session session-1'),
    );
    error.mockRestore();
  });

  it('refuses a token that claims the operations role its staff session does not hold, and takes one that does', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const operator: SignedInCaller = {
      subject: 'staff-1',
      roles: ['staff', 'operations'],
      sessionId: 'session-2',
    };
    const staffSession: SessionActivity = { active: true, subject: 'staff-1', role: 'staff' };

    await expect(newSessionCheck(() => staffSession).sut.isActive(operator)).rejects.toMatchObject({
      reason: 'invalid',
    });
    await expect(
      newSessionCheck(() => ({ ...staffSession, operations: true })).sut.isActive({
        ...operator,
        roles: [...operator.roles],
      }),
    ).resolves.toBe(true);
    error.mockRestore();
  });

  it('remembers nothing while it does not follow the session events', async () => {
    const { sut, rpc } = newSessionCheck(() => ACTIVE);
    sut.followingSessionEvents(false);
    await sut.isActive(caller());
    await sut.isActive(caller());
    expect(rpc.sent).toHaveLength(2);
  });

  it('forgets what it remembered when the session events stop', async () => {
    const { sut, rpc } = newSessionCheck(() => ACTIVE);
    await sut.isActive(caller());
    sut.followingSessionEvents(false);
    sut.followingSessionEvents(true);
    await sut.isActive(caller());
    expect(rpc.sent).toHaveLength(2);
  });

  it('asks again at once about every session of a subject whose session ended', async () => {
    let answer: SessionActivity = ACTIVE;
    const { sut, rpc } = newSessionCheck(() => answer);
    const otherMember: SignedInCaller = { subject: 'member-2', roles: ['member'], sessionId: 'session-9' };
    await sut.isActive(caller('session-1'));
    await sut.isActive(caller('session-2'));
    answer = { ...ACTIVE, subject: 'member-2' };
    await sut.isActive(otherMember);
    answer = { active: false };

    sut.sessionsEndedOf('member-1');

    await expect(sut.isActive(caller('session-1'))).resolves.toBe(false);
    await expect(sut.isActive(caller('session-2'))).resolves.toBe(false);
    await expect(sut.isActive(otherMember)).resolves.toBe(true);
    expect(rpc.sent).toHaveLength(5);
  });

  it('does not keep an answer that was on its way when the subject’s session ended', async () => {
    let answer: (value: SessionActivity) => void = () => undefined;
    const { sut, rpc } = newSessionCheck(() => new Promise<SessionActivity>((resolve) => (answer = resolve)));
    const onItsWay = sut.isActive(caller());
    await Promise.resolve();
    sut.sessionsEndedOf('member-1');
    answer(ACTIVE);
    await expect(onItsWay).resolves.toBe(true);
    void sut.isActive(caller());
    expect(rpc.sent).toHaveLength(2);
  });

  it('passes on a problem the service did answer with, and asks again next time', async () => {
    const problem = new NotFoundError('Der Dienst membership kennt die Anfrage nicht.').toProblem();
    const { sut, rpc } = newSessionCheck(() => Promise.reject(new RemoteProblemError(problem)));
    await expect(sut.isActive(caller())).rejects.toThrow(RemoteProblemError);
    await expect(sut.isActive(caller())).rejects.toThrow(RemoteProblemError);
    expect(rpc.sent).toHaveLength(2);
  });

  it('refuses a session ended through this gateway at once, without asking', async () => {
    const { sut, rpc } = newSessionCheck(() => ACTIVE);
    await sut.isActive(caller());
    sut.ended('session-1');
    await expect(sut.isActive(caller())).resolves.toBe(false);
    expect(rpc.sent).toHaveLength(1);
  });

  describe('resolveBrowserSession', () => {
    const active: BrowserSessionResolution = activeBrowserSession({ expiresAt: '2026-12-21T10:00:00.000Z' });
    const hash = 'a'.repeat(64);

    function newBrowserSessionCheck(
      answer: () => BrowserSessionResolution | Promise<BrowserSessionResolution>,
    ) {
      const rpc = new FakeRpcClient().answer(
        MembershipRequests.resolveBrowserSessions,
        eachBrowserSession(answer),
      );
      const sut = new SessionCheck(rpcClientOf(rpc));
      sut.followingSessionEvents(true);
      return { sut, rpc };
    }

    it('asks anonymously by the hash of the secret, and remembers the answer for at most 10 seconds', async () => {
      const { sut, rpc } = newBrowserSessionCheck(() => active);
      await expect(sut.resolveBrowserSession(hash)).resolves.toEqual(active);
      jest.advanceTimersByTime(SESSION_CACHE_MS - 1);
      await sut.resolveBrowserSession(hash);
      expect(rpc.sent).toEqual([
        {
          pattern: MembershipRequests.resolveBrowserSessions.name,
          payload: { sessionSecretHashes: [hash] },
          options: expect.objectContaining({ identity: ANONYMOUS }),
        },
      ]);
      jest.advanceTimersByTime(2);
      await sut.resolveBrowserSession(hash);
      expect(rpc.sent).toHaveLength(2);
    });

    it('does not accept a cookie when the membership service does not answer (503), and asks again next time', async () => {
      const { sut, rpc } = newBrowserSessionCheck(() =>
        Promise.reject(new UpstreamTimeoutError('keine Antwort')),
      );
      await expect(sut.resolveBrowserSession(hash)).rejects.toMatchObject({
        status: 503,
        detail: SESSION_CHECK_UNAVAILABLE,
      });
      await expect(sut.resolveBrowserSession(hash)).rejects.toThrow(ServiceUnavailableError);
      expect(rpc.sent).toHaveLength(2);
    });

    it('asks again at once about a cookie whose subject’s session ended', async () => {
      let answer: BrowserSessionResolution = active;
      const { sut, rpc } = newBrowserSessionCheck(() => answer);
      await sut.resolveBrowserSession(hash);
      answer = { active: false };
      sut.sessionsEndedOf('member-1');
      await expect(sut.resolveBrowserSession(hash)).resolves.toEqual({ active: false });
      expect(rpc.sent).toHaveLength(2);
    });

    it('refuses a cookie signed out through this gateway at once, without asking', async () => {
      const { sut, rpc } = newBrowserSessionCheck(() => active);
      await sut.resolveBrowserSession(hash);
      sut.browserSessionEnded(hash);
      await expect(sut.resolveBrowserSession(hash)).resolves.toEqual({ active: false });
      expect(rpc.sent).toHaveLength(1);
    });

    it('refuses a cookie at once whose session was logged out by its id through this gateway', async () => {
      const { sut } = newBrowserSessionCheck(() => active);
      await sut.resolveBrowserSession(hash);
      sut.ended('browser-session-1');
      await expect(sut.resolveBrowserSession(hash)).resolves.toEqual({ active: false });
      await expect(sut.resolveBrowserSession('b'.repeat(64))).resolves.toEqual({ active: false });
    });
  });
});
