import { CallerIdentity, EventContract, GATEWAY_REPLY_TOPIC, RequestPattern } from '@ic/contracts';
import { KafkaConnection, RpcClient } from '@ic/messaging';
import { RemoteProblemError } from '@ic/platform';
import mongoose, { mongo } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { ManagedProcess } from './child-process';
import { eventually } from './eventually';
import { freePort } from './free-port';
import { TopicReader } from './kafka-probe';
import { testInfrastructure, uniqueSuffix } from './test-infrastructure';

/** An event as an outside consumer reads it from a domain topic. */
export interface PublishedEvent {
  readonly id: string;
  readonly type: string;
  readonly key: string | undefined;
  readonly subject: string;
  /** When the service created the event (ce_time). */
  readonly time: string;
  readonly correlationId?: string;
  readonly data: Record<string, unknown>;
}

/**
 * A published event's data, typed by its contract: the service checked the data against the
 * contract's schema before publishing it. Throws for an event of another type.
 */
export function dataOf<T>(event: PublishedEvent, ...contracts: readonly EventContract<T>[]): T {
  if (!contracts.some((contract) => contract.type === event.type))
    throw new Error(`${event.type} is not one of ${contracts.map((contract) => contract.type).join(', ')}`);
  return event.data as T;
}

export interface ServiceUnderTestOptions {
  /** The service's folder under services/, e.g. `membership`. */
  readonly service: string;
  /** The domain topic the service publishes on, read from the beginning. */
  readonly topic: string;
  readonly database?: string;
  /** Variables every instance gets (secrets and the like). */
  readonly env?: Record<string, string>;
}

/**
 * A real service (from `dist/`, so `npm run build` first) as its own processes with a database of
 * its own, plus what a test needs around it: an RPC client on the gateway's reply topic, a reader
 * of the service's domain topic, and the database. Several instances can run on one database.
 */
export class ServiceUnderTest {
  readonly suffix = uniqueSuffix();
  readonly database: string;
  /** The running instances; a restart after stopService numbers them (and their instance ids) as before. */
  private instances: ManagedProcess[] = [];
  private kafka?: KafkaConnection;
  private client?: RpcClient;
  private reader?: TopicReader;
  private connection?: mongoose.Connection;

  constructor(private readonly options: ServiceUnderTestOptions) {
    this.database = options.database ?? `test_${options.service}_${this.suffix}`;
  }

  /** Starts an instance and waits until it is ready (its consumer groups joined); connects the test's clients once. */
  async start(extraEnv: Record<string, string> = {}): Promise<ManagedProcess> {
    const infra = testInfrastructure();
    const port = await freePort();
    const name = `${this.options.service}-${this.instances.length + 1}`;
    const instance = ManagedProcess.start(name, `services/${this.options.service}/src/main.js`, {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGODB_URI: infra.mongodbUri,
      MONGODB_DATABASE: this.database,
      HTTP_PORT: String(port),
      INSTANCE_ID: `${this.options.service}-test-${this.suffix}-${this.instances.length + 1}`,
      LOG_FORMAT: 'json',
      OUTBOX_SWEEP_INTERVAL_MS: '500',
      ...this.options.env,
      ...extraEnv,
    });
    this.instances.push(instance);
    await eventually(
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        if (!response.ok) throw new Error(`not ready: ${response.status}\n${instance.log.slice(-2000)}`);
      },
      90_000,
      250,
    );
    await this.connectClients();
    return instance;
  }

  private async connectClients(): Promise<void> {
    if (this.kafka) return;
    const infra = testInfrastructure();
    const clientId = `${this.options.service}-test-${this.suffix}`;
    this.kafka = new KafkaConnection({ clientId, brokers: infra.kafkaBrokers, sessionTimeoutMs: 6000 });
    this.client = new RpcClient(this.kafka, {
      instanceId: clientId,
      replyTopic: GATEWAY_REPLY_TOPIC,
      defaultTimeoutMs: 20_000,
    });
    await this.client.start();
    this.reader = new TopicReader(this.kafka, this.options.topic);
    await this.reader.start();
    this.connection = await mongoose
      .createConnection(infra.mongodbUri, { dbName: this.database })
      .asPromise();
  }

  /** Stops the service's instances only (the database and the test's clients stay). */
  async stopService(): Promise<void> {
    await Promise.all(this.instances.map((instance) => instance.stop()));
    this.instances = [];
  }

  async stop(): Promise<void> {
    await this.stopService();
    await this.reader?.stop();
    await this.client?.stop();
    await this.kafka?.disconnect();
    await this.connection?.close();
  }

  /** What the running instances printed so far. */
  get log(): string {
    return this.instances.map((instance) => instance.log).join('\n');
  }

  get db(): mongo.Db {
    if (!this.connection?.db) throw new Error('not started');
    return this.connection.db;
  }

  get connectionToKafka(): KafkaConnection {
    if (!this.kafka) throw new Error('not started');
    return this.kafka;
  }

  send<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    payload: TRequest,
    identity: CallerIdentity,
    idempotencyKey: string = randomUUID(),
    partitionKey?: string,
  ): Promise<TReply> {
    if (!this.client) throw new Error('not started');
    return this.client.send(pattern, payload, {
      identity,
      idempotencyKey,
      correlationId: `test-${this.suffix}`,
      ...(partitionKey ? { partitionKey } : {}),
    });
  }

  /** The problem a request fails with (status, detail, field errors); fails the test if it succeeds. */
  async problemOf<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    payload: TRequest,
    identity: CallerIdentity,
  ): Promise<RemoteProblemError['problem']> {
    const outcome = await this.send(pattern, payload, identity).then(
      (reply) => ({ reply }),
      (error: unknown) => ({ error }),
    );
    if ('reply' in outcome) throw new Error(`${pattern.name} succeeded: ${JSON.stringify(outcome.reply)}`);
    if (!(outcome.error instanceof RemoteProblemError)) throw outcome.error;
    return outcome.error.problem;
  }

  /** Everything published about these subjects (aggregate ids, the message keys), in order. */
  eventsOf(...subjects: string[]): PublishedEvent[] {
    const wanted = new Set(subjects);
    return this.allPublished().filter((event) => event.key !== undefined && wanted.has(event.key));
  }

  /**
   * Each event about these subjects once, by its id, as a consumer sees it. The relay publishes at
   * least once: with two instances, one's sweep can publish an event that the other's immediate
   * publish also sends before it records it (OutboxStore.unpublishedOf).
   */
  distinctEventsOf(...subjects: string[]): PublishedEvent[] {
    const seen = new Set<string>();
    return this.eventsOf(...subjects).filter((event) => {
      if (seen.has(event.id)) return false;
      seen.add(event.id);
      return true;
    });
  }

  /** Everything on the topic so far, also from earlier runs against the same broker. */
  allPublished(): PublishedEvent[] {
    // Other tests share the topic and put raw, non-CloudEvent messages on it (poison, tool checks).
    const cloudEvents = (this.reader?.received ?? []).filter(
      (message) => message.headers.ce_type !== undefined,
    );
    return cloudEvents.map((message) => ({
      id: message.headers.ce_id,
      type: message.headers.ce_type,
      key: message.key,
      subject: message.headers.ce_subject,
      time: message.headers.ce_time,
      ...(message.headers.ce_correlationid ? { correlationId: message.headers.ce_correlationid } : {}),
      data: JSON.parse(message.value ?? 'null') as Record<string, unknown>,
    }));
  }

  /** Waits until the subject's events include these types (in this order among them). */
  async published(subject: string, types: readonly string[], timeoutMs = 20_000): Promise<PublishedEvent[]> {
    return eventually(() => {
      const events = this.eventsOf(subject);
      const seen = events.map((event) => event.type);
      let position = 0;
      for (const type of seen) if (type === types[position]) position++;
      if (position < types.length) {
        throw new Error(
          `expected ${types.join(', ')} for ${subject}, published so far: ${seen.join(', ') || 'nothing'}`,
        );
      }
      return events;
    }, timeoutMs);
  }
}
