import { execFileSync } from 'node:child_process';
import { platformTopicCatalog } from '@ic/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { mongo } from 'mongoose';
import { createTransport } from 'nodemailer';
import type { StoredMessage } from './mail-sink/mail-store';
import { provideInfrastructure, type Infrastructure } from './provide-infrastructure';
import { resolveInfraSettings } from './settings';

/** Command lines of running processes that belong to the test profile's local run. */
function processesOfTestProfile(): string[] {
  const { stateDir } = resolveInfraSettings('test');
  return execFileSync('ps', ['-A', '-ww', '-o', 'stat=', '-o', 'args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(stateDir) && !line.trim().startsWith('Z'));
}

describe(provideInfrastructure.name, () => {
  let sut: Infrastructure;
  const progress: string[] = [];
  // Under `npm test` the run's own infrastructure holds the profile; only what this test starts counts.
  let runningBefore: string[] = [];

  beforeAll(async () => {
    runningBefore = processesOfTestProfile();
    sut = await provideInfrastructure({ profile: 'test', log: (line) => progress.push(line) });
  }, 300_000);

  afterAll(async () => {
    await sut?.stop();
  }, 60_000);

  const kafka = () =>
    new Kafka({ clientId: 'infra-spec', brokers: sut.kafkaBrokers, logLevel: logLevel.NOTHING });

  it('reports where it got the servers from and when it was ready', () => {
    expect(['env', 'testcontainers', 'local']).toContain(sut.source);
    expect(progress.at(-1)).toMatch(/^\[infra\] ready in \d+\.\d s/);
  });

  it('creates every catalog topic with its partitions', async () => {
    const admin = kafka().admin();
    await admin.connect();
    const { topics } = await admin.fetchTopicMetadata({
      topics: platformTopicCatalog().map((spec) => spec.name),
    });
    await admin.disconnect();

    const partitions = Object.fromEntries(topics.map((topic) => [topic.name, topic.partitions.length]));
    expect(partitions).toEqual(
      Object.fromEntries(platformTopicCatalog().map((spec) => [spec.name, spec.partitions])),
    );
  });

  it('carries a message from a producer to a consumer on a catalog topic', async () => {
    const topic = platformTopicCatalog()[0].name;
    const value = `hello ${Date.now()}`;
    const consumer = kafka().consumer({ groupId: `infra-spec-${Date.now()}` });
    await consumer.connect();
    // From the beginning: a new group's "latest" offset is only fixed at its first fetch, after the send.
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise<string>((resolve) => {
      void consumer.run({
        eachMessage: ({ message }) => {
          if (message.value?.toString() === value) resolve(value);
          return Promise.resolve();
        },
      });
    });

    const producer = kafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'member-1', value }] });
    await producer.disconnect();

    await expect(received).resolves.toBe(value);
    await consumer.disconnect();
  }, 60_000);

  it('does not create a topic when a producer writes to an unknown one', async () => {
    const topic = `ic.no-such-topic.${Date.now()}`;
    const producer = kafka().producer({ retry: { retries: 2, initialRetryTime: 100 } });
    await producer.connect();

    await expect(producer.send({ topic, messages: [{ value: 'lost' }] })).rejects.toThrow(
      'This server does not host this topic-partition',
    );
    await producer.disconnect();

    const admin = kafka().admin();
    await admin.connect();
    expect(await admin.listTopics()).not.toContain(topic);
    await admin.disconnect();
  }, 30_000);

  it('stores and finds a document', async () => {
    const client = new mongo.MongoClient(sut.mongodbUri);
    const members = client.db('infra_spec').collection<{ _id: string; name: string }>('members');
    await members.deleteMany({});

    await members.insertOne({ _id: 'member-1', name: 'Ada' });

    expect(await members.findOne({ _id: 'member-1' })).toEqual({ _id: 'member-1', name: 'Ada' });
    await client.close();
  });

  it('accepts mail that the sink then shows', async () => {
    const to = `ada-${Date.now()}@members.example`;
    await createTransport({ ...sut.smtp, secure: false, ignoreTLS: true }).sendMail({
      from: 'office@innovators.example',
      to,
      subject: 'Einladung',
      text: 'Hallo Ada',
    });

    const messages = (await (
      await fetch(`${sut.mailSinkUrl}/api/messages?to=${to}`)
    ).json()) as StoredMessage[];

    expect(messages.map((message) => message.subject)).toEqual(['Einladung']);
  });

  it('leaves no process behind when stopped', async () => {
    await sut.stop();

    expect(processesOfTestProfile()).toEqual(runningBefore);
  }, 60_000);
});
