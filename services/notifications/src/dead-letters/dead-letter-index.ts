import { DeadLetterSourceTopics, deadLetterTopicOf } from '@ic/contracts';
import { KafkaConnection, readDeadLetter } from '@ic/messaging';
import { HealthRegistry } from '@ic/platform';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Consumer, EachMessagePayload } from 'kafkajs';
import { DeadLettersRepository } from './dead-letters.repository';

/** The consumer group that reads the dead-letter topics into the service's dead-letter list. */
export const DEAD_LETTER_INDEX_GROUP = 'notifications.dead-letters';

/** The dead-letter topics of the domain topics, read into the list the operators work from. */
export const INDEXED_DEAD_LETTER_TOPICS = DeadLetterSourceTopics.map(deadLetterTopicOf);

/**
 * Reads every `<topic>.dlt` of the domain topics from its beginning and keeps each message in
 * `dead_letters`, open. Keyed by its place in the topic, so a message read twice is kept once; a
 * failed write is not committed past and is read again.
 */
@Injectable()
export class DeadLetterIndex implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadLetterIndex.name);
  private consumer?: Consumer;
  private joined = false;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly deadLetters: DeadLettersRepository,
    private readonly health: HealthRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = this.kafka.createConsumer(DEAD_LETTER_INDEX_GROUP);
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
    });
    consumer.on(consumer.events.STOP, () => {
      this.joined = false;
    });
    this.health.register('dead-letter-index', () =>
      this.joined ? Promise.resolve() : Promise.reject(new Error('dead-letter index not joined yet')),
    );
    await consumer.connect();
    await consumer.subscribe({ topics: INDEXED_DEAD_LETTER_TOPICS, fromBeginning: true });
    await consumer.run({ eachMessage: (payload) => this.index(payload) });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async index({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const letter = readDeadLetter(topic, partition, message);
    if (!letter) {
      this.logger.warn(`${topic}:${partition}:${message.offset} names no group or topic; not listed`);
      return;
    }
    await this.deadLetters.record(letter);
  }
}
