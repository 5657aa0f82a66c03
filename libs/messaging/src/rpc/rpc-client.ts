import { CallerIdentity, RequestPattern } from '@ic/contracts';
import {
  describe,
  inSpan,
  LATENCY_BUCKETS,
  metricsRegistry,
  RemoteProblemError,
  ServiceUnavailableError,
  SpanKind,
  UpstreamTimeoutError,
} from '@ic/platform';
import { isProblemDetails } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { Consumer, EachMessagePayload } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Histogram } from 'prom-client';
import { headerText } from '../cloud-event';
import { KafkaConnection } from '../kafka-connection';
import { RPC_HEADERS, traceHeaders } from './rpc-headers';

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
  /** Taken by the broker: from then on only a reply, its timeout or a lost channel ends the wait. */
  handedOff: boolean;
}

const PROBE_RESEND_MS = 500;

/**
 * How long the broker may take to accept a request (the gateway's usual timeout). It takes one in
 * milliseconds, also under load; while it is unreachable the producer keeps retrying for half a
 * minute, and a registration (30 s) would wait all that time only to end in a 504. After this the
 * answer is a 503 that says the service was never reached.
 */
const HAND_OFF_TIMEOUT_MS = 5000;

const BROKER_UNREACHABLE =
  'Die Nachrichtenvermittlung ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.';

/**
 * The reply channel broke while requests waited: the service may have acted on them. The retry with
 * the same Idempotency-Key (the portal sends one with every write) acts at most once.
 */
const REPLY_CHANNEL_LOST =
  'Die Verbindung zu den Diensten ist unterbrochen; ob Ihre Anfrage noch ausgeführt wurde, ist nicht sicher. ' +
  'Bitte versuchen Sie es in einer Minute erneut: Eine wiederholte Anfrage wird nur einmal ausgeführt.';

export const requestReplyDuration = new Histogram({
  name: 'ic_gateway_request_duration_seconds',
  help:
    "The gateway's requests to the services over Kafka until the reply, by request topic, operation " +
    'and outcome (ok; error: the service answered with a problem; timeout; unavailable: not sent)',
  labelNames: ['topic', 'operation', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export type RequestOutcome = 'ok' | 'error' | 'timeout' | 'unavailable';

/** How a failed request ended, from what it threw. */
export function outcomeOf(error: unknown): Exclude<RequestOutcome, 'ok'> {
  if (error instanceof RemoteProblemError) return 'error';
  if (error instanceof UpstreamTimeoutError) return 'timeout';
  return error instanceof ServiceUnavailableError ? 'unavailable' : 'error';
}

/** The reply consumer gives up (and kafkajs starts it again) after a few seconds without a broker. */
const REPLY_CONSUMER_RETRY = { initialRetryTime: 300, retries: 3, maxRetryTime: 2000 };

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
  /** Set while the reply consumer, warm before, has crashed and not yet joined its group again. */
  private lost = false;
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
    const consumer = this.kafka.createConsumer(this.groupId, { retry: REPLY_CONSUMER_RETRY });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, () => this.replyChannelLost());
    // Restarted after a crash, the group reads on from its committed offsets: no reply is missed.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      if (this.lost) this.replyChannelBack();
    });
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

  /** Sends the request in a span of its own, from the send to the reply, whose context it carries. */
  send<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    payload: TRequest,
    options: SendOptions,
  ): Promise<TReply> {
    return inSpan(
      pattern.name,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': pattern.topic,
          'rpc.method': pattern.name,
          // The HTTP request's: an operator finds its trace by the id an answer or a log line shows.
          ...(options.correlationId ? { 'ic.correlation_id': options.correlationId } : {}),
        },
      },
      () => this.sendAndAwaitReply(pattern, payload, options),
    );
  }

  private async sendAndAwaitReply<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    payload: TRequest,
    options: SendOptions,
  ): Promise<TReply> {
    const stop = requestReplyDuration.startTimer({ topic: pattern.topic, operation: pattern.name });
    try {
      const reply = await this.request(pattern, payload, options);
      stop({ outcome: 'ok' });
      return reply;
    } catch (error) {
      stop({ outcome: outcomeOf(error) });
      throw error;
    }
  }

  private async request<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    payload: TRequest,
    options: SendOptions,
  ): Promise<TReply> {
    if (!this.warm)
      throw new ServiceUnavailableError(
        // Lost, the channel waits for the broker: the request would not even be sent.
        this.lost
          ? BROKER_UNREACHABLE
          : 'Das Gateway ist noch nicht bereit. Bitte versuchen Sie es gleich erneut.',
      );
    const correlationId = options.correlationId ? `${options.correlationId}.${randomUUID()}` : randomUUID();
    const timeoutMs = options.timeoutMs ?? pattern.timeoutMs ?? this.options.defaultTimeoutMs;
    const reply = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(
          new UpstreamTimeoutError(
            `Der Dienst „${pattern.service}“ hat nicht innerhalb von ${timeoutMs / 1000} Sekunden geantwortet. Bitte versuchen Sie es erneut.`,
          ),
        );
      }, timeoutMs);
      this.pending.set(correlationId, { resolve, reject, timer, handedOff: false });
    });
    const sent = withinHandOffTime(
      this.kafka.send(pattern.topic, [
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
            ...traceHeaders(),
          },
        },
      ]),
      Math.min(timeoutMs, HAND_OFF_TIMEOUT_MS),
    ).then(
      () => {
        const request = this.pending.get(correlationId);
        if (request) request.handedOff = true;
      },
      (error: unknown) => {
        this.logger.error(`Could not send ${pattern.name}: ${describe(error)}`);
        this.refuseHandedOff(`the broker did not take ${pattern.name}`);
        throw new ServiceUnavailableError(BROKER_UNREACHABLE);
      },
    );
    // Should the reply's timer win the race, a failed send is no unhandled rejection.
    sent.catch(() => undefined);
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

  private replyChannelLost(): void {
    if (!this.warm) return;
    this.warm = false;
    this.lost = true;
    this.logger.error(
      `Reply channel lost (group ${this.groupId}); refusing ${this.pending.size} waiting and all new requests until it is back`,
    );
    this.refuse(this.pending.keys());
  }

  /**
   * A broker that does not take a request cannot bring the replies to those it took before either:
   * their services' replies fail to be sent, and the reply consumer only crashes seconds later. So
   * they are refused now, not after that crash or their own timeout (a registration's 30 s).
   */
  private refuseHandedOff(reason: string): void {
    const waiting = [...this.pending].filter(([, request]) => request.handedOff).map(([id]) => id);
    if (waiting.length === 0) return;
    this.logger.error(`Refusing ${waiting.length} requests that wait for their replies: ${reason}`);
    this.refuse(waiting);
  }

  private refuse(correlationIds: Iterable<string>): void {
    for (const correlationId of [...correlationIds]) {
      const request = this.pending.get(correlationId);
      if (!request) continue;
      clearTimeout(request.timer);
      request.reject(new ServiceUnavailableError(REPLY_CHANNEL_LOST));
      this.pending.delete(correlationId);
    }
  }

  private replyChannelBack(): void {
    this.lost = false;
    this.warm = true;
    this.logger.log(`Reply channel back (group ${this.groupId})`);
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

/** The send, or a failure once the broker has not taken it within `timeoutMs`. */
function withinHandOffTime(send: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the broker did not take the request within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([send, late]).finally(() => clearTimeout(timer));
}
