import { TopicSpec } from '@ic/contracts';
import { headerText, KafkaConnection } from '@ic/messaging';
import { randomUUID } from 'node:crypto';
import { Admin, Consumer, KafkaMessage } from 'kafkajs';

export interface ReadMessage {
  readonly key: string | undefined;
  readonly value: string | undefined;
  readonly headers: Record<string, string>;
  readonly partition: number;
}

export function testTopic(name: string, partitions = 3): TopicSpec {
  return { name, kind: 'domain', partitions, config: { 'retention.ms': '-1' } };
}

/**
 * Moves a consumer group to the current end of the topics, so that its next member reads only what
 * comes after. Not admin.resetOffsets: that commits -1 ("no offset"), and the services, which
 * subscribe from the beginning, would then read the whole topic again. kafkajs refuses while an
 * instance is in the group (a killed one stays until its session times out): callers retry.
 */
export async function moveGroupToTopicEnds(
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<void> {
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
    });
  }
}

/** Reads a topic from the beginning in a throwaway group, as an outside consumer would. */
export class TopicReader {
  private readonly messages: ReadMessage[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topic: string,
  ) {}

  async start(): Promise<void> {
    this.consumer = this.kafka.createConsumer(`test-reader-${randomUUID()}`);
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ message, partition }) => {
        this.messages.push(toReadMessage(message, partition));
        return Promise.resolve();
      },
    });
  }

  get received(): readonly ReadMessage[] {
    return this.messages;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function toReadMessage(message: KafkaMessage, partition: number): ReadMessage {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(message.headers ?? {})) {
    const value = headerText(message.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  return { key: message.key?.toString('utf8'), value: message.value?.toString('utf8'), headers, partition };
}
