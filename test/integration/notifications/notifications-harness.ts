import {
  ClubEventChange,
  ClubEventSnapshot,
  DomainTopics,
  EventAnnouncedEvent,
  EventContract,
  GATEWAY_REPLY_TOPIC,
  MemberActivated,
  MemberActivatedEvent,
  MemberInvited,
  MemberProfile,
  platformTopicCatalog,
} from '@ic/contracts';
import type { StoredMessage } from '@ic/infra';
import { CloudEvent, encodeCloudEvent, KafkaConnection, newCloudEvent, OutgoingMessage } from '@ic/messaging';
import { newLinkToken, SecretBox } from '@ic/platform';
import mongoose, { mongo } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { newPlatformSecrets } from '../../../scripts/lib/platform-secrets';
import { ManagedProcess } from '../../support/child-process';
import { freePort } from '../../support/free-port';
import { eventually } from '../../support/eventually';
import { moveGroupToTopicEnds } from '../../support/kafka-probe';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';

/** The consumer group of the notifications service on its topics (the transport's default). */
export const EVENT_GROUP = 'notifications.events';
/**
 * The topics the service consumes: membership events (contacts, mails), events-service events
 * (announcements, the events replica) and registration events (registration mails).
 */
const CONSUMED_TOPICS = [DomainTopics.membership, DomainTopics.events, DomainTopics.registrations];
export const LINK_BASE_URL = 'https://portal.innovators-club.example';
export const MAIL_FROM = 'Innovators Club des DStGB <innovators-club@dstgb.example>';
/** CONSUMER_CLAIM_LEASE_MS of the services these tests start. */
const TEST_CLAIM_LEASE_MS = 8000;
export { GATEWAY_REPLY_TOPIC };

/** A delivery document as the service stores it (read back to check the log). */
export interface StoredDelivery {
  _id: string;
  kind: string;
  memberId?: string;
  recipient: string;
  subject: string;
  messageId: string;
  status: string;
  attempts: number;
  lastError?: string;
  sentAt?: Date;
}

/**
 * The real notifications service as a child process against the test infrastructure, with its own
 * database and link-token key; publishes membership events as the membership service would and
 * reads mail back from the SMTP sink.
 */
export class NotificationsHarness {
  readonly infra = testInfrastructure();
  readonly suffix = uniqueSuffix();
  readonly database = `test_notifications_${this.suffix}`;
  readonly secrets = newPlatformSecrets();
  readonly linkTokens = SecretBox.fromBase64Key(this.secrets.linkTokenSecret);
  readonly kafka = new KafkaConnection({
    clientId: `notifications-test-${this.suffix}`,
    brokers: this.infra.kafkaBrokers,
    sessionTimeoutMs: 6000,
  });
  readonly processes: ManagedProcess[] = [];
  private connection?: mongoose.Connection;

  constructor(private readonly env: Record<string, string> = {}) {}

  get mailSinkUrl(): string {
    if (!this.infra.mailSinkUrl || !this.infra.smtpHost || !this.infra.smtpPort) {
      throw new Error(
        'These tests read mail back: set SMTP_HOST, SMTP_PORT and MAIL_SINK_URL (see npm test).',
      );
    }
    return this.infra.mailSinkUrl;
  }

  get db(): mongo.Db {
    if (!this.connection?.db) throw new Error('call connect() first');
    return this.connection.db;
  }

  async connect(): Promise<void> {
    this.connection = await mongoose
      .createConnection(this.infra.mongodbUri, { dbName: this.database })
      .asPromise();
    await this.skipEarlierEvents();
  }

  /**
   * The service's consumer group is shared by every test run on this broker, and each run has its
   * own database (so its own record of handled events) and its own link-token key: events left on
   * the topic by an earlier run must not reach this one. Move the group to the end of the topic
   * while no instance is in it (an instance killed by an earlier test leaves after its session).
   */
  private async skipEarlierEvents(): Promise<void> {
    // On a broker no service has started against yet, the topics are still missing.
    await this.kafka.ensureTopics(platformTopicCatalog());
    await eventually(
      () => this.kafka.withAdmin((admin) => moveGroupToTopicEnds(admin, EVENT_GROUP, CONSUMED_TOPICS)),
      45_000,
      1000,
    );
  }

  /** Starts the service and waits until it is ready (Mongo, Kafka and its consumer groups). */
  async startService(name = 'notifications'): Promise<ManagedProcess> {
    const port = await freePort();
    const service = ManagedProcess.start(name, 'services/notifications/src/main.js', {
      KAFKA_BROKERS: this.infra.kafkaBrokers.join(','),
      MONGODB_URI: this.infra.mongodbUri,
      MONGODB_DATABASE: this.database,
      SMTP_HOST: this.infra.smtpHost ?? '',
      SMTP_PORT: String(this.infra.smtpPort ?? ''),
      MAIL_FROM,
      LINK_BASE_URL,
      LINK_TOKEN_SECRET: this.secrets.linkTokenSecret,
      HTTP_PORT: String(port),
      CONSUMER_RETRY_BACKOFF_MS: '50',
      // What a killed instance held is taken over after this; 60 s in production would idle the crash tests.
      CONSUMER_CLAIM_LEASE_MS: String(TEST_CLAIM_LEASE_MS),
      // A killed instance leaves the consumer group after this (the lowest Kafka allows).
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      LOG_FORMAT: 'json',
      ...this.env,
    });
    this.processes.push(service);
    try {
      await eventually(
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
          if (!response.ok) throw new Error(`not ready: ${await response.text()}`);
        },
        60_000,
        250,
      );
    } catch (error) {
      throw new Error(
        `${name} did not become ready (${String(error)}). Output:\n${service.log.slice(-4000)}`,
      );
    }
    return service;
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((service) => service.stop()));
    await this.kafka.disconnect();
    if (this.connection) {
      await this.connection.dropDatabase();
      await this.connection.close();
    }
  }

  /** A unique address for this run; a fault prefix (smtp-reject, smtp-transient) goes first. */
  address(localPart: string): string {
    return `${localPart}-${this.suffix}@stadt.example`.toLowerCase();
  }

  seal(token: string): string {
    return this.linkTokens.seal(token);
  }

  /** Encodes a membership event as the outbox relay would: keyed by member id. */
  event<TData>(contract: EventContract<TData>, subject: string, data: TData, id?: string): CloudEvent<TData> {
    return newCloudEvent({
      type: contract.type,
      source: '/ic/membership',
      subject,
      data,
      correlationId: `test-${this.suffix}`,
      ...(id ? { id } : {}),
    });
  }

  async publish(...events: CloudEvent[]): Promise<void> {
    const messages: OutgoingMessage[] = events.map((event) => encodeCloudEvent(event));
    await this.kafka.send(DomainTopics.membership, messages);
  }

  /** A MemberActivated event: an active member with this profile (a fresh id unless given). */
  activated(profile: Partial<MemberProfile> & { email: string }, memberId: string = randomUUID()) {
    const data: MemberActivated = {
      memberId,
      invitationId: memberId,
      joinedAt: new Date().toISOString(),
      profile: { ...baseProfile, ...profile },
    };
    return { memberId, email: data.profile.email, event: this.event(MemberActivatedEvent, memberId, data) };
  }

  /** EventAnnounced as the events service publishes it on ic.events.v1, keyed by the club event's id. */
  announced(snapshot: ClubEventSnapshot, id?: string): CloudEvent<ClubEventChange> {
    const data: ClubEventChange = {
      eventId: snapshot.eventId,
      revision: snapshot.revision,
      by: { subject: 'staff-test', role: 'staff' },
      event: { ...snapshot, status: 'announced' },
    };
    return newCloudEvent({
      type: EventAnnouncedEvent.type,
      source: '/ic/events',
      subject: snapshot.eventId,
      data,
      correlationId: `test-${this.suffix}`,
      ...(id ? { id } : {}),
    });
  }

  /** Any events-service event on ic.events.v1, keyed by the club event's id. */
  clubEvent<TData extends { eventId: string }>(
    contract: EventContract<TData>,
    data: TData,
    id?: string,
  ): CloudEvent<TData> {
    return newCloudEvent({
      type: contract.type,
      source: '/ic/events',
      subject: data.eventId,
      data,
      correlationId: `test-${this.suffix}`,
      ...(id ? { id } : {}),
    });
  }

  /** A registrations-service event as its outbox relay publishes it: keyed by the club event's id. */
  registrationEvent<TData extends { eventId: string }>(
    contract: EventContract<TData>,
    data: TData,
    id?: string,
  ): CloudEvent<TData> {
    return newCloudEvent({
      type: contract.type,
      source: '/ic/registrations',
      subject: data.eventId,
      data,
      correlationId: `test-${this.suffix}`,
      ...(id ? { id } : {}),
    });
  }

  async publishRegistrationEvents(...events: CloudEvent[]): Promise<void> {
    await this.kafka.send(
      DomainTopics.registrations,
      events.map((event) => encodeCloudEvent(event)),
    );
  }

  async publishClubEvents(...events: CloudEvent[]): Promise<void> {
    await this.kafka.send(
      DomainTopics.events,
      events.map((event) => encodeCloudEvent(event)),
    );
  }

  /** A MemberInvited event with a fresh link token (returned in plain, as the membership service keeps its hash). */
  invited(profile: Partial<MemberProfile> & { email: string }, personalMessage?: string) {
    const memberId = randomUUID();
    const token = newLinkToken();
    const data: MemberInvited = {
      memberId,
      invitationId: memberId,
      invitedBy: { subject: 'staff-test', role: 'staff' },
      profile: { ...baseProfile, ...profile },
      ...(personalMessage === undefined ? {} : { personalMessage }),
      expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
      invitationToken: this.seal(token),
    };
    return { memberId, token, data };
  }

  async mailTo(address: string): Promise<StoredMessage[]> {
    const response = await fetch(`${this.mailSinkUrl}/api/messages?to=${encodeURIComponent(address)}`);
    if (!response.ok) throw new Error(`mail sink answered ${response.status}`);
    return (await response.json()) as StoredMessage[];
  }

  /** Mail to any address at the domain (filtered here too, for a sink that does not know `domain` yet). */
  async mailToDomain(domain: string): Promise<StoredMessage[]> {
    const response = await fetch(`${this.mailSinkUrl}/api/messages?domain=${encodeURIComponent(domain)}`);
    if (!response.ok) throw new Error(`mail sink answered ${response.status}`);
    const mail = (await response.json()) as StoredMessage[];
    return mail.filter((message) => message.to.some((address) => address.endsWith(`@${domain}`)));
  }

  /** Waits for exactly `count` mails to the address. */
  async waitForMail(address: string, count = 1, timeoutMs = 30_000): Promise<StoredMessage[]> {
    return eventually(async () => {
      const mail = await this.mailTo(address);
      expect(mail).toHaveLength(count);
      return mail;
    }, timeoutMs);
  }

  delivery(id: string): Promise<StoredDelivery | null> {
    return this.db.collection<StoredDelivery>('deliveries').findOne({ _id: id });
  }

  async waitForDelivery(id: string, status: string, timeoutMs = 30_000): Promise<StoredDelivery> {
    return eventually(async () => {
      const delivery = await this.delivery(id);
      expect(delivery?.status).toBe(status);
      return delivery as StoredDelivery;
    }, timeoutMs);
  }
}

export const baseProfile: MemberProfile = {
  salutation: 'Frau',
  firstName: 'Anna',
  lastName: 'Müller',
  email: 'placeholder@stadt.example',
  organisation: 'Stadt Lemgo',
  sector: 'Kommune',
  federalState: 'NW',
  municipality: { name: 'Lemgo', ags: '05766044', population: 40_000 },
  themes: ['Digitalisierung'],
};

/** The link in a mail's text part, e.g. `${LINK_BASE_URL}/einladung/<token>`. */
export function linkIn(text: string | null, path: 'einladung' | 'anmelden'): string {
  const escapedBase = LINK_BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escapedBase}/${path}/([A-Za-z0-9_-]+)`).exec(text ?? '');
  if (!match) throw new Error(`no /${path}/ link in:\n${text ?? '(no text part)'}`);
  return match[1];
}
