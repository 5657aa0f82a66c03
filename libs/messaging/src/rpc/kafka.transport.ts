import { deadLetterTopicOf, RequestHandlingService, requestTopicOf } from '@ic/contracts';
import { InvalidInputError, isProblemDetails, NotFoundError, ProblemDetails, toProblem } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Consumer, EachMessagePayload } from 'kafkajs';
import { mongo } from 'mongoose';
import { lastValueFrom } from 'rxjs';
import { EventConsumer, EventConsumerOptions, EventDelivery } from '../consumer/event-consumer';
import { PartitionWorkers } from '../consumer/partition-workers';
import { ContractRegistry } from '../contract-registry';
import { KafkaConnection } from '../kafka-connection';
import { IDLE_FETCH_WAIT_MS } from '../kafkajs-fetch-wait';
import { describe } from '../describe-error';
import { KafkaEventContext } from './event-context';
import { KafkaRequestContext } from './request-context';
import { RequestIdempotency, StoredReply } from './request-idempotency';
import { MalformedRequestError, readRequestEnvelope, RequestEnvelope, RPC_HEADERS } from './rpc-headers';

export interface KafkaTransportOptions {
  readonly service: RequestHandlingService;
  readonly instanceId: string;
  readonly maxAttempts: number;
  readonly retryBackoffMs: number;
  readonly claimLeaseMs: number;
  readonly eventOrdering?: EventConsumerOptions['ordering'];
  /** Defaults: `ic.<service>.requests`, groups `<service>.requests` and `<service>.events`. */
  readonly requestTopic?: string;
  readonly requestGroupId?: string;
  readonly eventGroupId?: string;
}

/** Requests one instance handles at once per partition before it pauses that partition. */
const MAX_PENDING_REQUESTS_PER_PARTITION = 64;

/**
 * The NestJS transport of every service: `@MessagePattern` handlers answer the gateway's requests
 * from `ic.<service>.requests`, `@EventPattern` handlers consume domain events effectively once.
 *
 * Requests and events use separate consumer groups. Requests are handled concurrently (their
 * order does not matter); events in order per partition; either way a slow handler holds up
 * neither other partitions nor the other group.
 */
export class KafkaTransport extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(KafkaTransport.name);
  private requestConsumer?: Consumer;
  private requestWorkers?: PartitionWorkers;
  private eventConsumer?: EventConsumer;
  private readonly idempotency: RequestIdempotency;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly db: mongo.Db,
    private readonly registry: ContractRegistry,
    private readonly options: KafkaTransportOptions,
  ) {
    super();
    this.idempotency = new RequestIdempotency(db);
  }

  /** True once the request consumer (and the event consumer, if any) has joined its group. */
  get consumersJoined(): boolean {
    return this.requestsJoined && (this.eventConsumer?.isRunning ?? true);
  }

  private requestsJoined = false;

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.startRequestConsumer();
      await this.startEventConsumer();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([
      this.requestWorkers?.drain().then(() => this.requestConsumer?.disconnect()),
      this.eventConsumer?.stop(),
    ]);
  }

  on(): never {
    throw new Error('KafkaTransport emits no events to listen to');
  }

  unwrap<T>(): T {
    return this.kafka as T;
  }

  private handlersOf(kind: 'request' | 'event'): Map<string, MessageHandler> {
    return new Map(
      [...this.getHandlers()].filter(([, handler]) => handler.isEventHandler === (kind === 'event')),
    );
  }

  private async startRequestConsumer(): Promise<void> {
    const topic = this.options.requestTopic ?? requestTopicOf(this.options.service);
    const consumer = this.kafka.createConsumer(
      this.options.requestGroupId ?? `${this.options.service}.requests`,
      { maxWaitTimeInMs: IDLE_FETCH_WAIT_MS },
    );
    this.requestConsumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.requestsJoined = true;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    this.requestWorkers = new PartitionWorkers(
      consumer,
      {
        order: 'concurrent',
        maxPendingPerPartition: MAX_PENDING_REQUESTS_PER_PARTITION,
        retryDelayMs: 1000,
        handle: (payload) => this.handleRequest(payload),
      },
      topic,
    );
    await this.requestWorkers.run();
  }

  private async startEventConsumer(): Promise<void> {
    const handlers = this.handlersOf('event');
    if (handlers.size === 0) return;
    const topics = this.registry.topicsOf(handlers.keys());
    this.eventConsumer = new EventConsumer(this.kafka, this.db, this.registry, {
      groupId: this.options.eventGroupId ?? `${this.options.service}.events`,
      instanceId: this.options.instanceId,
      topics,
      handledTypes: new Set(handlers.keys()),
      fromBeginning: true,
      maxAttempts: this.options.maxAttempts,
      retryBackoffMs: this.options.retryBackoffMs,
      claimLeaseMs: this.options.claimLeaseMs,
      ...(this.options.eventOrdering ? { ordering: this.options.eventOrdering } : {}),
      dispatch: (delivery) => this.dispatchEvent(delivery),
    });
    await this.eventConsumer.start();
  }

  private async dispatchEvent(delivery: EventDelivery): Promise<void> {
    const handler = this.getHandlerByPattern(delivery.event.type);
    if (!handler) return;
    const context = new KafkaEventContext([delivery]);
    try {
      await lastValueFrom(this.transformToObservable(await handler(delivery.event.data, context)), {
        defaultValue: undefined,
      });
    } catch (error) {
      // The exception filter hands back problem details; keep them readable in logs and the DLT.
      if (isProblemDetails(error)) throw new Error(`${error.title}: ${error.detail ?? ''}`);
      throw error;
    }
  }

  private async handleRequest({ topic, partition, message }: EachMessagePayload): Promise<void> {
    let envelope: RequestEnvelope;
    try {
      envelope = readRequestEnvelope(message.headers);
    } catch (error) {
      if (!(error instanceof MalformedRequestError)) throw error;
      this.logger.warn(`Malformed request ${topic}/${partition}@${message.offset}: ${error.message}`);
      await this.kafka.send(deadLetterTopicOf(topic), [
        {
          key: message.key,
          value: message.value,
          headers: { dlt_reason: 'unparseable', dlt_error: error.message },
        },
      ]);
      return;
    }
    if (Date.now() > envelope.deadline) {
      this.logger.warn(
        `Skipping ${envelope.pattern} [${envelope.correlationId}]: the caller gave up before it arrived`,
      );
      return;
    }
    const reply = await this.answer(envelope, message.value);
    if (!reply) return;
    await this.kafka.send(envelope.replyTopic, [
      {
        key: envelope.correlationId,
        value: JSON.stringify(
          reply.outcome === 'ok' ? { data: reply.data ?? null } : { problem: reply.problem },
        ),
        headers: {
          [RPC_HEADERS.correlationId]: envelope.correlationId,
          [RPC_HEADERS.outcome]: reply.outcome,
        },
      },
    ]);
  }

  /** The reply to send, or undefined when the caller has given up meanwhile. */
  private async answer(envelope: RequestEnvelope, body: Buffer | null): Promise<StoredReply | undefined> {
    const failure = (problem: ProblemDetails): StoredReply => ({ outcome: 'error', problem });
    const handler = this.handlersOf('request').get(envelope.pattern);
    if (!handler) {
      return failure(
        new NotFoundError(
          `Der Dienst ${this.options.service} kennt die Anfrage ${envelope.pattern} nicht.`,
        ).toProblem(envelope.correlationId),
      );
    }
    let payload: unknown;
    try {
      payload = body && body.length > 0 ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return failure(
        new InvalidInputError('Der Inhalt der Anfrage ist kein gültiges JSON.').toProblem(
          envelope.correlationId,
        ),
      );
    }

    const scope = `${envelope.identity.subject}|${envelope.pattern}`;
    const key = envelope.idempotencyKey;
    if (key) {
      try {
        const earlier = await this.idempotency.begin(scope, key, payload, envelope.deadline);
        if (earlier === 'caller-gone') return undefined;
        if (earlier) return earlier;
      } catch (error) {
        return failure(toProblem(error, envelope.correlationId));
      }
    }

    const reply = await this.invoke(handler, payload, envelope);
    if (key) {
      if (reply.outcome === 'error' && reply.problem.status >= 500)
        await this.idempotency.abandon(scope, key);
      else await this.idempotency.complete(scope, key, reply);
    }
    return reply;
  }

  private async invoke(
    handler: MessageHandler,
    payload: unknown,
    envelope: RequestEnvelope,
  ): Promise<StoredReply> {
    const context = new KafkaRequestContext([
      envelope.identity,
      envelope.correlationId,
      envelope.idempotencyKey,
    ]);
    try {
      const result$ = this.transformToObservable(await handler(payload, context));
      return { outcome: 'ok', data: await lastValueFrom(result$, { defaultValue: null }) };
    } catch (error) {
      if (isProblemDetails(error)) return { outcome: 'error', problem: error };
      this.logger.error(`${envelope.pattern} failed [${envelope.correlationId}]: ${describe(error)}`);
      return { outcome: 'error', problem: toProblem(error, envelope.correlationId) };
    }
  }
}
