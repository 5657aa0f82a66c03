import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { MembershipRequests } from '@ic/contracts';
import { GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { isNestedDeeperThan } from '@ic/platform';
import { installBodyParsers, REQUEST_BODY_LIMIT_BYTES, REQUEST_BODY_MAX_DEPTH } from './body-parsers';

describe(installBodyParsers.name, () => {
  let sut: GatewayTestApp;

  beforeAll(async () => {
    sut = await startGatewayTestApp();
    sut.rpc.answer(MembershipRequests.createWorkingGroup, (request) => ({ ...request, memberCount: 0 }));
  });

  afterAll(() => sut.close());

  const post = (body: string | Uint8Array, contentType = 'application/json') =>
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

  it('refuses a body that is not valid UTF-8 with a 400 naming the field, instead of storing U+FFFD', async () => {
    const sent = sut.rpc.sentTo(MembershipRequests.createWorkingGroup).length;
    const body = Buffer.concat([
      Buffer.from('{"id":"smartes-land","name":"Smartes Land","description":"Stra'),
      Buffer.from([0xdf, 0x65]), // "ße" in Latin-1: not UTF-8
      Buffer.from('"}'),
    ]);
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      status: 400,
      detail: expect.stringContaining('description'),
      errors: [{ field: 'description', message: expect.stringContaining('UTF-8') }],
    });
    expect(sut.rpc.sentTo(MembershipRequests.createWorkingGroup)).toHaveLength(sent);
  });

  it('refuses invalid UTF-8 in a body that is no JSON either with a 400', async () => {
    const response = await post(Buffer.from([0x7b, 0xff, 0xfe]));
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ status: 400, detail: expect.stringContaining('UTF-8') });
  });

  it('refuses an unsupported charset with a 415 problem', async () => {
    const response = await post('{}', 'application/json; charset=latin7');
    expect(response.status).toBe(415);
    expect(response.json).toMatchObject({ status: 415 });
  });

  describe('a body nested too deeply', () => {
    // What the fuzzer sent: about 4,000 levels of arrays in a few kB, far below the size limit.
    const nested = (depth: number, key = 'description') =>
      `{"id":"x","name":"y","${key}":${'['.repeat(depth)}${']'.repeat(depth)}}`;

    it('refuses it with a 400 problem in German, also on an anonymous route', async () => {
      const response = await sut.request('/api/v1/auth/sign-in-links', {
        method: 'POST',
        body: `{"email":${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.json).toMatchObject({ status: 400, detail: expect.stringContaining('verschachtelt') });
    });

    it('refuses 4,000 levels of arrays on a staff route and sends nothing on', async () => {
      const before = sut.rpc.sentTo(MembershipRequests.createWorkingGroup).length;
      const response = await post(nested(4000));
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ status: 400, detail: expect.stringContaining('verschachtelt') });
      expect(sut.rpc.sentTo(MembershipRequests.createWorkingGroup)).toHaveLength(before);
    });
  });

  describe('a compressed body', () => {
    const body = JSON.stringify({ id: 'komprimiert', name: 'Komprimiert', description: 'gzip' });
    const postEncoded = (encoding: string, content: Buffer) =>
      fetch(`${sut.url}/api/v1/working-groups`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${signTestToken({ role: 'staff' })}`,
          'content-type': 'application/json',
          'content-encoding': encoding,
        },
        body: content,
      }).then(async (response) => ({
        status: response.status,
        contentType: response.headers.get('content-type'),
        json: await response.json(),
      }));

    it.each([
      ['gzip', gzipSync(body)],
      ['deflate', deflateSync(body)],
      ['br', brotliCompressSync(body)],
    ])('takes a valid %s body', async (encoding, content) => {
      const response = await postEncoded(encoding, content);
      expect(response.status).toBe(201);
    });

    it.each(['gzip', 'deflate', 'br'])(
      'refuses a corrupt %s body with a 400 problem in German',
      async (encoding) => {
        const response = await postEncoded(encoding, Buffer.from('das ist kein komprimierter Inhalt'));
        expect(response.status).toBe(400);
        expect(response.contentType).toContain('application/problem+json');
        expect(response.json).toMatchObject({ status: 400, detail: expect.stringContaining(encoding) });
      },
    );

    it('measures the size of the unpacked body: a small gzip of 1 MB is a 413', async () => {
      const response = await postEncoded('gzip', gzipSync(Buffer.alloc(1024 * 1024, ' ')));
      expect(response.status).toBe(413);
    });

    it('refuses a truncated gzip body with a 400 problem', async () => {
      const response = await postEncoded('gzip', gzipSync(body).subarray(0, 20));
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
    });

    it('refuses an encoding it does not support with a 415 problem naming the encoding', async () => {
      const response = await postEncoded('compress', Buffer.from(body));
      expect(response.status).toBe(415);
      expect(response.json).toMatchObject({ status: 415, detail: expect.stringContaining('compress') });
    });
  });
});

describe(isNestedDeeperThan.name, () => {
  const nestedArrays = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

  it('counts objects and lists, not the values in them', () => {
    expect(isNestedDeeperThan({ a: [{ b: 'x' }] }, 3)).toBe(false);
    expect(isNestedDeeperThan({ a: [{ b: ['x'] }] }, 3)).toBe(true);
    expect(isNestedDeeperThan('text', 0)).toBe(false);
    expect(isNestedDeeperThan(undefined, 0)).toBe(false);
  });

  it('takes a body at the limit and refuses one level more', () => {
    expect(isNestedDeeperThan(nestedArrays(REQUEST_BODY_MAX_DEPTH), REQUEST_BODY_MAX_DEPTH)).toBe(false);
    expect(isNestedDeeperThan(nestedArrays(REQUEST_BODY_MAX_DEPTH + 1), REQUEST_BODY_MAX_DEPTH)).toBe(true);
  });

  it('walks 30,000 levels without overflowing the stack', () => {
    expect(isNestedDeeperThan(nestedArrays(30_000), REQUEST_BODY_MAX_DEPTH)).toBe(true);
  });
});
