import { MembershipRequests } from '@ic/contracts';
import {
  activeSessionOfCaller,
  GatewayTestApp,
  signTestToken,
  startGatewayTestApp,
} from '../testing/gateway-test-app';
import { installBodyParsers, REQUEST_BODY_LIMIT_BYTES } from './body-parsers';

describe(installBodyParsers.name, () => {
  let sut: GatewayTestApp;

  beforeAll(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(MembershipRequests.sessionActive, activeSessionOfCaller)
      .answer(MembershipRequests.createWorkingGroup, (request) => ({ ...request, memberCount: 0 }));
  });

  afterAll(() => sut.close());

  const post = (body: string, contentType = 'application/json') =>
    sut.request('/api/v1/working-groups', {
      method: 'POST',
      token: signTestToken({ role: 'staff' }),
      body,
      headers: { 'content-type': contentType },
    });

  it('accepts a body within the limit', async () => {
    const response = await post(
      JSON.stringify({ id: 'smartes-land', name: 'Smartes Land', description: 'x'.repeat(1900) }),
    );
    expect(response.status).toBe(201);
  });

  it('refuses a body over 64 kB with a 413 problem', async () => {
    const response = await post(
      JSON.stringify({ id: 'x', name: 'y', description: 'x'.repeat(REQUEST_BODY_LIMIT_BYTES) }),
    );
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.json).toMatchObject({
      status: 413,
      title: 'Anfrage zu groß',
      detail: expect.stringContaining('64 kB'),
    });
    expect(sut.rpc.sentTo(MembershipRequests.createWorkingGroup)).toHaveLength(1);
  });

  it('refuses malformed JSON with a 400 problem in German', async () => {
    const response = await post('{"id": ');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      status: 400,
      detail: expect.stringContaining('kein gültiges JSON'),
    });
  });

  it('refuses an unsupported charset with a 415 problem', async () => {
    const response = await post('{}', 'application/json; charset=latin7');
    expect(response.status).toBe(415);
    expect(response.json).toMatchObject({ status: 415 });
  });
});
