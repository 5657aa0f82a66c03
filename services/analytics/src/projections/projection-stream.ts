import { DeadLetterReason, DomainTopics, REDELIVERY_HEADERS } from '@ic/contracts';
import {
  CheckedEventReader,
  CloudEvent,
  ContractRegistry,
  ContractViolationError,
  EnvelopeError,
  headerText,
  KafkaConnection,
  sendToDeadLetterTopic,
} from '@ic/messaging';
import { describe } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { partitionKey, PartitionsAtEnd } from './progress';
import { Projections } from './projections';
import { ProjectionFailure, TopicProjector } from './topic-projector';

/** Partitions whose batches one instance works on at once (the projections of different partitions are different documents). */
const PARTITIONS_AT_ONCE = 4;
/**
 * What one fetch takes of a partition: kafkajs's 1 MB is about 400 events of a replay, and every
 * batch ends in a write of the documents it changed and a commit. With 4 MB a club event's document
 * of a thousand registrations is written about once instead of three times as it grows (measured in
 * bench/README.md, the replay). A live stream fetches what is new, far less.
 */
const FETCH_BYTES_PER_PARTITION = 4 * 1024 * 1024;
const FETCH_BYTES = PARTITIONS_AT_ONCE * FETCH_BYTES_PER_PARTITION;
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 10_000;

interface Rejected {
  readonly message: KafkaMessage;
  readonly reason: DeadLetterReason;
  readonly error: string;
}

/**
 * Reads every domain topic from the beginning in the consumer group of one generation and folds
 * the events into its projections, a batch of one partition at a time: decoded, checked against
 * the contracts, projected, stored, and only then committed. The projections are exact under
 * redelivery because every fold is idempotent (see the projectors), so no handled-event claims
 * are needed; a batch whose store fails (database away) is retried until it is stored.
 *
 * kafkajs hands a partition to another member only after the batch in hand is finished, so each
 * projection document has one writer at a time; the documents kept in memory are dropped at every
 * rebalance.
 */
export class ProjectionStream {
  private readonly logger: Logger;
  private consumer?: Consumer;
  private joined = false;
  /** Per partition since the last join: whether this worker read it from its first message on. */
  private readonly readFromStart = new Map<string, boolean>();
  /** Registrations events carry their club event's snapshot, the same one for a whole run of them. */
  private readonly reader: CheckedEventReader;
  private readonly partitionsAtEnd = new PartitionsAtEnd();

  /** `readToEnd`: called when a committed batch has brought every partition seen so far to its end. */
  constructor(
    private readonly kafka: KafkaConnection,
    registry: ContractRegistry,
    readonly projections: Projections,
    private readonly readToEnd: () => void = () => undefined,
  ) {
    this.logger = new Logger(`ProjectionStream:g${projections.generation.number}`);
    this.reader = new CheckedEventReader(registry, 'event');
  }

  /** Whether the consumer has joined its group (the readiness of the current generation). */
  get isJoined(): boolean {
    return this.joined;
  }

  async start(): Promise<void> {
    const consumer = this.kafka.createConsumer(this.projections.generation.groupId, {
      maxBytesPerPartition: FETCH_BYTES_PER_PARTITION,
      maxBytes: FETCH_BYTES,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
      this.readFromStart.clear();
      this.partitionsAtEnd.clear();
      this.projections.forgetCached();
    });
    consumer.on(consumer.events.STOP, () => {
      this.joined = false;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: Object.values(DomainTopics), fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: PARTITIONS_AT_ONCE,
      eachBatch: (payload) => this.handle(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.joined = false;
  }

  private async handle(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat } = payload;
    if (batch.isEmpty()) return;
    const { topic, partition } = batch;
    const projector = this.projections.projectorOf(topic);
    const accepted: { event: CloudEvent; message: KafkaMessage }[] = [];
    const rejected: Rejected[] = [];
    // A topic no figure is made of yet (ic.notifications.v1) is only counted, not decoded and checked
    // event by event for nothing; its own consumers dead-letter what is wrong on it.
    for (const message of projector ? batch.messages : []) {
      const outcome = this.read(message);
      if (outcome === undefined) continue;
      if ('reason' in outcome) rejected.push(outcome);
      else accepted.push({ event: outcome, message });
    }

    const key = partitionKey(topic, partition);
    if (!this.readFromStart.has(key)) this.readFromStart.set(key, batch.firstOffset() === '0');
    const events = accepted.map(({ event }) => event);
    const failures = projector ? await this.projectUntilStored(projector, events, key, payload) : [];
    if (failures === undefined) return;
    for (const { event, error } of failures) {
      const message = accepted.find((candidate) => candidate.event === event)?.message;
      if (message) rejected.push({ message, reason: 'handler-failed', error: describe(error) });
    }
    for (const { message, reason, error } of rejected) {
      this.logger.warn(`Dead-lettering ${topic}/${partition}@${message.offset}: ${reason}: ${error}`);
      await sendToDeadLetterTopic(this.kafka, {
        topic,
        partition,
        message,
        reason,
        error,
        attempts: reason === 'handler-failed' ? 1 : 0,
        group: this.projections.generation.groupId,
      });
    }

    const last = batch.lastOffset();
    resolveOffset(last);
    await this.consumer?.commitOffsets([{ topic, partition, offset: (BigInt(last) + 1n).toString() }]);
    if (this.partitionsAtEnd.committed(key, BigInt(batch.offsetLag()))) this.readToEnd();
    await heartbeat();
  }

  /** Projects the batch, retrying while the database fails; undefined when the batch is no longer ours. */
  private async projectUntilStored(
    projector: TopicProjector,
    events: readonly CloudEvent[],
    partitionKey: string,
    { batch, heartbeat, isRunning, isStale }: EachBatchPayload,
  ): Promise<ProjectionFailure[] | undefined> {
    for (let attempt = 1; ; attempt++) {
      if (!isRunning() || isStale()) return undefined;
      try {
        return await projector.project(events, {
          readFromStart: this.readFromStart.get(partitionKey) === true,
        });
      } catch (error) {
        // What was held in memory is gone with the failed write: read the documents again.
        for (const key of this.readFromStart.keys()) this.readFromStart.set(key, false);
        const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1));
        this.logger.warn(
          `Storing ${batch.topic}/${batch.partition} failed, retrying in ${delay} ms: ${describe(error)}`,
        );
        projector.forgetCached();
        await sleepWithHeartbeat(delay, heartbeat);
      }
    }
  }

  /** The event, or why the message is refused; undefined for an event type these contracts do not know (a newer one). */
  private read(message: KafkaMessage): CloudEvent | Rejected | undefined {
    // A dead letter an operator sent back for another group: this generation projected the original.
    const redeliveredTo = headerText(message.headers, REDELIVERY_HEADERS.group);
    if (redeliveredTo !== undefined && redeliveredTo !== this.projections.generation.groupId)
      return undefined;
    try {
      return this.reader.read(message);
    } catch (error) {
      if (error instanceof EnvelopeError) return { message, reason: 'unparseable', error: error.message };
      if (error instanceof ContractViolationError)
        return { message, reason: 'contract-violation', error: error.message };
      throw error;
    }
  }
}

async function sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, until - Date.now())));
    await heartbeat();
  }
}
