import { describe, KafkaSaslMechanism } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { TopicSpec } from '@ic/contracts';
import {
  Admin,
  CompressionTypes,
  Consumer,
  ConsumerConfig,
  ConsumerRunConfig,
  Kafka,
  logLevel,
  LogEntry,
  Message,
  Producer,
  SASLOptions,
} from 'kafkajs';
import { GroupSubscriptions, unwatchConsumerLag, watchConsumerLag } from './consumer-lag';
import { IDLE_FETCH_WAIT_MS, shortenFetchWaitWhilePaused } from './kafkajs-fetch-wait';
import { stopIdleRequestQueueTimers } from './kafkajs-idle-timers';
import { createReplicatedTopics, waitForLeaders } from './topic-creation';

stopIdleRequestQueueTimers();
shortenFetchWaitWhilePaused();

export interface KafkaConnectionOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly sessionTimeoutMs: number;
  /** TLS to the brokers: the system's CAs (true) or these PEM certificates. */
  readonly ssl?: true | { readonly ca: string };
  readonly sasl?: {
    readonly mechanism: KafkaSaslMechanism;
    readonly username: string;
    readonly password: string;
  };
}

export type OutgoingMessage = Message & { headers: Record<string, string> };

/** A send waiting for the producer. */
interface QueuedSend {
  readonly topic: string;
  readonly messages: OutgoingMessage[];
  readonly bytes: number;
  readonly sent: () => void;
  readonly failed: (error: unknown) => void;
}

/**
 * At most this many bytes per produce request made of several sends: the broker refuses a record
 * batch (all messages of one partition in one request) over 1 MB, and each send alone stays under
 * half of it (the outbox relay's bound).
 */
const MAX_MERGED_BYTES = 512 * 1024;

/**
 * Two known, harmless kafkajs 2.2.4 (unmaintained) notices, kept out of every process's output:
 * - TimeoutNegativeWarning: newer Node versions report a negative timer delay, which Node clamps to
 *   1 ms. The request queue's, which was not harmless, no longer happens (stopIdleRequestQueueTimers);
 *   kafkajs computes others from clocks (its retry and reconnect delays, tulios/kafkajs#1756).
 * - the v2 partitioner notice: all our producers use the same (default, murmur2) partitioner.
 * Every other process warning still reaches `report` (stderr by default).
 */
export function quietKnownKafkajsWarnings(
  report: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): void {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutNegativeWarning') return;
    report(`${warning.name}: ${warning.message}`);
  });
}

/**
 * The one place that knows kafkajs: a client, a shared idempotent producer (ordered per partition,
 * no duplicates from producer retries) and consumers created on demand.
 */
export class KafkaConnection {
  private readonly logger = new Logger(KafkaConnection.name);
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private readonly consumers = new Set<Consumer>();
  /** Each consumer group's topics, for the lag metric; a group leaves when the app disconnects it. */
  private readonly groups = new Map<string, Set<string>>();
  private readonly queued: QueuedSend[] = [];
  private sending = false;

  constructor(readonly options: KafkaConnectionOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      ...(options.ssl ? { ssl: options.ssl === true ? true : { ca: [options.ssl.ca] } } : {}),
      ...(options.sasl ? { sasl: saslOptions(options.sasl) } : {}),
      connectionTimeout: 3000,
      requestTimeout: 30000,
      retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry) => this.log(entry),
    });
    watchConsumerLag(this);
  }

  get subscriptions(): GroupSubscriptions {
    return this.groups;
  }

  /**
   * Sends the messages in order after everything sent before. The producer has one request in flight
   * (that keeps each partition in order), so the sends that wait meanwhile go out together as one
   * produce request: under load the broker takes tens of messages per request instead of one.
   */
  send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    return new Promise((sent, failed) => {
      this.queued.push({ topic, messages: [...messages], bytes: bytesOf(messages), sent, failed });
      if (!this.sending) void this.sendQueued();
    });
  }

  private async sendQueued(): Promise<void> {
    this.sending = true;
    while (this.queued.length > 0) {
      const sends = this.takeQueued();
      try {
        await this.produce(sends);
        sends.forEach((queued) => queued.sent());
      } catch (error) {
        if (sends.length === 1) {
          sends[0].failed(error);
          continue;
        }
        // One bad send (a message too large) must not fail the others merged with it. The broker may
        // have written their partitions all the same, while kafkajs counts no sequence number of a
        // failed request: the next send to those partitions would be refused as out of order. So a
        // new producer sends each alone; what was written already comes twice, which consumers absorb.
        await this.dropProducer();
        for (const queued of sends) await this.produce([queued]).then(queued.sent, queued.failed);
      }
    }
    this.sending = false;
  }

  private async produce(sends: readonly QueuedSend[]): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.sendBatch({
      topicMessages: sends.map(({ topic, messages }) => ({ topic, messages })),
      acks: -1,
      compression: CompressionTypes.None,
    });
  }

  /** The next sends of the queue, in order, up to MAX_MERGED_BYTES (at least one). */
  private takeQueued(): QueuedSend[] {
    let bytes = this.queued[0].bytes;
    let count = 1;
    while (count < this.queued.length && bytes + this.queued[count].bytes <= MAX_MERGED_BYTES) {
      bytes += this.queued[count].bytes;
      count++;
    }
    return this.queued.splice(0, count);
  }

  createConsumer(groupId: string, overrides: Partial<ConsumerConfig> = {}): Consumer {
    const consumer = this.kafka.consumer({
      groupId,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: Math.max(1000, Math.floor(this.options.sessionTimeoutMs / 5)),
      rebalanceTimeout: 60000,
      allowAutoTopicCreation: false,
      // Also how long a stop waits for the fetch in flight: kafkajs's 5 s kept a gateway's shutdown 7 s long.
      maxWaitTimeInMs: IDLE_FETCH_WAIT_MS,
      // A consumer retries against the group coordinator it knows; only a crash makes it look for a new
      // one. With a node of the cluster dead, ten retries of up to 10 s kept a request consumer deaf
      // for 40 s before its crash; about 14 s of retries, then the restart, find the new coordinator.
      retry: CONSUMER_RETRY,
      ...overrides,
    });
    this.consumers.add(consumer);
    this.restartAfterEveryCrash(consumer, groupId);
    this.trackSubscriptions(consumer, groupId);
    return consumer;
  }

  private trackSubscriptions(consumer: Consumer, groupId: string): void {
    const subscribe = consumer.subscribe.bind(consumer);
    const disconnect = consumer.disconnect.bind(consumer);
    consumer.subscribe = (subscription) => {
      const topics = 'topics' in subscription ? subscription.topics : [subscription.topic];
      const subscribed = this.groups.get(groupId) ?? new Set<string>();
      for (const topic of topics) if (typeof topic === 'string') subscribed.add(topic);
      this.groups.set(groupId, subscribed);
      return subscribe(subscription);
    };
    // kafkajs's own disconnect after a crash does not come through here: the group stays watched.
    consumer.disconnect = () => {
      this.groups.delete(groupId);
      return disconnect();
    };
  }

  /**
   * kafkajs starts a crashed consumer again only after an error it counts as retriable. While a broker
   * shuts down, a consumer can crash on others ("Failed to find group coordinator"): it would stay
   * stopped until the service is restarted. So such a consumer is run again, with its own settings,
   * until the app stops it.
   */
  private restartAfterEveryCrash(consumer: Consumer, groupId: string): void {
    const run = consumer.run.bind(consumer);
    let settings: ConsumerRunConfig | undefined;
    let restart: NodeJS.Timeout | undefined;
    consumer.run = (config) => {
      settings = config;
      return run(config);
    };
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.logger.error(
        `Consumer ${groupId} crashed: ${payload.error.message} (restart: ${payload.restart})`,
      );
      if (payload.restart || !settings) return;
      const again = settings;
      restart = setTimeout(() => {
        this.logger.warn(`Starting consumer ${groupId} again after a crash kafkajs does not restart`);
        run(again).catch((error: unknown) =>
          this.logger.error(`Consumer ${groupId} did not start again: ${describe(error)}`),
        );
      }, CONSUMER_RESTART_DELAY_MS);
    });
    // A crash disconnects before it is reported; a disconnect after it is the app's, which ends the consumer.
    consumer.on(consumer.events.DISCONNECT, () => clearTimeout(restart));
  }

  /**
   * Runs admin work on one long-lived admin client (readiness checks and status requests ping
   * often). After a failure the client is dropped, so the next call connects afresh.
   */
  async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = await this.connectedAdmin();
    try {
      return await work(admin);
    } catch (error) {
      this.admin = undefined;
      await admin.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }

  /**
   * Creates missing topics with their partitions and retention and returns their names once every
   * partition has a leader (several services may race to create them at boot). An existing topic
   * with another partition count is an error, not changed: that would move keys between partitions.
   */
  async ensureTopics(specs: readonly TopicSpec[]): Promise<{ created: string[] }> {
    return this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = specs.filter((spec) => !existing.has(spec.name));
      const created = missing.map((spec) => spec.name);
      if (missing.length > 0) await createReplicatedTopics(admin, missing, this.logger);
      await waitForLeaders(admin, specs, created);
      return { created };
    });
  }

  /** Confirms the broker answers; used by readiness checks. */
  async ping(): Promise<void> {
    await this.withAdmin(async (admin) => {
      await admin.describeCluster();
    });
  }

  async disconnect(): Promise<void> {
    unwatchConsumerLag(this);
    await Promise.allSettled([...this.consumers].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
    if (this.admin) {
      const admin = await this.admin.catch(() => undefined);
      this.admin = undefined;
      await admin?.disconnect();
    }
    await this.dropProducer();
  }

  private async dropProducer(): Promise<void> {
    if (!this.producer) return;
    const producer = await this.producer.catch(() => undefined);
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }

  private log(entry: LogEntry): void {
    const { message, ...extra } = entry.log;
    // Our producer is idempotent with bounded retries on purpose: a send must fail rather than
    // hang while the broker is down. Consumers are idempotent, so kafkajs's warning adds nothing.
    if (message.startsWith('Limiting retries for the idempotent producer')) return;
    const text = `[kafkajs:${entry.namespace}] ${message} ${JSON.stringify(extra)}`;
    if (entry.level === logLevel.ERROR) this.logger.error(text);
    else if (entry.level === logLevel.WARN) this.logger.warn(text);
    else this.logger.debug(text);
  }
}

const CONSUMER_RETRY = { initialRetryTime: 300, retries: 5, maxRetryTime: 5000 };

/** After a crash kafkajs does not restart: as long as its longest back-off. */
const CONSUMER_RESTART_DELAY_MS = CONSUMER_RETRY.maxRetryTime;

/** kafkajs types each mechanism apart. */
function saslOptions({
  mechanism,
  username,
  password,
}: NonNullable<KafkaConnectionOptions['sasl']>): SASLOptions {
  switch (mechanism) {
    case 'plain':
      return { mechanism, username, password };
    case 'scram-sha-256':
      return { mechanism, username, password };
    case 'scram-sha-512':
      return { mechanism, username, password };
  }
}

function bytesOf(messages: readonly OutgoingMessage[]): number {
  let bytes = 0;
  for (const { key, value, headers } of messages) {
    bytes += lengthOf(key) + lengthOf(value);
    for (const [name, header] of Object.entries(headers)) bytes += name.length + lengthOf(header);
  }
  return bytes;
}

function lengthOf(data: string | Buffer | null | undefined): number {
  if (data === null || data === undefined) return 0;
  return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
}
