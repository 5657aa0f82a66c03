import {
  kafkaClusterOnPorts,
  resolveInfraSettings,
  startLocalKafka,
  startLocalKafkaNode,
  waitForTopicsOnEveryNode,
  type InfraSettings,
  type LocalKafkaCluster,
} from '@ic/infra';
import { DomainTopics, platformTopicCatalog } from '@ic/contracts';
import { KafkaConnection } from '@ic/messaging';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformRunner, REPO_ROOT } from '../../scripts/lib/platform-runner';
import { E2eClient } from '../support/e2e-client';
import { E2E_PORT_BASE, e2ePlatform } from '../support/e2e-platform';
import { eventually, sleep } from '../support/eventually';
import { Registrant, RegistrationBurst, seconds, statusOf } from '../support/registration-burst';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

/**
 * Issue 17, item 5: the platform on a Kafka cluster of three nodes (the local infrastructure's
 * IC_KAFKA_NODES=3: replication factor 3, min.insync.replicas 2) loses a node, killed with SIGKILL in
 * the middle of a burst of registrations: the node that leads the lounge's partition of the
 * registration events. The node stays dead; no service is restarted. Afterwards every registration
 * the platform accepted (and every one a member sent again with its key after a refusal) is on the
 * participant list once, every member has one confirmation mail, sent once, and every service is
 * ready. Prints the burst's figures and the recovery time: from the kill to the first registration
 * sent after it that was accepted. Before all that, the topics are created while the third node is
 * away: the creation waits for it, and every topic gets three replicas all the same.
 *
 * The cluster is the test's own, on the six ports from IC_E2E_PORT_BASE + 20 (clear of the other
 * outage file's); the database and the mail sink are the shared test infrastructure's.
 */

/** Members registering in the burst; IC_E2E_BROKER_LOSS_BURST makes it smaller on a slow machine. */
const BURST = Number(process.env.IC_E2E_BROKER_LOSS_BURST ?? 24);
/** Registrations sent before the node is killed; the rest meet a cluster that lost it. */
const BEFORE_KILL = Math.ceil(BURST / 3);
/** Between two registrations of the burst, as people click. */
const BURST_SPACING_MS = 150;
/** A member whose registration was refused (503) sends it again this often, with the same key. */
const RETRY_SPACING_MS = 500;

const KAFKA_PORT = E2E_PORT_BASE + 20;

const run = uniqueSuffix();
const domain = `${run}.e2e-brokerverlust.example`;
const title = `Innovators Lounge ${run}: Kommunen im Verbund`;

interface Answered {
  /** The first answer. */
  readonly status: number | undefined;
  /** When the registration was accepted: at once, or after it was sent again. */
  readonly acceptedAt: number;
}

describe('The platform on a three-node Kafka cluster that loses a node', () => {
  let stateDir: string;
  let settings: InfraSettings;
  let cluster: LocalKafkaCluster;
  /** The cluster's nodes, the third one started again after the topics' creation waited for it. */
  let nodes: LocalKafkaCluster['nodes'][number][];
  let platform: PlatformRunner;
  let lounge: RegistrationBurst;
  let burst: Registrant[];
  let pids: number[];
  const retryAnswers = new Map<string, number>();

  beforeAll(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'broker-loss-'));
    settings = {
      ...resolveInfraSettings('test'),
      stateDir,
      kafka: [kafkaClusterOnPorts(KAFKA_PORT, 3, 'Kafka (broker loss)')],
    };
    cluster = await startLocalKafka(settings, () => undefined);
    nodes = [...cluster.nodes];
    // The topics are created while a node is away: they must wait for it rather than take two replicas.
    await nodes[2].stop();
    const kafka = connection();
    const topicsCreated = kafka.ensureTopics(platformTopicCatalog()).finally(() => kafka.disconnect());
    nodes[2] = await startLocalKafkaNode(settings, () => undefined, 0, 2);
    await topicsCreated;
    await waitForTopicsOnEveryNode(
      cluster.bootstrapServers,
      platformTopicCatalog().map((topic) => topic.name),
    );

    platform = e2ePlatform({
      databasePrefix: `brokerloss${run}`,
      logDir: join(REPO_ROOT, '.cache', 'logs', `broker-loss-${E2E_PORT_BASE}`),
      env: {
        KAFKA_BROKERS: cluster.bootstrapServers,
        // Every member asks for a sign-in link from this one address.
        SIGN_IN_LINK_REQUESTS_PER_IP: '10000',
      },
    });
    await platform.start();
    pids = platform.running().map((service) => service.pid);
    const client = new E2eClient(platform.gatewayUrl, testInfrastructure().mailSinkUrl);
    const staff = await client.staffLogin(0);
    lounge = await RegistrationBurst.openLounge(client, staff, {
      title,
      description: 'Was eine Kommune tut, wenn ein Rechner ausfällt.',
      topic: 'Kommunen im Verbund',
      capacity: 2 * BURST,
    });
    burst = await lounge.registrants(BURST, domain, 'Verbund');
  }, 600_000);

  afterAll(async () => {
    await platform?.stop();
    await Promise.all((nodes ?? []).map((node) => node.stop()));
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
  });

  it('keeps every topic on three nodes, each write on two at least, though one was away at their creation', async () => {
    const replication = await withAdmin(async (kafka) =>
      kafka.withAdmin((admin) =>
        admin.fetchTopicMetadata({ topics: platformTopicCatalog().map((topic) => topic.name) }),
      ),
    );
    const partitions = replication.topics.flatMap((topic) => topic.partitions);
    expect(partitions.length).toBeGreaterThan(0);
    expect(
      new Set(partitions.map((partition) => `${partition.replicas.length}/${partition.isr.length}`)),
    ).toEqual(new Set(['3/3']));
  });

  it('takes every registration once and sends one mail each after a node is killed mid-burst', async () => {
    await lounge.lookAtOwnRegistrations(burst);
    const before = await registrationEventOffsets();
    const answers: Promise<Answered>[] = [];
    let killedAt = 0;
    let killedNode = '';
    for (const [index, registrant] of burst.entries()) {
      if (index === BEFORE_KILL) {
        // The node that leads the partition the lounge's registration events go to: the outbox relay,
        // the notifications consumer and a third of the request partitions lose their leader at once.
        const leader = await leaderOfTheLoungesPartition(before);
        const node = nodes[leader - 1];
        process.kill(node.pid, 'SIGKILL');
        killedAt = Date.now();
        killedNode = `node ${leader} (${node.name}, pid ${node.pid})`;
      }
      answers.push(registerUntilAccepted(registrant));
      await sleep(BURST_SPACING_MS);
    }
    const answered = await Promise.all(answers);
    const refused = answered.filter((answer) => !isAccepted(answer.status));
    const acceptedAfterKill = answered.map((answer) => answer.acceptedAt).filter((at) => at >= killedAt);
    const firstAccepted = Math.min(...acceptedAfterKill);
    const allTakenAt = Math.max(...acceptedAfterKill);
    const tally = new Map<string, number>();
    for (const { status } of answered) tally.set(String(status), (tally.get(String(status)) ?? 0) + 1);
    const counted = (answers: Map<string, number>) =>
      [...answers].map(([status, count]) => `${count}× ${status}`).join(', ');
    process.stdout.write(
      `broker loss: ${BURST} registrations ${BURST_SPACING_MS} ms apart, ${killedNode} killed (SIGKILL) ` +
        `after ${BEFORE_KILL}; first answers ${counted(tally)}; ` +
        `${refused.length} sent again until taken (answers ${counted(retryAnswers)}); recovery (kill → next registration accepted) ` +
        `${seconds(firstAccepted - killedAt)}; every registration taken ${seconds(allTakenAt - killedAt)} after the kill\n`,
    );

    expect(burst.map(statusOf).every(isAccepted)).toBe(true);
    await lounge.expectEachRegisteredOnceWithOneMail(burst);
  });

  it('needed no service to restart, and every service is ready on the two nodes left', async () => {
    expect(platform.running().map((service) => service.pid)).toEqual(pids);
    for (const service of platform.running()) {
      await eventually(
        async () => {
          const ready = await fetch(`${service.url}/health/ready`);
          expect([service.name, ready.status]).toEqual([service.name, 200]);
        },
        30_000,
        1_000,
      );
    }
  });

  /**
   * Sends the registration; a member whose registration was refused sends it again, with its key, as
   * the portal does, until it is taken.
   */
  async function registerUntilAccepted(registrant: Registrant): Promise<Answered> {
    await lounge.register(registrant);
    const status = statusOf(registrant);
    const acceptedAt = isAccepted(status) ? Date.now() : await retryUntilAccepted(registrant);
    return { status, acceptedAt };
  }

  /** Returns when the registration was accepted (201, or 200: taken already under this key). */
  async function retryUntilAccepted(registrant: Registrant): Promise<number> {
    return eventually(
      async () => {
        await lounge.register(registrant);
        const status = String(statusOf(registrant));
        retryAnswers.set(status, (retryAnswers.get(status) ?? 0) + 1);
        expect([registrant.member.email, isAccepted(statusOf(registrant))]).toEqual([
          registrant.member.email,
          true,
        ]);
        return Date.now();
      },
      120_000,
      RETRY_SPACING_MS,
    );
  }

  async function registrationEventOffsets(): Promise<Map<number, string>> {
    return withAdmin(async (kafka) => {
      const offsets = await kafka.withAdmin((admin) => admin.fetchTopicOffsets(DomainTopics.registrations));
      return new Map(offsets.map(({ partition, offset }) => [partition, offset]));
    });
  }

  /** The partition that the first registrations' events went to, and its leader's node id. */
  async function leaderOfTheLoungesPartition(before: Map<number, string>): Promise<number> {
    const partition = await eventually(
      async () => {
        const moved = [...(await registrationEventOffsets())].find(
          ([index, offset]) => offset !== before.get(index),
        );
        if (moved === undefined) throw new Error('no registration event yet');
        return moved[0];
      },
      30_000,
      100,
    );
    const { topics } = await withAdmin((kafka) =>
      kafka.withAdmin((admin) => admin.fetchTopicMetadata({ topics: [DomainTopics.registrations] })),
    );
    const leader = topics[0].partitions.find((each) => each.partitionId === partition)?.leader;
    if (leader === undefined || leader < 1) throw new Error(`partition ${partition} has no leader`);
    return leader;
  }

  function connection(): KafkaConnection {
    return new KafkaConnection({
      clientId: `broker-loss-${run}`,
      brokers: cluster.bootstrapServers.split(','),
      sessionTimeoutMs: 10_000,
    });
  }

  async function withAdmin<T>(work: (kafka: KafkaConnection) => Promise<T>): Promise<T> {
    const kafka = connection();
    try {
      return await work(kafka);
    } finally {
      await kafka.disconnect();
    }
  }
});

function isAccepted(status: number | undefined): boolean {
  return status === 200 || status === 201;
}
