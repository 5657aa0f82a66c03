import {
  ANONYMOUS,
  CallerIdentity,
  DomainTopics,
  GATEWAY_REPLY_TOPIC,
  InvitationDeclinedEvent,
  InvitationResentEvent,
  InvitationRevokedEvent,
  MemberActivatedEvent,
  MemberDeactivatedEvent,
  MemberInvitedEvent,
  MemberJoinedWorkingGroupEvent,
  MemberLeftWorkingGroupEvent,
  MemberProfileUpdatedEvent,
  MembershipRequests,
  RequestPattern,
  SignInLinkRequestedEvent,
  WorkingGroupCreatedEvent,
} from '@ic/contracts';
import { KafkaConnection, RpcClient } from '@ic/messaging';
import { RemoteProblemError, SecretBox } from '@ic/platform';
import mongoose, { mongo } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { newPlatformSecrets, PlatformSecrets, secretsEnv } from '../../../scripts/lib/platform-secrets';
import { ManagedProcess } from '../../support/child-process';
import { freePort } from '../../support/free-port';
import { eventually } from '../../support/eventually';
import { TopicReader } from '../../support/kafka-probe';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';

/** A membership event as an outside consumer reads it from ic.membership.v1. */
export interface PublishedEvent {
  readonly id: string;
  readonly type: string;
  readonly key: string | undefined;
  readonly subject: string;
  readonly correlationId?: string;
  readonly data: Record<string, unknown>;
}

/** Short names of the membership event types (the types themselves come from the contracts). */
export const EventTypes = {
  invited: MemberInvitedEvent.type,
  resent: InvitationResentEvent.type,
  revoked: InvitationRevokedEvent.type,
  declined: InvitationDeclinedEvent.type,
  activated: MemberActivatedEvent.type,
  profileUpdated: MemberProfileUpdatedEvent.type,
  joined: MemberJoinedWorkingGroupEvent.type,
  left: MemberLeftWorkingGroupEvent.type,
  deactivated: MemberDeactivatedEvent.type,
  signInLink: SignInLinkRequestedEvent.type,
  workingGroupCreated: WorkingGroupCreatedEvent.type,
} as const;

/**
 * The real membership service (from `dist/`, so `npm run build` first) as its own process with a
 * database of its own and fresh secrets, plus what a test needs around it: an RPC client on the
 * gateway's reply topic, a reader of ic.membership.v1, the sealed-token key, and the database.
 */
export class MembershipService {
  readonly suffix = uniqueSuffix();
  readonly secrets: PlatformSecrets = newPlatformSecrets();
  readonly database: string;
  readonly sealer: SecretBox;
  private process?: ManagedProcess;
  private port = 0;
  private kafka?: KafkaConnection;
  private client?: RpcClient;
  private reader?: TopicReader;
  private connection?: mongoose.Connection;

  constructor(database?: string) {
    this.database = database ?? `test_membership_${this.suffix}`;
    this.sealer = SecretBox.fromBase64Key(this.secrets.linkTokenSecret);
  }

  /** Starts the service and waits until it is ready (its consumer groups joined). */
  async start(extraEnv: Record<string, string> = {}): Promise<void> {
    const infra = testInfrastructure();
    this.port = await freePort();
    this.process = ManagedProcess.start('membership', 'services/membership/src/main.js', {
      ...secretsEnv(this.secrets),
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGODB_URI: infra.mongodbUri,
      MONGODB_DATABASE: this.database,
      HTTP_PORT: String(this.port),
      INSTANCE_ID: `membership-test-${this.suffix}`,
      LOG_FORMAT: 'json',
      OUTBOX_SWEEP_INTERVAL_MS: '500',
      ...extraEnv,
    });
    await eventually(
      async () => {
        const response = await fetch(`http://127.0.0.1:${this.port}/health/ready`);
        if (!response.ok) throw new Error(`not ready: ${response.status}\n${this.process?.log.slice(-2000)}`);
      },
      90_000,
      250,
    );
    if (!this.kafka) {
      this.kafka = new KafkaConnection({
        clientId: `membership-test-${this.suffix}`,
        brokers: infra.kafkaBrokers,
        sessionTimeoutMs: 6000,
      });
      this.client = new RpcClient(this.kafka, {
        instanceId: `membership-test-${this.suffix}`,
        replyTopic: GATEWAY_REPLY_TOPIC,
        defaultTimeoutMs: 20_000,
      });
      await this.client.start();
      this.reader = new TopicReader(this.kafka, DomainTopics.membership);
      await this.reader.start();
      this.connection = await mongoose
        .createConnection(infra.mongodbUri, { dbName: this.database })
        .asPromise();
    }
  }

  /** Stops the service process only (the database and the test's clients stay). */
  async stopService(): Promise<void> {
    await this.process?.stop();
  }

  async stop(): Promise<void> {
    await this.process?.stop();
    await this.reader?.stop();
    await this.client?.stop();
    await this.kafka?.disconnect();
    await this.connection?.close();
  }

  get log(): string {
    return this.process?.log ?? '';
  }

  get db(): mongo.Db {
    if (!this.connection?.db) throw new Error('not started');
    return this.connection.db;
  }

  send<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    payload: TRequest,
    identity: CallerIdentity,
    idempotencyKey: string = randomUUID(),
  ): Promise<TReply> {
    if (!this.client) throw new Error('not started');
    return this.client.send(pattern, payload, {
      identity,
      idempotencyKey,
      correlationId: `test-${this.suffix}`,
    });
  }

  /** The problem a request fails with (status, detail, field errors); fails the test if it succeeds. */
  async problemOf<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    payload: TRequest,
    identity: CallerIdentity,
  ): Promise<RemoteProblemError['problem']> {
    const outcome = await this.send(pattern, payload, identity).then(
      (reply) => ({ reply }),
      (error: unknown) => ({ error }),
    );
    if ('reply' in outcome) throw new Error(`${pattern.name} succeeded: ${JSON.stringify(outcome.reply)}`);
    if (!(outcome.error instanceof RemoteProblemError)) throw outcome.error;
    return outcome.error.problem;
  }

  /** Signs in a bootstrapped staff account and returns its identity. */
  async staff(index = 0): Promise<CallerIdentity> {
    const account = this.secrets.staff[index];
    const token = await this.send(
      MembershipRequests.staffLogin,
      { email: account.email, password: account.password },
      ANONYMOUS,
    );
    const claims = JSON.parse(Buffer.from(token.accessToken.split('.')[1], 'base64url').toString('utf8')) as {
      sid: string;
    };
    return { subject: token.subject, roles: ['staff'], sessionId: claims.sid };
  }

  /** Everything published about these subjects (member or working group ids), in order. */
  eventsOf(...subjects: string[]): PublishedEvent[] {
    const wanted = new Set(subjects);
    return (this.reader?.received ?? [])
      .filter((message) => message.key !== undefined && wanted.has(message.key))
      .map((message) => ({
        id: message.headers.ce_id,
        type: message.headers.ce_type,
        key: message.key,
        subject: message.headers.ce_subject,
        ...(message.headers.ce_correlationid ? { correlationId: message.headers.ce_correlationid } : {}),
        data: JSON.parse(message.value ?? 'null') as Record<string, unknown>,
      }));
  }

  /** Waits until the subjects' events include these types (in this order among them). */
  async published(subject: string, types: readonly string[], timeoutMs = 20_000): Promise<PublishedEvent[]> {
    return eventually(() => {
      const events = this.eventsOf(subject);
      const seen = events.map((event) => event.type);
      let position = 0;
      for (const type of seen) if (type === types[position]) position++;
      if (position < types.length) {
        throw new Error(
          `expected ${types.join(', ')} for ${subject}, published so far: ${seen.join(', ') || 'nothing'}`,
        );
      }
      return events;
    }, timeoutMs);
  }

  /** Opens a sealed link token from an event, as the notifications service does. */
  open(sealed: unknown): string {
    if (typeof sealed !== 'string') throw new Error(`not a sealed token: ${String(sealed)}`);
    return this.sealer.open(sealed);
  }
}

export function memberIdentity(memberId: string, sessionId?: string): CallerIdentity {
  return { subject: memberId, roles: ['member'], ...(sessionId ? { sessionId } : {}) };
}
