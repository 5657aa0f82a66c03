import { CallerIdentity, GATEWAY_REPLY_TOPIC, RequestPattern } from '@ic/contracts';
import { KafkaConnection, RpcClient } from '@ic/messaging/client';
import { RemoteProblemError } from '@ic/platform';
import { randomUUID } from 'node:crypto';

/** A refusal the platform answered with (problem+json), with the status to decide on. */
export class SeedRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** How long the gateway may be busy (503, 504) just after the start before the seed gives up. */
const BUSY_RETRY_MS = 60_000;
const RETRY_PAUSE_MS = 1000;

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The gateway's public API, signed in as the office. */
export class GatewayApi {
  private token = '';
  /** The staff account's id: the identity of the seed's requests on Kafka. */
  staffSubject = '';

  constructor(private readonly gatewayUrl: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const reply = await this.call<{ accessToken: string; subject: string }>('POST', '/auth/staff/login', {
      body: { email, password },
    });
    this.token = reply.accessToken;
    this.staffSubject = reply.subject;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  /**
   * A write; with a fixed Idempotency-Key the service keeps its reply (a refusal too), so a seed that
   * runs again after being cut off gets the first reply back instead of acting twice.
   */
  write<T>(method: 'POST' | 'PATCH', path: string, body: unknown, key?: string): Promise<T> {
    return this.call<T>(method, path, { body, ...(key ? { key: `ic-seed-${key}` } : {}) });
  }

  private async call<T>(
    method: string,
    path: string,
    options: { body?: unknown; key?: string } = {},
  ): Promise<T> {
    const giveUpAt = Date.now() + BUSY_RETRY_MS;
    for (;;) {
      const response = await fetch(`${this.gatewayUrl}/api/v1${path}`, {
        method,
        headers: {
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.key ? { 'idempotency-key': options.key } : {}),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await response.text();
      if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
      if ([503, 504].includes(response.status) && Date.now() < giveUpAt) {
        await pause(RETRY_PAUSE_MS);
        continue;
      }
      throw new SeedRequestError(response.status, `${method} ${path}: ${response.status} ${text}`);
    }
  }
}

/**
 * The services' request topics, for what the HTTP API does not offer: taking over members who joined
 * before, and acting as a member (registrations, leaving) without their sign-in mail.
 */
export class RequestTopics {
  private readonly kafka: KafkaConnection;
  private readonly rpc: RpcClient;

  constructor(brokers: readonly string[]) {
    const instanceId = `seed-${randomUUID()}`;
    // The services' default session timeout: the seed's reply consumer is an ordinary member of its group.
    this.kafka = new KafkaConnection({
      clientId: instanceId,
      brokers: [...brokers],
      sessionTimeoutMs: 10_000,
    });
    this.rpc = new RpcClient(this.kafka, {
      instanceId,
      replyTopic: GATEWAY_REPLY_TOPIC,
      defaultTimeoutMs: 30_000,
    });
  }

  start(): Promise<void> {
    return this.rpc.start();
  }

  async stop(): Promise<void> {
    await this.rpc.stop();
    await this.kafka.disconnect();
  }

  async send<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    payload: TRequest,
    identity: CallerIdentity,
  ): Promise<TReply> {
    try {
      return await this.rpc.send(pattern, payload, { identity });
    } catch (error) {
      if (error instanceof RemoteProblemError)
        throw new SeedRequestError(error.problem.status, error.message);
      throw error;
    }
  }
}

export const staffIdentity = (subject: string): CallerIdentity => ({ subject, roles: ['staff'] });
export const memberIdentity = (memberId: string): CallerIdentity => ({
  subject: memberId,
  roles: ['member'],
});
