import { ANONYMOUS, BrowserSessionResolution, MembershipRequests } from '@ic/contracts';
import { RpcClient } from '@ic/messaging/client';
import {
  NotFoundError,
  RemoteProblemError,
  ServiceUnavailableError,
  UpstreamTimeoutError,
} from '@ic/platform';
import { Logger } from '@nestjs/common';
import { FakeRpcClient } from '../testing/gateway-test-app';
import { SignedInCaller } from './access-token.verifier';
import { SESSION_CACHE_MS, SessionCheck } from './session-check.service';

const caller = (sessionId = 'session-1'): SignedInCaller => ({
  subject: 'member-1',
  roles: ['member'],
  sessionId,
});

function newSessionCheck(answer: () => { active: boolean } | Promise<{ active: boolean }>) {
  const rpc = new FakeRpcClient().answer(MembershipRequests.sessionActive, answer);
  return { sut: new SessionCheck(rpc as unknown as RpcClient), rpc };
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

  it('asks the membership service with the session id and the caller identity', async () => {
    const { sut, rpc } = newSessionCheck(() => ({ active: true }));
    await expect(sut.isActive(caller(), 'corr-1')).resolves.toBe(true);
    expect(rpc.sent).toEqual([
      {
        pattern: MembershipRequests.sessionActive.name,
        payload: { sessionId: 'session-1' },
        options: expect.objectContaining({ identity: caller(), correlationId: 'corr-1' }),
      },
    ]);
  });

  it('reports a session the service says is over', async () => {
    const { sut } = newSessionCheck(() => ({ active: false }));
    await expect(sut.isActive(caller())).resolves.toBe(false);
  });

  it('remembers an answer for at most 10 seconds per session', async () => {
    const { sut, rpc } = newSessionCheck(() => ({ active: true }));
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
    const { sut, rpc } = newSessionCheck(() => ({ active: true }));
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
  ])('accepts the token, with a warning, when the membership service %s', async (_case, error) => {
    const { sut } = newSessionCheck(() => Promise.reject(error));
    await expect(sut.isActive(caller())).resolves.toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('accepting the signed token'));
  });

  it('passes on a problem the service did answer with, and asks again next time', async () => {
    const problem = new NotFoundError('Der Dienst membership kennt die Anfrage nicht.').toProblem();
    const { sut, rpc } = newSessionCheck(() => Promise.reject(new RemoteProblemError(problem)));
    await expect(sut.isActive(caller())).rejects.toThrow(RemoteProblemError);
    await expect(sut.isActive(caller())).rejects.toThrow(RemoteProblemError);
    expect(rpc.sent).toHaveLength(2);
  });

  it('refuses a session ended through this gateway at once, without asking', async () => {
    const { sut, rpc } = newSessionCheck(() => ({ active: true }));
    await sut.isActive(caller());
    sut.ended('session-1');
    await expect(sut.isActive(caller())).resolves.toBe(false);
    expect(rpc.sent).toHaveLength(1);
  });

  describe('resolveBrowserSession', () => {
    const active: BrowserSessionResolution = {
      active: true,
      renewed: false,
      sessionId: 'browser-session-1',
      subject: 'member-1',
      role: 'member',
      expiresAt: '2026-12-21T10:00:00.000Z',
    };
    const hash = 'a'.repeat(64);

    function newBrowserSessionCheck(
      answer: () => BrowserSessionResolution | Promise<BrowserSessionResolution>,
    ) {
      const rpc = new FakeRpcClient().answer(MembershipRequests.resolveBrowserSession, answer);
      return { sut: new SessionCheck(rpc as unknown as RpcClient), rpc };
    }

    it('asks anonymously by the hash of the secret, and remembers the answer for at most 10 seconds', async () => {
      const { sut, rpc } = newBrowserSessionCheck(() => active);
      await expect(sut.resolveBrowserSession(hash, 'corr-2')).resolves.toEqual(active);
      jest.advanceTimersByTime(SESSION_CACHE_MS - 1);
      await sut.resolveBrowserSession(hash);
      expect(rpc.sent).toEqual([
        {
          pattern: MembershipRequests.resolveBrowserSession.name,
          payload: { sessionSecretHash: hash },
          options: expect.objectContaining({ identity: ANONYMOUS, correlationId: 'corr-2' }),
        },
      ]);
      jest.advanceTimersByTime(2);
      await sut.resolveBrowserSession(hash);
      expect(rpc.sent).toHaveLength(2);
    });

    it('does not accept a cookie when the membership service does not answer, and asks again next time', async () => {
      const { sut, rpc } = newBrowserSessionCheck(() =>
        Promise.reject(new UpstreamTimeoutError('keine Antwort')),
      );
      await expect(sut.resolveBrowserSession(hash)).rejects.toThrow(UpstreamTimeoutError);
      await expect(sut.resolveBrowserSession(hash)).rejects.toThrow(UpstreamTimeoutError);
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
