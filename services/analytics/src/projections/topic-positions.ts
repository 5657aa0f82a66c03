import { DomainTopics } from '@ic/contracts';
import { KafkaConnection } from '@ic/messaging';
import { Injectable } from '@nestjs/common';
import { CommittedOffsets, PartitionRange, partitionKey } from './progress';

const DOMAIN_TOPICS: readonly string[] = Object.values(DomainTopics);

/** Where the domain topics begin and end, and how far a consumer group has read them (Kafka's admin API). */
@Injectable()
export class TopicPositions {
  constructor(private readonly kafka: KafkaConnection) {}

  async ranges(): Promise<PartitionRange[]> {
    return this.kafka.withAdmin(async (admin) => {
      const ranges: PartitionRange[] = [];
      for (const topic of DOMAIN_TOPICS) {
        for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
          ranges.push({ topic, partition, from: Number(low), to: Number(high) });
        }
      }
      return ranges.sort((a, b) =>
        a.topic === b.topic
          ? a.partition - b.partition
          : DOMAIN_TOPICS.indexOf(a.topic) - DOMAIN_TOPICS.indexOf(b.topic),
      );
    });
  }

  async committed(groupId: string): Promise<CommittedOffsets> {
    return this.kafka.withAdmin(async (admin) => {
      const committed = new Map<string, number>();
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: [...DOMAIN_TOPICS] })) {
        for (const { partition, offset } of partitions) {
          if (Number(offset) >= 0) committed.set(partitionKey(topic, partition), Number(offset));
        }
      }
      return committed;
    });
  }

  /** Removes the consumer groups of the database's old generations; a group still in use stays. */
  async deleteGroups(groupIds: readonly string[]): Promise<void> {
    if (groupIds.length === 0) return;
    await this.kafka.withAdmin((admin) => admin.deleteGroups([...groupIds]));
  }

  async groupIds(): Promise<string[]> {
    return this.kafka.withAdmin(async (admin) =>
      (await admin.listGroups()).groups.map((group) => group.groupId),
    );
  }
}
