import {
  CallerIdentity,
  ClubEventChange,
  ClubEventSnapshot,
  DomainTopics,
  EventAnnouncedEvent,
  EventCancelledEvent,
  EventChangeAspect,
  EventContract,
  EventDraftedEvent,
  EventHeldEvent,
  EventStatus,
  EventUpdatedEvent,
  MemberActivated,
  MemberActivatedEvent,
  MemberDeactivatedEvent,
  MemberProfile,
  platformTopicCatalog,
  ParticipantListQuery,
  RegisterReply,
  RegisterRequest,
  RegistrationReply,
  RegistrationClosedEvent,
  RegistrationOpenedEvent,
  RegistrationsRequests,
} from '@ic/contracts';
import { encodeCloudEvent, KafkaConnection, newCloudEvent } from '@ic/messaging';
import { SecretBox } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { newPlatformSecrets } from '../../../scripts/lib/platform-secrets';
import { ManagedProcess } from '../../support/child-process';
import { countReaches, eventually } from '../../support/eventually';
import { moveGroupToTopicEnds } from '../../support/kafka-probe';
import { PublishedEvent, ServiceUnderTest } from '../../support/service-under-test';
import { testInfrastructure } from '../../support/test-infrastructure';

/** The consumer group of the registrations service on the membership and events topics. */
const EVENT_GROUP = 'registrations.events';
const CONSUMED_TOPICS = [DomainTopics.membership, DomainTopics.events];

/** The event that brings an event into each status; a cancellation carries more (see publishCancelled). */
const STATUS_EVENTS: Record<Exclude<EventStatus, 'cancelled'>, EventContract<ClubEventChange>> = {
  draft: EventDraftedEvent,
  announced: EventAnnouncedEvent,
  'registration-open': RegistrationOpenedEvent,
  'registration-closed': RegistrationClosedEvent,
  held: EventHeldEvent,
};

/** The service trusts the identity the gateway sends; tests send it directly. */
export const staff: CallerIdentity = { subject: 'staff-registrations-test', roles: ['staff'] };
export function memberIdentity(memberId: string): CallerIdentity {
  return { subject: memberId, roles: ['member'] };
}

/**
 * The real registrations service (see ServiceUnderTest) and what its tests need around it: no
 * membership or events service runs; the tests publish their events on ic.membership.v1 and
 * ic.events.v1 as those services would, and the registrations service decides from its replicas.
 */
export class RegistrationsService extends ServiceUnderTest {
  readonly sealer: SecretBox;

  constructor() {
    const secrets = newPlatformSecrets();
    super({
      service: 'registrations',
      topic: DomainTopics.registrations,
      env: {
        LINK_TOKEN_SECRET: secrets.linkTokenSecret,
        CONSUMER_RETRY_BACKOFF_MS: '50',
        CONSUMER_CLAIM_LEASE_MS: '8000',
      },
    });
    this.sealer = SecretBox.fromBase64Key(secrets.linkTokenSecret);
  }

  /**
   * The service's event group is shared by every test run on this broker, and each run has a
   * database of its own: move the group to the end of the topics before the first instance joins,
   * so that it reads only what this run publishes.
   */
  async startFresh(): Promise<ManagedProcess> {
    const infra = testInfrastructure();
    const kafka = new KafkaConnection({
      clientId: `registrations-test-admin-${this.suffix}`,
      brokers: infra.kafkaBrokers,
      sessionTimeoutMs: 6000,
    });
    try {
      await kafka.ensureTopics(platformTopicCatalog());
      await eventually(
        () => kafka.withAdmin((admin) => moveGroupToTopicEnds(admin, EVENT_GROUP, CONSUMED_TOPICS)),
        45_000,
        1000,
      );
    } finally {
      await kafka.disconnect();
    }
    return this.start();
  }

  /** Members as the membership service announces them (MemberActivated), known to the replica once this returns. */
  async publishMembers(...members: TestMember[]): Promise<void> {
    const messages = members.map((member) => {
      const data: MemberActivated = {
        memberId: member.memberId,
        invitationId: member.memberId,
        joinedAt: new Date().toISOString(),
        profile: member.profile,
      };
      return encodeCloudEvent(
        newCloudEvent({
          type: MemberActivatedEvent.type,
          source: '/ic/membership',
          subject: member.memberId,
          data,
        }),
      );
    });
    for (let start = 0; start < messages.length; start += 100) {
      await this.connectionToKafka.send(DomainTopics.membership, messages.slice(start, start + 100));
    }
    const ids = members.map((member) => member.memberId) as never[];
    await countReaches(
      () => this.db.collection('known_members').countDocuments({ _id: { $in: ids } }),
      members.length,
    );
  }

  async deactivate(memberId: string): Promise<void> {
    const event = newCloudEvent({
      type: MemberDeactivatedEvent.type,
      source: '/ic/membership',
      subject: memberId,
      data: {
        memberId,
        reason: 'left',
        deactivatedBy: { subject: memberId, role: 'member' },
        leftAt: new Date().toISOString(),
      },
    });
    await this.connectionToKafka.send(DomainTopics.membership, [encodeCloudEvent(event)]);
    await eventually(async () => {
      expect(await this.db.collection('known_members').findOne({ _id: memberId as never })).toMatchObject({
        status: 'inactive',
      });
    });
  }

  /**
   * The events-service event that brought the event into its status (EventAnnounced,
   * RegistrationOpened …), with the event as it is after the change; waits until the replica has
   * that revision (the effects on registrations may still be under way).
   */
  async publishEvent(snapshot: ClubEventSnapshot): Promise<void> {
    if (snapshot.status === 'cancelled') throw new Error('use publishCancelled for a cancelled event');
    await this.publishClubEvent(STATUS_EVENTS[snapshot.status].type, snapshot, {});
  }

  /** EventUpdated: the office changed these aspects of the event. */
  async publishUpdate(snapshot: ClubEventSnapshot, changed: EventChangeAspect[]): Promise<void> {
    await this.publishClubEvent(EventUpdatedEvent.type, snapshot, { changed });
  }

  async publishCancelled(snapshot: ClubEventSnapshot, previousStatus: EventStatus): Promise<void> {
    await this.publishClubEvent(EventCancelledEvent.type, snapshot, {
      reason: snapshot.cancellation?.reason ?? 'Der Veranstaltungsort steht nicht zur Verfügung.',
      previousStatus,
    });
  }

  private async publishClubEvent(type: string, snapshot: ClubEventSnapshot, extra: object): Promise<void> {
    const data = {
      eventId: snapshot.eventId,
      revision: snapshot.revision,
      by: { subject: staff.subject, role: 'staff' },
      event: snapshot,
      ...extra,
    };
    const event = newCloudEvent({ type, source: '/ic/events', subject: snapshot.eventId, data });
    await this.connectionToKafka.send(DomainTopics.events, [encodeCloudEvent(event)]);
    await eventually(async () => {
      const known = await this.db.collection('known_events').findOne({ _id: snapshot.eventId as never });
      expect(known?.revision).toBeGreaterThanOrEqual(snapshot.revision);
    }, 30_000);
  }

  /** Registers as the gateway does. */
  register(
    eventId: string,
    body: RegisterRequest,
    identity: CallerIdentity,
    idempotencyKey: string = randomUUID(),
  ): Promise<RegisterReply> {
    return this.send(RegistrationsRequests.register, { ...body, eventId }, identity, idempotencyKey);
  }

  /** Every page of an event's participant list (as the office reads it), with the filters given. */
  async participants(eventId: string, query: ParticipantListQuery = {}): Promise<RegistrationReply[]> {
    const all: RegistrationReply[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.send(
        RegistrationsRequests.participants,
        { ...query, eventId, limit: 100, ...(cursor ? { cursor } : {}) },
        staff,
      );
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  /** The registrations service's events of one club event, of the given types, in order. */
  eventsOfType(eventId: string, types?: readonly string[]): PublishedEvent[] {
    const events = this.eventsOf(eventId);
    return types ? events.filter((event) => types.includes(event.type)) : events;
  }

  /** Every event id once: the relay may publish again after a crash, consumers keep the first. */
  distinctPublished(eventId: string, types?: readonly string[]): PublishedEvent[] {
    const seen = new Set<string>();
    return this.eventsOfType(eventId, types).filter((event) => !seen.has(event.id) && seen.add(event.id));
  }
}

export interface TestMember {
  readonly memberId: string;
  readonly profile: MemberProfile;
  readonly identity: CallerIdentity;
}

let memberCount = 0;

/** An active member of a Bavarian municipality of 13,700 inhabitants, unless told otherwise. */
export function testMember(overrides: Partial<MemberProfile> = {}): TestMember {
  const memberId = randomUUID();
  memberCount++;
  return {
    memberId,
    identity: memberIdentity(memberId),
    profile: {
      salutation: 'Frau',
      officeTitle: 'Bürgermeisterin',
      firstName: 'Anna',
      lastName: `Beispiel ${memberCount}`,
      email: `anna.${memberId}@pegnitz.example`,
      organisation: 'Stadt Pegnitz',
      sector: 'Kommune',
      federalState: 'BY',
      municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
      themes: ['Klimaschutz'],
      ...overrides,
    },
  };
}
