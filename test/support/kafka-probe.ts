import { TopicSpec } from '@ic/contracts';
import { headerText, KafkaConnection } from '@ic/messaging';
import { randomUUID } from 'node:crypto';
import { Consumer, KafkaMessage } from 'kafkajs';

export interface ReadMessage {
  readonly key: string | undefined;
  readonly value: string | undefined;
  readonly headers: Record<string, string>;
  readonly partition: number;
}

export function testTopic(name: string, partitions = 3): TopicSpec {
  return { name, kind: 'domain', partitions, config: { 'retention.ms': '-1' } };
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
