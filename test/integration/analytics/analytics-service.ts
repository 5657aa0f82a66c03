import {
  AnalyticsRequests,
  AnalyticsStatusReply,
  CallerIdentity,
  DomainTopics,
  EventDetailFiguresReply,
  EventFiguresReply,
  MembershipFiguresReply,
  ParticipationReply,
  platformTopicCatalog,
  readersOf,
  WorkingGroupSizeReply,
} from '@ic/contracts';
import { KafkaConnection } from '@ic/messaging';
import { Generation } from '../../../services/analytics/src/projections/generation';
import { ManagedProcess } from '../../support/child-process';
import { eventually } from '../../support/eventually';
import { moveGroupToTopicEnds } from '../../support/kafka-probe';
import { ServiceUnderTest } from '../../support/service-under-test';
import { testInfrastructure } from '../../support/test-infrastructure';
import { ClubStream } from './club-stream';

export const STAFF: CallerIdentity = { subject: 'staff-analytics-test', roles: ['staff'] };

/** What analytics says about one produced stream: everything the office can ask about it. */
export interface StreamFigures {
  readonly overview: EventFiguresReply[];
  readonly events: Record<string, EventDetailFiguresReply>;
  readonly participation: Record<string, ParticipationReply>;
  readonly membership: MembershipFiguresReply;
  readonly workingGroups: WorkingGroupSizeReply[];
}

/** The real analytics service (from dist/) with a database of its own, and the test's ways to ask it. */
export class AnalyticsUnderTest {
  // The service publishes nothing; the reader of the harness takes the smallest domain topic.
  readonly service = new ServiceUnderTest({ service: 'analytics', topic: DomainTopics.notifications });
  readonly kafka = new KafkaConnection({
    clientId: `analytics-test-${this.service.suffix}`,
    brokers: testInfrastructure().kafkaBrokers,
    sessionTimeoutMs: 6000,
  });

  /** Creates the topics (on a fresh broker nothing has yet) and puts the stream, or half of it, on them. */
  async publish(stream: ClubStream, half?: 0 | 1): Promise<void> {
    await this.kafka.ensureTopics(platformTopicCatalog());
    await stream.sendTo(this.kafka, half);
  }

  start(): Promise<ManagedProcess> {
    return this.service.start();
  }

  async stop(): Promise<void> {
    await this.service.stop();
    await this.moveOtherReadersPastTheStream();
    await this.deleteOwnGroups();
    await this.kafka.disconnect();
  }

  /** The consumer groups of this test's generations go with its database. */
  private async deleteOwnGroups(): Promise<void> {
    const own = Generation.groupPattern(this.service.database);
    await this.kafka.withAdmin(async (admin) => {
      const groupIds = (await admin.listGroups()).groups
        .map((group) => group.groupId)
        .filter((id) => own.test(id));
      if (groupIds.length > 0) await admin.deleteGroups(groupIds);
    });
  }

  /**
   * The other services read the domain topics in consumer groups shared by every run on this
   * broker, and their harnesses move those groups to the end before they start. A later end-to-end
   * platform, though, starts where the groups stand: it would mail thousands of this test's
   * made-up members (whose sealed tokens open with no key). So the groups are moved past the
   * stream here, as far as no instance is in them.
   */
  private async moveOtherReadersPastTheStream(): Promise<void> {
    await this.kafka.withAdmin(async (admin) => {
      for (const topic of Object.values(DomainTopics)) {
        for (const service of readersOf(topic).filter((reader) => reader !== 'analytics')) {
          const groupId = `${service}.events`;
          const { groups } = await admin.describeGroups([groupId]);
          if (!['Empty', 'Dead'].includes(groups[0]?.state ?? 'Dead')) continue;
          await moveGroupToTopicEnds(admin, groupId, [topic]);
        }
      }
    });
  }

  status(): Promise<AnalyticsStatusReply> {
    return this.service.send(AnalyticsRequests.status, {}, STAFF);
  }

  /** Messages on the domain topics the current generation has not committed yet, asked of Kafka itself. */
  async unread(generation: number): Promise<number> {
    const groupId = new Generation(generation, this.service.database).groupId;
    return this.kafka.withAdmin(async (admin) => {
      let unread = 0;
      for (const topic of Object.values(DomainTopics)) {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        for (const { partition, high, low } of ends) {
          const offset = Number(committed.partitions.find((p) => p.partition === partition)?.offset ?? -1);
          unread += Number(high) - Math.max(offset, Number(low));
        }
      }
      return unread;
    });
  }

  /** Waits until the current generation has read every domain topic to its present end. */
  async caughtUp(timeoutMs = 180_000): Promise<AnalyticsStatusReply> {
    return eventually(
      async () => {
        const status = await this.status();
        const behind = status.topics.filter((topic) => topic.read < topic.total);
        if (behind.length > 0) throw new Error(`still reading: ${JSON.stringify(behind)}`);
        return status;
      },
      timeoutMs,
      250,
    );
  }

  /** The events overview, as far as it is about the stream's events: one request, for reading often. */
  async overviewOf(stream: ClubStream): Promise<EventFiguresReply[]> {
    const ids = new Set(stream.events.map((event) => event.snapshot.eventId));
    const { items } = await this.service.send(AnalyticsRequests.events, {}, STAFF);
    return items.filter((item) => ids.has(item.eventId));
  }

  async figuresOf(stream: ClubStream): Promise<StreamFigures> {
    const events: Record<string, EventDetailFiguresReply> = {};
    const participation: Record<string, ParticipationReply> = {};
    for (const { snapshot } of stream.events) {
      const { eventId } = snapshot;
      events[eventId] = await this.service.send(
        AnalyticsRequests.event,
        { eventId, granularity: 'day' },
        STAFF,
      );
      participation[eventId] = await this.service.send(AnalyticsRequests.participation, { eventId }, STAFF);
    }
    const membership = await this.service.send(
      AnalyticsRequests.membership,
      { from: `${stream.year - 1}-12`, to: `${stream.year}-12` },
      STAFF,
    );
    const groups = new Set(stream.workingGroups.map((group) => group.id));
    const { items } = await this.service.send(AnalyticsRequests.workingGroups, {}, STAFF);
    return {
      overview: await this.overviewOf(stream),
      events,
      participation,
      membership,
      workingGroups: items.filter((group) => groups.has(group.workingGroupId)),
    };
  }
}
