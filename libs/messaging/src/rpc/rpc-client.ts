import { CallerIdentity, RequestPattern } from '@ic/contracts';
import { RemoteProblemError, ServiceUnavailableError, UpstreamTimeoutError } from '@ic/platform';
import { isProblemDetails } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { Consumer, EachMessagePayload } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { headerText } from '../cloud-event';
import { KafkaConnection } from '../kafka-connection';
import { describe } from '../describe-error';
import { RPC_HEADERS } from './rpc-headers';

export interface RpcClientOptions {
  readonly instanceId: string;
  readonly replyTopic: string;
  readonly defaultTimeoutMs: number;
}

export interface SendOptions {
  readonly identity: CallerIdentity;
  readonly correlationId?: string;
  /** Makes a retried write act once; the gateway sets one for every write. */
  readonly idempotencyKey?: string;
  readonly timeoutMs?: number;
  /**
   * The request's Kafka key. Requests with the same key land on the same partition and so at the
   * same service instance (registrations uses the event id, so that one instance decides an
   * event's seats). Defaults to the idempotency key, else the correlation id: spread evenly.
   */
  readonly partitionKey?: string;
}

interface PendingRequest {
  resolve(data: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const PROBE_RESEND_MS = 500;

/**
 * Sends requests to services over Kafka and waits for their replies.
 *
 * Every gateway instance reads the whole reply topic in a consumer group of its own, and keeps the
 * replies whose correlation id it is waiting for. So no rebalance between gateway instances can
 * ever move "its" reply partition away: NestJS's ClientKafka instead assigns each instance reply
 * partitions from a shared group and stamps the first one into each request, which breaks when a
 * rebalance moves that partition (replies land at another instance and time out) or when there
 * are more instances than partitions. The price is that each instance reads all replies, which at
 * the club's scale is nothing.
 */
export class RpcClient {
  private readonly logger = new Logger(RpcClient.name);
  private readonly pending = new Map<string, PendingRequest>();
  private consumer?: Consumer;
  private readonly groupId: string;
  private warm = false;
  private probe?: { id: string; arrived: () => void };

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly options: RpcClientOptions,
  ) {
    this.groupId = `gateway.replies.${options.instanceId}`;
  }

  /** True once a reply sent after start-up has come back: from then on no reply can be missed. */
  get isReady(): boolean {
    return this.warm;
  }

  async start(): Promise<void> {
    const consumer = this.kafka.createConsumer(this.groupId);
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [this.options.replyTopic], fromBeginning: false });
    await consumer.run({
      partitionsConsumedConcurrently: 8,
      eachMessage: (payload) => this.onReply(payload),
    });
    await this.warmUp();
  }

  async stop(): Promise<void> {
    for (const [correlationId, request] of this.pending) {
      clearTimeout(request.timer);
      request.reject(new ServiceUnavailableError('Das Gateway wird gerade beendet.'));
      this.pending.delete(correlationId);
    }
    await this.consumer?.disconnect();
    // The group is this instance's alone; remove it instead of leaving it for the broker to expire.
    await this.kafka
      .withAdmin((admin) => admin.deleteGroups([this.groupId]))
      .catch((error: unknown) =>
        this.logger.warn(`Could not delete consumer group ${this.groupId}: ${describe(error)}`),
      );
  }

  async send<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    payload: TRequest,
    options: SendOptions,
  ): Promise<TReply> {
    if (!this.warm)
      throw new ServiceUnavailableError(
        'Das Gateway ist noch nicht bereit. Bitte versuchen Sie es gleich erneut.',
      );
    const correlationId = options.correlationId ? `${options.correlationId}.${randomUUID()}` : randomUUID();
    const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs;
    const reply = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(
          new UpstreamTimeoutError(
            `Der Dienst „${pattern.service}“ hat nicht innerhalb von ${timeoutMs / 1000} Sekunden geantwortet. Bitte versuchen Sie es erneut.`,
          ),
        );
      }, timeoutMs);
      this.pending.set(correlationId, { resolve, reject, timer });
    });
    const sent = this.kafka
      .send(pattern.topic, [
        {
          key: options.partitionKey ?? options.idempotencyKey ?? correlationId,
          value: JSON.stringify(payload ?? {}),
          headers: {
            [RPC_HEADERS.pattern]: pattern.name,
            [RPC_HEADERS.correlationId]: correlationId,
            [RPC_HEADERS.replyTopic]: this.options.replyTopic,
            [RPC_HEADERS.identity]: JSON.stringify(options.identity),
            [RPC_HEADERS.deadline]: String(Date.now() + timeoutMs),
            ...(options.idempotencyKey ? { [RPC_HEADERS.idempotencyKey]: options.idempotencyKey } : {}),
          },
        },
      ])
      .catch((error: unknown) => {
        this.logger.error(`Could not send ${pattern.name}: ${describe(error)}`);
        throw new ServiceUnavailableError(
          'Die Nachrichtenvermittlung ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
        );
      });
    // The reply's timer also bounds a send that hangs while the broker is unreachable.
    try {
      await Promise.race([sent, reply]);
      return (await reply) as TReply;
    } finally {
      const request = this.pending.get(correlationId);
      if (request) {
        clearTimeout(request.timer);
        this.pending.delete(correlationId);
      }
    }
  }

  private async warmUp(): Promise<void> {
    const id = randomUUID();
    const arrived = new Promise<void>((resolve) => {
      this.probe = { id, arrived: resolve };
    });
    // A probe sent before the consumer has fixed its start offset may be skipped, so resend it.
    let delivered = false;
    void arrived.then(() => (delivered = true));
    while (!delivered) {
      await this.kafka.send(this.options.replyTopic, [
        { key: id, value: null, headers: { [RPC_HEADERS.probe]: id } },
      ]);
      await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, PROBE_RESEND_MS))]);
    }
    this.warm = true;
    this.logger.log(`Reply channel ready (group ${this.groupId})`);
  }

  private onReply({ message }: EachMessagePayload): Promise<void> {
    const probeId = headerText(message.headers, RPC_HEADERS.probe);
    if (probeId) {
      if (probeId === this.probe?.id) this.probe.arrived();
      return Promise.resolve();
    }
    const correlationId = headerText(message.headers, RPC_HEADERS.correlationId);
    const request = correlationId ? this.pending.get(correlationId) : undefined;
    // Replies to other instances, and late or duplicate replies, are not ours to handle.
    if (!correlationId || !request) return Promise.resolve();
    this.pending.delete(correlationId);
    clearTimeout(request.timer);
    try {
      const body = JSON.parse(message.value?.toString('utf8') ?? 'null') as {
        data?: unknown;
        problem?: unknown;
      };
      if (headerText(message.headers, RPC_HEADERS.outcome) === 'error' && isProblemDetails(body.problem)) {
        request.reject(new RemoteProblemError(body.problem));
      } else {
        request.resolve(body.data);
      }
    } catch (error) {
      request.reject(new Error(`Unreadable reply for ${correlationId}: ${describe(error)}`));
    }
    return Promise.resolve();
  }
}
