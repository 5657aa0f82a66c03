import { RequestPattern } from '@ic/contracts';
import { KafkaConnection, RpcClient } from '@ic/messaging';
import { RemoteProblemError, UpstreamTimeoutError } from '@ic/platform';
import { Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { ManagedProcess } from '../../support/child-process';
import { sleep } from '../../support/eventually';
import { testTopic } from '../../support/kafka-probe';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';

interface EchoReply {
  echo: { sequence: number };
  instance: string;
  executions: number;
  caller: string;
}

const PARTITIONS = 6;
const identity = { subject: 'staff-1', roles: ['staff'] as const };

/**
 * Request/reply over Kafka with several gateway instances (clients) and several service
 * instances, while instances join; plus idempotency, isolation of a slow handler and timeouts.
 */
describe(RpcClient.name, () => {
  const infra = testInfrastructure();
  const suffix = uniqueSuffix();
  const requestTopic = `test.rpc.${suffix}.requests`;
  const replyTopic = `ic.test-${suffix}.replies`;
  const echo = { service: 'membership', name: 'test.echo', topic: requestTopic } as RequestPattern<
    { sequence: number },
    EchoReply
  >;
  const slow = { service: 'membership', name: 'test.slow', topic: requestTopic } as RequestPattern<
    { ms: number },
    { slept: number }
  >;
  const services: ManagedProcess[] = [];
  const clients: { client: RpcClient; kafka: KafkaConnection }[] = [];
  const admin = new KafkaConnection({
    clientId: 'rpc-test-admin',
    brokers: infra.kafkaBrokers,
    sessionTimeoutMs: 6000,
  });

  async function startService(instance: string): Promise<ManagedProcess> {
    const service = ManagedProcess.start(`echo ${instance}`, 'test/fixtures/echo-service.js', {
      FIXTURE_INSTANCE: instance,
      FIXTURE_TOPIC: requestTopic,
      FIXTURE_GROUP: `echo-${suffix}`,
      FIXTURE_DATABASE: `test_rpc_${suffix}`,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGODB_URI: infra.mongodbUri,
    });
    services.push(service);
    await service.waitForOutput(/READY/, 60_000);
    return service;
  }

  async function startClient(instanceId: string, defaultTimeoutMs = 20_000): Promise<RpcClient> {
    const kafka = new KafkaConnection({
      clientId: instanceId,
      brokers: infra.kafkaBrokers,
      sessionTimeoutMs: 6000,
    });
    const client = new RpcClient(kafka, { instanceId, replyTopic, defaultTimeoutMs });
    clients.push({ client, kafka });
    await client.start();
    return client;
  }

  beforeAll(async () => {
    await admin.ensureTopics([
      testTopic(requestTopic, PARTITIONS),
      testTopic(`${requestTopic}.dlt`, 1),
      testTopic(replyTopic, PARTITIONS),
    ]);
  });

  afterAll(async () => {
    await Promise.all(
      clients.map(async ({ client, kafka }) => {
        await client.stop();
        await kafka.disconnect();
      }),
    );
    await Promise.all(services.map((service) => service.stop()));
    await admin.disconnect();
  });

  it('answers every request correctly through two gateways while a second service instance and a third gateway join', async () => {
    await startService('service-a');
    const gateways = [await startClient(`gateway-a-${suffix}`), await startClient(`gateway-b-${suffix}`)];
    const calls: Promise<EchoReply>[] = [];
    const sent: number[] = [];
    let joining: Promise<unknown> | undefined;

    for (let sequence = 1; sequence <= 240; sequence++) {
      if (sequence === 60) joining = startService('service-b');
      if (sequence === 120) void startClient(`gateway-c-${suffix}`).then((client) => gateways.push(client));
      const gateway = gateways[sequence % gateways.length];
      sent.push(sequence);
      calls.push(gateway.send(echo, { sequence }, { identity, idempotencyKey: randomUUID() }));
      await sleep(40);
    }
    await joining;
    const replies = await Promise.all(calls);

    expect(replies.map((reply) => reply.echo.sequence)).toEqual(sent);
    expect(replies.every((reply) => reply.caller === 'staff-1')).toBe(true);
    // The second instance really took over partitions: it answered some of the later requests.
    expect(new Set(replies.slice(-60).map((reply) => reply.instance))).toEqual(
      new Set(['service-a', 'service-b']),
    );
  });

  it('acts once on a retried request with the same idempotency key and returns the first reply again', async () => {
    const gateway = await startClient(`gateway-idem-${suffix}`);
    const key = randomUUID();
    const first = await gateway.send(echo, { sequence: 7 }, { identity, idempotencyKey: key });
    const retried = await gateway.send(echo, { sequence: 7 }, { identity, idempotencyKey: key });
    expect(retried).toEqual(first);

    await expect(
      gateway.send(echo, { sequence: 8 }, { identity, idempotencyKey: key }),
    ).rejects.toMatchObject({
      problem: { status: 422 },
    });
  });

  it('keeps answering requests on other partitions while one handler is slow', async () => {
    const gateway = await startClient(`gateway-slow-${suffix}`);
    const partitionOf = keyPartitioner(requestTopic);
    const slowKey = randomUUID();
    const fastKeys = Array.from({ length: 40 }, () => randomUUID())
      .filter((key) => partitionOf(key) !== partitionOf(slowKey))
      .slice(0, 10);

    const started = Date.now();
    const slowCall = gateway.send(slow, { ms: 6000 }, { identity, idempotencyKey: slowKey });
    await sleep(200);
    const fastLatencies = await Promise.all(
      fastKeys.map(async (key, index) => {
        const callStarted = Date.now();
        await gateway.send(echo, { sequence: index }, { identity, idempotencyKey: key });
        return Date.now() - callStarted;
      }),
    );
    expect(Math.max(...fastLatencies)).toBeLessThan(3000);
    await expect(slowCall).resolves.toEqual({ slept: 6000, instance: expect.any(String) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(6000);
  });

  it('gives up with a timeout error when no service answers', async () => {
    const gateway = await startClient(`gateway-timeout-${suffix}`, 1500);
    const nobody = `test.rpc.${suffix}.nobody`;
    await admin.ensureTopics([testTopic(nobody, 1)]);
    const unanswered = { service: 'membership', name: 'test.echo', topic: nobody } as RequestPattern<
      object,
      object
    >;

    await expect(gateway.send(unanswered, {}, { identity })).rejects.toBeInstanceOf(UpstreamTimeoutError);
  });

  it('waits for a request that is slow on purpose as long as its pattern says, beyond the usual wait', async () => {
    const gateway = await startClient(`gateway-patient-${suffix}`, 1500);
    const slowOnPurpose: RequestPattern<{ ms: number }, { slept: number }> = { ...slow, timeoutMs: 10_000 };

    await expect(gateway.send(slowOnPurpose, { ms: 2500 }, { identity })).resolves.toMatchObject({
      slept: 2500,
    });
    await expect(gateway.send(slow, { ms: 2500 }, { identity })).rejects.toBeInstanceOf(UpstreamTimeoutError);
  });

  it('reports an unknown pattern as a 404 problem from the service', async () => {
    const gateway = await startClient(`gateway-unknown-${suffix}`);
    const unknown = { service: 'membership', name: 'test.unknown', topic: requestTopic } as RequestPattern<
      object,
      object
    >;
    const failure = gateway.send(unknown, {}, { identity });
    await expect(failure).rejects.toBeInstanceOf(RemoteProblemError);
    await expect(failure).rejects.toMatchObject({ problem: { status: 404 } });
  });
});

/** The partition the default partitioner picks for a key, so the test can aim at other partitions. */
function keyPartitioner(topic: string): (key: string) => number {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: PARTITIONS }, (_, partitionId) => ({
    partitionId,
    leader: 1,
    replicas: [1],
    isr: [1],
    partitionErrorCode: 0,
    offlineReplicas: [],
  }));
  return (key) => partitioner({ topic, partitionMetadata, message: { key, value: null } });
}
