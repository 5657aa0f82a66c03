import {
  DomainTopics,
  domainTopicSpec,
  MemberDeactivatedEvent,
  MemberErasedEvent,
  SessionEndedEvent,
} from '@ic/contracts';
import { decodeCloudEvent, EnvelopeError, KafkaConnection } from '@ic/messaging/client';
import { describe, HealthRegistry, ServiceRuntime } from '@ic/platform';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Consumer, KafkaMessage } from 'kafkajs';
import { SessionCheck } from './session-check.service';

/** After these events (keyed by the subject) a subject's sessions no longer count, or not all of them. */
const SESSION_ENDING_TYPES: ReadonlySet<string> = new Set([
  SessionEndedEvent.type,
  MemberDeactivatedEvent.type,
  MemberErasedEvent.type,
]);

/**
 * Follows the membership topic in a consumer group of this gateway instance's own, from the newest
 * event on, so that every instance sees every event: on SessionEnded, MemberDeactivated and
 * MemberErased its SessionCheck forgets what it remembered about the subject's sessions. While the
 * group is not joined (start-up, the broker gone, a restart of the consumer) SessionCheck
 * remembers nothing and asks the membership service on every request, and the instance is not ready.
 */
@Injectable()
export class SessionEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SessionEventsConsumer.name);
  private readonly groupId: string;
  private consumer?: Consumer;
  private following = false;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly sessions: SessionCheck,
    private readonly health: HealthRegistry,
    runtime: ServiceRuntime,
  ) {
    this.groupId = `gateway.sessions.${runtime.instanceId}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.health.register('session-events', () =>
      this.following ? Promise.resolve() : Promise.reject(new Error('not following the session events')),
    );
    const consumer = this.kafka.createConsumer(this.groupId);
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => this.follow(true));
    for (const stopped of [consumer.events.CRASH, consumer.events.DISCONNECT, consumer.events.STOP]) {
      consumer.on(stopped, () => this.follow(false));
    }
    await this.kafka.ensureTopics([domainTopicSpec(DomainTopics.membership)]);
    await consumer.connect();
    await consumer.subscribe({ topics: [DomainTopics.membership], fromBeginning: false });
    await consumer.run({ eachMessage: ({ message }) => Promise.resolve(this.onMessage(message)) });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
    // The group is this instance's alone; remove it instead of leaving it for the broker to expire.
    await this.kafka
      .withAdmin((admin) => admin.deleteGroups([this.groupId]))
      .catch((error: unknown) =>
        this.logger.warn(`Could not delete consumer group ${this.groupId}: ${describe(error)}`),
      );
  }

  private follow(following: boolean): void {
    if (following !== this.following) {
      this.logger.log(following ? 'Following the session events' : 'Not following the session events');
    }
    this.following = following;
    this.sessions.followingSessionEvents(following);
  }

  private onMessage(message: KafkaMessage): void {
    try {
      const event = decodeCloudEvent(message);
      if (SESSION_ENDING_TYPES.has(event.type)) this.sessions.sessionsEndedOf(event.subject);
    } catch (error) {
      // The membership service's own readers dead-letter what they cannot read; it ends no session.
      if (!(error instanceof EnvelopeError)) throw error;
    }
  }
}
