import { IHeaders } from 'kafkajs';
import { MalformedRequestError, readRequestEnvelope, RPC_HEADERS } from './rpc-headers';

function headers(overrides: Record<string, string | undefined> = {}): IHeaders {
  const base: Record<string, string | undefined> = {
    [RPC_HEADERS.pattern]: 'membership.system.status',
    [RPC_HEADERS.correlationId]: 'c-1',
    [RPC_HEADERS.replyTopic]: 'ic.gateway.replies',
    [RPC_HEADERS.identity]: JSON.stringify({ subject: 'staff-1', roles: ['staff'] }),
    [RPC_HEADERS.deadline]: '1900000000000',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(base)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => [name, Buffer.from(value)]),
  );
}

describe(readRequestEnvelope.name, () => {
  it('reads a well-formed request', () => {
    expect(readRequestEnvelope(headers({ [RPC_HEADERS.idempotencyKey]: 'k-1' }))).toEqual({
      pattern: 'membership.system.status',
      correlationId: 'c-1',
      replyTopic: 'ic.gateway.replies',
      identity: { subject: 'staff-1', roles: ['staff'] },
      deadline: 1900000000000,
      idempotencyKey: 'k-1',
    });
  });

  it("reads the caller's trace context", () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect(
      readRequestEnvelope(
        headers({ [RPC_HEADERS.traceparent]: traceparent, [RPC_HEADERS.tracestate]: 'congo=t61rcWkgMzE' }),
      ),
    ).toMatchObject({ traceparent, tracestate: 'congo=t61rcWkgMzE' });
  });

  it.each([
    ['no pattern', { [RPC_HEADERS.pattern]: undefined }, /missing header ic_pattern/],
    [
      'a reply topic that is a domain topic',
      { [RPC_HEADERS.replyTopic]: 'ic.membership.v1' },
      /not a reply topic/,
    ],
    ['an identity that is not JSON', { [RPC_HEADERS.identity]: 'staff' }, /not JSON/],
    [
      'an identity with an unknown role',
      { [RPC_HEADERS.identity]: '{"subject":"x","roles":["admin"]}' },
      /known roles/,
    ],
    ['an identity without a subject', { [RPC_HEADERS.identity]: '{"roles":[]}' }, /subject/],
    ['a deadline that is not a number', { [RPC_HEADERS.deadline]: 'soon' }, /ic_deadline/],
  ])('refuses a request with %s', (_case, overrides, reason) => {
    expect(() => readRequestEnvelope(headers(overrides))).toThrow(MalformedRequestError);
    expect(() => readRequestEnvelope(headers(overrides))).toThrow(reason);
  });
});
