import { deadLetterTopicOf, RequestHandlingService, requestTopicOf } from '@ic/contracts';
import {
  contextOf,
  DEPENDENCY_UNAVAILABLE,
  describe,
  inSpan,
  InvalidInputError,
  isProblemDetails,
  NotFoundError,
  ProblemDetails,
  ServiceUnavailableError,
  Span,
  SpanKind,
  toProblem,
  withCorrelationId,
} from '@ic/platform';
import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Consumer, EachMessagePayload, KafkaMessage } from 'kafkajs';
import { mongo } from 'mongoose';
import { lastValueFrom } from 'rxjs';
import { deadLetteredMessages } from '../consumer/dead-letter';
import { EventConsumer, EventConsumerOptions, EventDelivery } from '../consumer/event-consumer';
import { isInfrastructureFailure } from '../consumer/infrastructure-failure';
import { PartitionWorkers } from '../consumer/partition-workers';
import { ContractRegistry } from '../contract-registry';
import { KafkaConnection } from '../kafka-connection';
import { KafkaEventContext } from './event-context';
import { KafkaRequestContext } from './request-context';
import { RequestIdempotency, StoredReply } from './request-idempotency';
import {
  MalformedRequestError,
  readRequestEnvelope,
  RequestEnvelope,
  RPC_HEADERS,
  traceHeaders,
} from './rpc-headers';

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

/** Recording a request's outcome is tried for up to two minutes while the database is away. */
const REMEMBER_RETRY_MS = 1000;
const REMEMBER_ATTEMPTS = 120;

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

  private get requestGroupId(): string {
    return this.options.requestGroupId ?? `${this.options.service}.requests`;
  }

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
    const consumer = this.kafka.createConsumer(this.requestGroupId);
    this.requestConsumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.requestsJoined = true;
    });
    // A crash stops it until it has joined again: not ready meanwhile.
    consumer.on(consumer.events.STOP, () => {
      this.requestsJoined = false;
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
      deadLetteredMessages.inc({ topic, reason: 'unparseable', group: this.requestGroupId });
      return;
    }
    if (Date.now() > envelope.deadline) {
      this.logger.warn(
        `Skipping ${envelope.pattern} [${envelope.correlationId}]: the caller gave up before it arrived`,
      );
      return;
    }
    await inSpan(
      envelope.pattern,
      {
        kind: SpanKind.SERVER,
        parent: contextOf(envelope),
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': topic,
          'messaging.destination.partition.id': String(partition),
          'rpc.method': envelope.pattern,
          'ic.correlation_id': envelope.correlationId,
        },
      },
      (span) => withCorrelationId(envelope.correlationId, () => this.answerAndReply(envelope, message, span)),
    );
  }

  private async answerAndReply(envelope: RequestEnvelope, message: KafkaMessage, span: Span): Promise<void> {
    const reply = await this.answer(envelope, message.value);
    if (!reply) return;
    span.setAttribute('ic.outcome', reply.outcome);
    if (reply.outcome === 'error') span.setAttribute('http.response.status_code', reply.problem.status);
    await this.kafka.send(envelope.replyTopic, [
      {
        key: envelope.correlationId,
        value: JSON.stringify(
          reply.outcome === 'ok' ? { data: reply.data ?? null } : { problem: reply.problem },
        ),
        headers: {
          [RPC_HEADERS.correlationId]: envelope.correlationId,
          [RPC_HEADERS.outcome]: reply.outcome,
          ...traceHeaders(),
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
        if (!isInfrastructureFailure(error)) {
          this.logger.error(
            `${envelope.pattern} [${envelope.correlationId}]: its idempotency record failed: ${describe(error)}`,
          );
          return failure(toProblem(error, envelope.correlationId));
        }
        this.logger.warn(`${envelope.pattern} [${envelope.correlationId}] refused: ${describe(error)}`);
        return failure(new ServiceUnavailableError(DEPENDENCY_UNAVAILABLE).toProblem(envelope.correlationId));
      }
    }

    const reply = await this.invoke(handler, payload, envelope);
    if (key) void this.remember(scope, key, reply);
    return reply;
  }

  /**
   * Records the outcome for retries with the same key: the reply, or, for a server-side failure,
   * nothing, so that the retry runs again. The reply goes out meanwhile: the caller must not wait
   * for a database that has just gone away, and a retry that comes first waits for the record.
   * While the database is away the record is tried again; a record left "in progress" would hold
   * every retry of the request until it counts as abandoned (two minutes).
   */
  private async remember(scope: string, key: string, reply: StoredReply): Promise<void> {
    const record = () =>
      reply.outcome === 'error' && reply.problem.status >= 500
        ? this.idempotency.abandon(scope, key)
        : this.idempotency.complete(scope, key, reply);
    for (let attempt = 1; ; attempt++) {
      try {
        await record();
        return;
      } catch (error) {
        if (!isInfrastructureFailure(error) || attempt === REMEMBER_ATTEMPTS) {
          this.logger.error(`Could not record the outcome of request ${scope}|${key}: ${describe(error)}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, REMEMBER_RETRY_MS));
      }
    }
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
