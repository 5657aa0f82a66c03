import { Logger } from '@nestjs/common';
import { contextOf, describe, inSpan, SpanKind, withCorrelationId } from '@ic/platform';
import { DeadLetterReason, DLT_HEADERS, REDELIVERY_HEADERS } from '@ic/contracts';
import { Consumer, EachMessagePayload, KafkaMessage } from 'kafkajs';
import { mongo } from 'mongoose';
import { CloudEvent, decodeCloudEvent, EnvelopeError, headerText, CE_HEADERS } from '../cloud-event';
import { ContractRegistry, ContractViolationError } from '../contract-registry';
import { KafkaConnection } from '../kafka-connection';
import { sendToDeadLetterTopic } from './dead-letter';
import { HandledEvents } from './handled-events';
import { isInfrastructureFailure } from './infrastructure-failure';
import { EventOrdering } from './event-ordering';
import { PartitionWorkers, PartitionWorkersOptions } from './partition-workers';

export interface EventDelivery {
  readonly event: CloudEvent;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly attempt: number;
  /** After this attempt a failure goes to the dead-letter topic; handlers can record it as final. */
  readonly isLastAttempt: boolean;
  /**
   * A dead letter of this group sent back by an operator after a fix: what the earlier handling
   * recorded as failed for good may be done now (what it did do stays done).
   */
  readonly isRedelivery: boolean;
}

export type EventDispatch = (delivery: EventDelivery) => Promise<void>;

export interface EventConsumerOptions {
  readonly groupId: string;
  readonly instanceId: string;
  readonly topics: readonly string[];
  /** Event types this consumer acts on; others on the same topics are skipped. */
  readonly handledTypes: ReadonlySet<string>;
  readonly dispatch: EventDispatch;
  readonly maxAttempts: number;
  readonly retryBackoffMs: number;
  /** See CONSUMER_CLAIM_LEASE_MS. */
  readonly claimLeaseMs: number;
  /** Without it, each partition is handled strictly in order. */
  readonly ordering?: { readonly by: EventOrdering; readonly parallelKeys: number };
  readonly fromBeginning: boolean;
}

export { DLT_HEADERS };
export type { DeadLetterReason };

/** A claim held by another live instance: wait for it rather than skip, so nothing is lost. */
class BusyElsewhereError extends Error {}

/**
 * Events of one partition accepted but not finished before the partition is paused: at least this
 * many, and enough to keep every parallel place busy until it is resumed (at half of it).
 */
const MIN_PENDING_PER_PARTITION = 100;
/** Parallel across partitions, in order within one: one slow handler holds up only its partition. */
/**
 * Consumes domain events effectively once: the claim is recorded before any side effect, a
 * failing handler is retried with backoff a bounded number of times, and then the message goes to
 * `<topic>.dlt` with the reason in headers. A message that cannot be parsed goes there at once.
 * The consumer always moves on; only an unreachable broker or database holds it (and then nothing
 * is committed, so nothing is lost).
 */
export class EventConsumer {
  private readonly logger: Logger;
  private consumer?: Consumer;
  private workers?: PartitionWorkers;
  private readonly handled: HandledEvents;
  private running = false;

  constructor(
    private readonly kafka: KafkaConnection,
    db: mongo.Db,
    private readonly registry: ContractRegistry,
    private readonly options: EventConsumerOptions,
  ) {
    this.logger = new Logger(`EventConsumer:${options.groupId}`);
    // The backoffs between attempts alone must never outlast the lease: 1, 4, 16 … times the base.
    const allBackoffsMs = (options.retryBackoffMs * (4 ** (options.maxAttempts - 1) - 1)) / 3;
    const leaseMs = Math.max(options.claimLeaseMs, 2 * allBackoffsMs);
    this.handled = new HandledEvents(db, options.groupId, options.instanceId, leaseMs);
  }

  get isRunning(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    const consumer = this.kafka.createConsumer(this.options.groupId);
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.running = true;
    });
    consumer.on(consumer.events.STOP, () => {
      this.running = false;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning });
    this.workers = new PartitionWorkers(
      consumer,
      {
        order: 'ordered',
        ...this.orderingOptions(),
        maxPendingPerPartition: Math.max(
          MIN_PENDING_PER_PARTITION,
          4 * (this.options.ordering?.parallelKeys ?? 1),
        ),
        retryDelayMs: Math.max(1000, this.options.retryBackoffMs),
        handle: (payload) => this.handle(payload),
      },
      this.options.groupId,
    );
    await this.workers.run();
  }

  private orderingOptions(): Pick<PartitionWorkersOptions, 'orderingKeyOf' | 'maxParallelPerPartition'> {
    const { ordering } = this.options;
    if (!ordering) return {};
    return {
      maxParallelPerPartition: ordering.parallelKeys,
      orderingKeyOf: ({ topic, message }) => {
        try {
          return ordering.by.keyOf(decodeCloudEvent(message), topic);
        } catch (error) {
          // handle() dead-letters what cannot be decoded; until then it keeps its place in line.
          if (error instanceof EnvelopeError) return undefined;
          throw error;
        }
      },
    };
  }

  async stop(): Promise<void> {
    await this.workers?.drain();
    await this.consumer?.disconnect();
    this.running = false;
  }

  private async handle(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    const redeliveredTo = headerText(message.headers, REDELIVERY_HEADERS.group);
    // Another group's dead letter: this group handled the original (or dead-lettered it itself).
    if (redeliveredTo !== undefined && redeliveredTo !== this.options.groupId) return;
    const isRedelivery = redeliveredTo !== undefined;
    let event: CloudEvent;
    try {
      event = decodeCloudEvent(message);
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      await this.deadLetter(topic, partition, message, 'unparseable', error.message, 0);
      return;
    }
    if (!this.options.handledTypes.has(event.type)) return;
    // Continues the trace of the action that caused the event (its distributed-tracing extension).
    await inSpan(
      `process ${topic}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextOf(event),
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': topic,
          'messaging.destination.partition.id': String(partition),
          'messaging.kafka.offset': Number(message.offset),
          'messaging.consumer.group.name': this.options.groupId,
          'messaging.message.id': event.id,
          'cloudevents.event_id': event.id,
          'cloudevents.event_type': event.type,
        },
      },
      () => withCorrelationId(event.correlationId, () => this.handleEvent(event, payload, isRedelivery)),
    );
  }

  private async handleEvent(
    event: CloudEvent,
    { topic, partition, message, heartbeat }: EachMessagePayload,
    isRedelivery: boolean,
  ): Promise<void> {
    try {
      this.registry.assertValid(event.type, event.data);
    } catch (error) {
      if (!(error instanceof ContractViolationError)) throw error;
      await this.deadLetter(topic, partition, message, 'contract-violation', error.message, 0);
      return;
    }

    const claim = await this.handled.claim(event.id, event.type, isRedelivery);
    if (claim === 'already-handled') {
      this.logger.debug(`Skipping ${event.type} ${event.id}: already handled`);
      return;
    }
    if (claim === 'busy-elsewhere') {
      // Thrown so that this partition retries the message later instead of committing past it.
      throw new BusyElsewhereError(`${event.id} is being handled by another instance`);
    }

    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.dispatch({
          event,
          topic,
          partition,
          offset: message.offset,
          attempt,
          isLastAttempt: attempt >= this.options.maxAttempts,
          isRedelivery,
        });
        await this.handled.finish(event.id, 'done');
        return;
      } catch (error) {
        // Not the event's fault: its partition waits and tries again (see PartitionWorkers), the
        // attempts are kept for failures of the handler itself.
        if (isInfrastructureFailure(error)) throw error;
        if (attempt >= this.options.maxAttempts) {
          this.logger.error(
            `${event.type} ${event.id} failed ${attempt} times, dead-lettering: ${describe(error)}`,
          );
          await this.deadLetter(topic, partition, message, 'handler-failed', describe(error), attempt);
          await this.handled.finish(event.id, 'dead-lettered');
          return;
        }
        const backoffMs = this.options.retryBackoffMs * 4 ** (attempt - 1);
        this.logger.warn(
          `${event.type} ${event.id} attempt ${attempt} failed, retrying in ${backoffMs} ms: ${describe(error)}`,
        );
        await sleepWithHeartbeat(backoffMs, heartbeat);
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: DeadLetterReason,
    error: string,
    attempts: number,
  ): Promise<void> {
    const eventId = headerText(message.headers, CE_HEADERS.id) ?? '(none)';
    this.logger.warn(
      `Dead-lettering message ${topic}/${partition}@${message.offset} (event ${eventId}): ${reason}: ${error}`,
    );
    await sendToDeadLetterTopic(this.kafka, {
      topic,
      partition,
      message,
      reason,
      error,
      attempts,
      group: this.options.groupId,
    });
  }
}

async function sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, until - Date.now())));
    await heartbeat();
  }
}
