import {
  CallerIdentity,
  CreateCircleRequest,
  CreateForumRequest,
  CreateLoungeRequest,
  DomainTopics,
  EventAnnouncedEvent,
  EventCancelledEvent,
  EventDocumentAddedEvent,
  EventDocumentRemovedEvent,
  EventDraftedEvent,
  EventHeldEvent,
  EventUpdatedEvent,
  formatBerlinTime,
  MemberProfile,
  RegistrationClosedEvent,
  RegistrationOpenedEvent,
} from '@ic/contracts';
import { encodeCloudEvent, newCloudEvent } from '@ic/messaging';
import { randomUUID } from 'node:crypto';
import { ServiceUnderTest } from '../../support/service-under-test';

/** Short names of the events-service event types (the types themselves come from the contracts). */
export const EventTypes = {
  drafted: EventDraftedEvent.type,
  updated: EventUpdatedEvent.type,
  announced: EventAnnouncedEvent.type,
  opened: RegistrationOpenedEvent.type,
  closed: RegistrationClosedEvent.type,
  held: EventHeldEvent.type,
  cancelled: EventCancelledEvent.type,
  documentAdded: EventDocumentAddedEvent.type,
  documentRemoved: EventDocumentRemovedEvent.type,
} as const;

/** The events service trusts the identity the gateway sends; tests send it directly. */
export const staff: CallerIdentity = { subject: 'staff-events-test', roles: ['staff'] };
export function memberIdentity(memberId: string = randomUUID()): CallerIdentity {
  return { subject: memberId, roles: ['member'] };
}

/** A time `ms` from now as the office would enter it (with the offset, so seconds count). */
export function inMs(ms: number): string {
  return formatBerlinTime(new Date(Date.now() + ms));
}

const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/**
 * The real events service (see ServiceUnderTest) with a fast scheduler, and what events tests need
 * around it: valid requests of each kind, and membership events for its replica of speakers.
 */
export class EventsService extends ServiceUnderTest {
  constructor(database?: string) {
    super({
      service: 'events',
      topic: DomainTopics.events,
      database,
      env: { EVENT_SCHEDULER_INTERVAL_MS: '200' },
    });
  }

  /** Publishes a membership event as the membership service would, for the speaker replica. */
  async publishMembershipEvent(type: string, memberId: string, data: Record<string, unknown>): Promise<void> {
    const event = newCloudEvent({ type, source: '/ic/membership', subject: memberId, data });
    await this.connectionToKafka.send(DomainTopics.membership, [encodeCloudEvent(event)]);
  }
}

/** A lounge in about a month, registration open from yesterday for three weeks. */
export function loungeRequest(overrides: Partial<CreateLoungeRequest> = {}): CreateLoungeRequest {
  return {
    title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
    summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
    description: 'Die **Lounge** in Ulm. <script>alert(1)</script>',
    themes: ['Digitalisierung', 'Stadtentwicklung'],
    capacity: 50,
    registration: { opensAt: inMs(-DAY), closesAt: inMs(21 * DAY) },
    audience: 'members',
    startsAt: inMs(30 * DAY),
    endsAt: inMs(30 * DAY + 4 * 60 * MINUTE),
    topic: 'Die smarte Stadt im Alltag',
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    venue: {
      name: 'Stadthaus Ulm',
      street: 'Münsterplatz 50',
      postalCode: '89073',
      city: 'Ulm',
      federalState: 'BW',
    },
    ...overrides,
  };
}

/** A two-day forum in two months with a talk and a parallel slot of two workshops. */
export function forumRequest(overrides: Partial<CreateForumRequest> = {}): CreateForumRequest {
  const day = (offset: number, time: string) =>
    `${new Date(Date.now() + (60 + offset) * DAY).toISOString().slice(0, 10)}T${time}`;
  return {
    title: 'Deutschlandforum 2027',
    description: 'Zwei Tage zum Leitgedanken.',
    themes: ['Digitalisierung'],
    capacity: 120,
    registration: { opensAt: inMs(DAY), closesAt: inMs(50 * DAY) },
    audience: 'members-and-guests',
    startsAt: day(0, '10:00'),
    endsAt: day(1, '16:00'),
    leitgedanke: 'Kommune 2035: mutig, vernetzt, nah',
    edition: 23,
    venue: { name: 'Kongresshaus', city: 'Berlin', federalState: 'BE' },
    sessions: [
      {
        kind: 'talk',
        title: 'Eröffnung',
        startsAt: day(0, '10:00'),
        endsAt: day(0, '11:00'),
        room: 'Saal',
        speakers: [{ name: 'Prof. Dr. Ada Beispiel', organisation: 'Hochschule Kehl' }],
      },
      {
        kind: 'workshop',
        title: 'Daten teilen',
        startsAt: day(0, '14:00'),
        endsAt: day(0, '15:30'),
        room: 'Raum A',
        speakers: [],
        capacity: 30,
      },
      {
        kind: 'workshop',
        title: 'Klimaanpassung',
        startsAt: day(0, '14:00'),
        endsAt: day(0, '15:30'),
        room: 'Raum B',
        speakers: [],
        capacity: 30,
      },
    ],
    ...overrides,
  };
}

/** The Kommunalzirkel for Bavaria up to 25,000 inhabitants, with one module still undated. */
export function circleRequest(overrides: Partial<CreateCircleRequest> = {}): CreateCircleRequest {
  return {
    title: 'Kommunalzirkel Kommunen for future',
    description: 'Wandel vor Ort gestalten.',
    themes: ['Klimaschutz'],
    capacity: 30,
    registration: { opensAt: inMs(-DAY), closesAt: inMs(40 * DAY) },
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
    feeCents: 0,
    modules: [
      {
        title: 'Auftakt in Pegnitz',
        startsAt: inMs(45 * DAY),
        endsAt: inMs(45 * DAY + 6 * 60 * MINUTE),
        place: 'Rathaus Pegnitz',
        guidingQuestions: ['Wo steht unsere Kommune?'],
      },
      { title: 'Bilanz', dateNote: 'Frühjahr/Sommer 2028', guidingQuestions: [] },
    ],
    ...overrides,
  };
}

export function memberProfile(overrides: Partial<MemberProfile> = {}): MemberProfile {
  return {
    salutation: 'Frau',
    academicTitle: 'Dr.',
    firstName: 'Anna',
    lastName: 'Beispiel',
    email: `anna.${randomUUID()}@kalletal.example`,
    organisation: 'Gemeinde Kalletal',
    sector: 'Kommune',
    federalState: 'NW',
    municipality: { name: 'Kalletal', ags: '05766040', population: 13_900 },
    themes: ['Klimaschutz'],
    ...overrides,
  };
}
