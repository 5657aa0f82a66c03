import { MembershipRequests } from '@ic/contracts';
import { GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { FailedSignInsController } from './failed-sign-ins.controller';

describe(FailedSignInsController.name, () => {
  let sut: GatewayTestApp;
  const failedSignIns = {
    days: 7,
    addresses: [
      {
        email: 'leitung@innovators-club.example',
        officeAccount: true,
        failures: 4,
        lastFailureAt: '2026-11-21T10:14:12.000Z',
        nextAttemptAt: '2026-11-21T10:14:16.000Z',
      },
      {
        email: 'raten@example.org',
        officeAccount: false,
        failures: 1,
        lastFailureAt: '2026-11-20T08:00:00.000Z',
        nextAttemptAt: null,
      },
    ],
    addressCount: 2,
  };

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc.answer(MembershipRequests.failedSignIns, () => failedSignIns);
  });

  afterEach(() => sut.close());

  it('shows the office the failed sign-ins of the last 7 days per address', async () => {
    const response = await sut.request('/api/v1/auth/failed-sign-ins', {
      token: signTestToken({ role: 'staff' }),
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual(failedSignIns);
    // Addresses are personal data: no cache keeps them.
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(sut.rpc.sentTo(MembershipRequests.failedSignIns)[0]?.payload).toEqual({});
  });

  it('keeps members and anonymous callers out, in German', async () => {
    const asMember = await sut.request('/api/v1/auth/failed-sign-ins', {
      token: signTestToken({ role: 'member' }),
    });
    expect(asMember.status).toBe(403);
    expect(asMember.json).toMatchObject({ detail: expect.stringMatching(/Geschäftsstelle/) });
    const anonymous = await sut.request('/api/v1/auth/failed-sign-ins');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ detail: expect.stringMatching(/melden Sie sich/) });
    expect(sut.rpc.sentTo(MembershipRequests.failedSignIns)).toHaveLength(0);
  });
});
