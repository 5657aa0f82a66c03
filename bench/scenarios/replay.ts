import {
  allEventContracts,
  DomainTopics,
  eventSourceOf,
  GATEWAY_REPLY_TOPIC,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import {
  ContractRegistry,
  encodeCloudEvent,
  KafkaConnection,
  OutboxEventFactory,
  RpcClient,
  toCloudEvent,
} from '@ic/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { rebuildAnalytics } from '../../scripts/lib/analytics-rebuild';
import { waitlistedChange } from '../../test/support/registration-changes';

/** Made-up registrations per made-up event (one seat book's worth of a large event). */
const REGISTRATIONS_PER_EVENT = 1000;
/** Each event carries the event snapshot (about 2.5 kB); the broker takes at most 1 MB per batch. */
const SEND_BATCH = 200;
const CATCH_UP_POLL_MS = 2000;

export interface ReplayResult {
  /** Events on the domain topics that the rebuild replayed. */
  readonly events: number;
  readonly rebuildEventsPerSecond: number;
  readonly rebuildSeconds: number;
  /** The same topics read from the beginning by a bare kafkajs consumer. */
  readonly rawEventsPerSecond: number;
  readonly rawSeconds: number;
}

/**
 * Publishes `count` valid RegistrationWaitlisted events on ic.registrations.v1, the way the
 * registrations service's outbox does (checked against the contract, CloudEvents in binary mode,
 * keyed by event id): 1,000 waiting registrations for each of count/1,000 made-up events, each by
 * one of the run's real members, so analytics knows their pseudonyms. The made-up events'
 * snapshots say they are cancelled, so the notifications service sends no mail for them.
 */
export async function publishReplayEvents(
  kafka: KafkaConnection,
  count: number,
  memberIds: readonly string[],
): Promise<void> {
  const factory = new OutboxEventFactory(
    new ContractRegistry(allEventContracts),
    eventSourceOf('registrations'),
  );
  let batch: ReturnType<typeof encodeCloudEvent>[] = [];
  let eventId = randomUUID();
  for (let index = 0; index < count; index++) {
    if (index % REGISTRATIONS_PER_EVENT === 0) eventId = randomUUID();
    const waitingPlace = (index % REGISTRATIONS_PER_EVENT) + 1;
    const data = waitlistedChange({
      eventId,
      memberId: memberIds[index % memberIds.length],
      waitingPlace,
      registeredAt: new Date().toISOString(),
      event: {
        status: 'cancelled',
        cancellation: { reason: 'Benchmark: erfundene Veranstaltung', cancelledAt: new Date().toISOString() },
      },
    });
    batch.push(encodeCloudEvent(toCloudEvent(factory.create(RegistrationWaitlistedEvent, eventId, data))));
    if (batch.length === SEND_BATCH || index === count - 1) {
      await kafka.send(DomainTopics.registrations, batch);
      batch = [];
    }
  }
}

/**
 * Waits until every active consumer group reading `topics` has committed up to their end, so that
 * the services' live consumers do not compete with what is measured next.
 */
export async function waitUntilConsumed(
  kafka: KafkaConnection,
  topics: readonly string[],
  log: (line: string) => void,
  timeoutMs = 30 * 60 * 1000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let shown = '';
  for (;;) {
    const lagging = await kafka.withAdmin(async (admin) => {
      const ends = new Map<string, bigint>();
      for (const topic of topics) {
        for (const partition of await admin.fetchTopicOffsets(topic)) {
          ends.set(`${topic}/${partition.partition}`, BigInt(partition.high));
        }
      }
      const { groups } = await admin.describeGroups(
        (await admin.listGroups()).groups.map((group) => group.groupId),
      );
      const result: string[] = [];
      for (const group of groups.filter((candidate) => candidate.state === 'Stable')) {
        let lag = 0n;
        for (const { topic, partitions } of await admin.fetchOffsets({
          groupId: group.groupId,
          topics: [...topics],
        })) {
          for (const { partition, offset } of partitions) {
            if (Number(offset) < 0) continue;
            lag += (ends.get(`${topic}/${partition}`) ?? 0n) - BigInt(offset);
          }
        }
        if (lag > 0n) result.push(`${group.groupId} ${lag}`);
      }
      return result;
    });
    if (lagging.length === 0) return;
    if (Date.now() > deadline) throw new Error(`consumers still behind: ${lagging.join(', ')}`);
    const line = `waiting for the services' consumers to catch up: ${lagging.join(', ')}`;
    if (line !== shown) log(line);
    shown = line;
    await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS));
  }
}

/** The analytics rebuild over every domain topic, asked for and followed like `npm run analytics:rebuild`. */
export async function measureRebuild(kafka: KafkaConnection, log: (line: string) => void) {
  const instanceId = `bench-rebuild-${randomUUID().slice(0, 8)}`;
  const rpc = new RpcClient(kafka, { instanceId, replyTopic: GATEWAY_REPLY_TOPIC, defaultTimeoutMs: 30_000 });
  await rpc.start();
  try {
    return await rebuildAnalytics(rpc, {
      started: (line) => log(`replay: ${line}`),
      progress: (line) => log(`replay: ${line.trim()}`),
    });
  } finally {
    await rpc.stop();
  }
}

/**
 * Reads every domain topic from the beginning to its current end with a bare kafkajs consumer in a
 * group of its own (batches, no work per message): what the broker and the client library allow.
 */
export async function rawConsume(brokers: readonly string[]): Promise<{ events: number; seconds: number }> {
  const topics = Object.values(DomainTopics);
  const kafka = new Kafka({
    clientId: 'bench-raw-consume',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `bench-raw-consume-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  try {
    const remaining = new Map<string, number>();
    let total = 0;
    for (const topic of topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        const count = Number(high) - Number(low);
        if (count > 0) remaining.set(`${topic}/${partition}`, Number(high));
        total += count;
      }
    }
    let read = 0;
    // From the first batch: joining the group is not reading.
    let started: number | undefined;
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    if (remaining.size === 0) finished();
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 6,
      eachBatch: async ({ batch }) => {
        started ??= performance.now();
        const key = `${batch.topic}/${batch.partition}`;
        const end = remaining.get(key);
        if (end === undefined) return;
        for (const message of batch.messages) if (Number(message.offset) < end) read++;
        if (Number(batch.lastOffset()) + 1 >= end) {
          remaining.delete(key);
          if (remaining.size === 0) finished();
        }
        await Promise.resolve();
      },
    });
    await done;
    const seconds = (performance.now() - (started ?? performance.now())) / 1000;
    if (read !== total) throw new Error(`raw consume read ${read} of ${total} events`);
    return { events: total, seconds };
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
