import { buildAsyncApiDocument, readersOf, ServiceName, ServiceNames } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { testInfrastructure } from '../support/test-infrastructure';
import { domainTopicNames, RawMessage, StreamConformance } from './stream-conformance';
import { CONFORMANCE_POSITIONS_VARIABLE, recordedClusters, sinceRecordedPositions } from './stream-positions';

/**
 * Runs after the end-to-end and browser tests, against the Kafka clusters they used (scripts/test.ts
 * runs this project as the step after them and names the clusters in the positions file; run by hand,
 * KAFKA_BROKERS): every message the services and tests produced on a domain topic, read from the
 * beginning by a plain kafkajs consumer, must match the published AsyncAPI document.
 */
const READ_TIMEOUT_MS = 120_000;

const sut = new StreamConformance(buildAsyncApiDocument({ version: 'conformance' }), domainTopicNames());
const positionsFile = process.env[CONFORMANCE_POSITIONS_VARIABLE];
const clusters = recordedClusters(positionsFile) ?? [testInfrastructure().kafkaBrokers.join(',')];
/** The messages to check, each with the cluster it was read from. */
const messages: (RawMessage & { cluster: string })[] = [];
const readers: { service: ServiceName; topic: string; group: string }[] = [];

beforeAll(async () => {
  for (const cluster of clusters) {
    const kafka = new Kafka({
      clientId: 'stream-conformance',
      brokers: cluster.split(','),
      logLevel: logLevel.NOTHING,
    });
    const read = await readFromTheBeginning(kafka, sut.eventTopics);
    messages.push(
      ...sinceRecordedPositions(read, cluster, positionsFile).map((message) => ({ ...message, cluster })),
    );
    const admin = kafka.admin();
    await admin.connect();
    try {
      readers.push(...(await serviceGroupsReading(admin, sut.eventTopics)));
    } finally {
      await admin.disconnect();
    }
  }
});

afterAll(() => process.stderr.write(summary()));

describe('the streams after the end-to-end and browser tests', () => {
  it('hold events to check', () => {
    expect(messages.length).toBeGreaterThan(0);
  });

  it.each(sut.eventTopics)(
    'every message on %s is a CloudEvent with correct headers whose data satisfies its published schema',
    (topic) => {
      const offending = messages
        .filter((message) => message.topic === topic)
        .map((message) => ({
          at: `${message.cluster} ${topic}/${message.partition}@${message.offset}`,
          problems: sut.problemsOf(message),
        }))
        .filter(({ problems }) => problems.length > 0)
        .map(({ at, problems }) => `${at}: ${problems.join('; ')}`);

      expect(offending).toEqual([]);
    },
  );

  it('are read only by the services the AsyncAPI document names as readers', () => {
    const undeclared = readers
      .filter(({ service, topic }) => !readersOf(topic).includes(service))
      .map(
        ({ service, topic, group }) =>
          `${service} reads ${topic} (group ${group}) but the AsyncAPI document does not say so: ` +
          'add it in libs/contracts/src/asyncapi/stream-readers.ts',
      );

    expect(undeclared).toEqual([]);
  });
});

/** Every message on the cluster's topics up to their current end, in a throwaway consumer group. */
async function readFromTheBeginning(kafka: Kafka, topics: readonly string[]): Promise<RawMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) ends.set(`${topic}/${partition}`, BigInt(high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const read: RawMessage[] = [];
  if (ends.size === 0) return read;
  const groupId = `conformance-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`Not read to the end within ${READ_TIMEOUT_MS} ms: ${[...ends.keys()].join(', ')}`),
          ),
        READ_TIMEOUT_MS,
      );
      void consumer.run({
        eachMessage: ({ topic, partition, message }) => {
          read.push({ topic, partition, ...message });
          const position = `${topic}/${partition}`;
          if (BigInt(message.offset) + 1n >= (ends.get(position) ?? 0n)) ends.delete(position);
          if (ends.size === 0) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
    await deleteGroup(kafka, groupId);
  }
  return read;
}

async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } finally {
    await admin.disconnect();
  }
}

/** The consumer groups of our services (named `<service>.…`) that have read a domain topic. */
async function serviceGroupsReading(admin: Admin, topics: readonly string[]) {
  const { groups } = await admin.listGroups();
  const found: { service: ServiceName; topic: string; group: string }[] = [];
  for (const { groupId } of groups) {
    const service = ServiceNames.find((name) => groupId.startsWith(`${name}.`));
    if (!service) continue;
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: [...topics] })) {
      if (partitions.some(({ offset }) => Number(offset) >= 0))
        found.push({ service, topic, group: groupId });
    }
  }
  return found;
}

function summary(): string {
  const byType = new Map<string, number>();
  for (const message of messages) {
    const type = message.headers?.ce_type?.toString() ?? '(no ce_type)';
    byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  const lines = [...byType]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, count]) => `  ${String(count).padStart(6)}  ${type}`);
  const readerLines = sut.eventTopics.map((topic) => {
    const seen = [
      ...new Set(readers.filter((reader) => reader.topic === topic).map((reader) => reader.service)),
    ];
    const unseen = readersOf(topic).filter((service) => !seen.includes(service));
    return `  ${topic}: read by ${seen.join(', ') || 'nobody'}${unseen.length ? `; named but not seen: ${unseen.join(', ')}` : ''}`;
  });
  return [
    `\nStream conformance: ${messages.length} messages on ${sut.eventTopics.length} domain topics of ${clusters.join(' and ')}`,
    ...lines,
    ...readerLines,
    '',
  ].join('\n');
}
