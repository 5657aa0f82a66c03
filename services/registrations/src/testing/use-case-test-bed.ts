import {
  Actor,
  allEventContracts,
  ClubEventSnapshot,
  EventStatus,
  exampleLoungeSnapshot,
  RegisterRequest,
  RegistrationReply,
} from '@ic/contracts';
import { ContractRegistry, OutboxEventFactory } from '@ic/messaging';
import { OutboxEntry } from '@ic/persistence';
import { SecretBox } from '@ic/platform';
import { mock } from 'jest-mock-extended';
import { randomBytes, randomUUID } from 'node:crypto';
import { DeclareInterestUseCase } from '../interest/declare-interest/declare-interest.usecase';
import { Interest } from '../interest/interest';
import { InterestAggregate } from '../interest/interest.aggregate';
import { InterestsRepository } from '../interest/interests.repository';
import { TellInterestHoldersUseCase } from '../interest/tell-interest-holders/tell-interest-holders.usecase';
import { CancelRegistrationUseCase } from '../registrations/cancel-registration/cancel-registration.usecase';
import { EventNoticesRepository } from '../registrations/event-notices.repository';
import { RegisterUseCase } from '../registrations/register/register.usecase';
import { RegistrationChanges } from '../registrations/registration-changes';
import { RegistrationReplies } from '../registrations/registration-replies';
import { RegistrationUpdates } from '../registrations/registration-updates';
import { RegistrationViews } from '../registrations/registration-views';
import { KnownEvent, knownEventOf } from '../replicas/known-event';
import { KnownEventsRepository } from '../replicas/known-events.repository';
import { KnownMember } from '../replicas/known-member';
import { KnownMembersRepository } from '../replicas/known-members.repository';
import { SeatSteps } from '../registrations/seat-steps/seat-steps';
import { ContactSealer } from '../shared/contact-sealer';
import { FixedClock, InMemoryRegistrations } from './in-memory-registrations';

/** Inside the example lounge's registration window (1 February to 8 April 2027); the lounge is on 15 April. */
export const DURING_REGISTRATION = new Date('2027-03-01T10:00:00.000Z');

/** An active member of a Bavarian municipality of 13,700 inhabitants (sector Kommune), unless told otherwise. */
export function knownMember(overrides: Partial<KnownMember> = {}): KnownMember {
  return {
    memberId: randomUUID(),
    status: 'active',
    salutation: 'Frau',
    firstName: 'Andrea',
    lastName: 'Lindner',
    email: `${randomUUID()}@hersbruck.example`,
    organisation: 'Stadt Hersbruck',
    sector: 'Kommune',
    federalState: 'BY',
    municipality: { name: 'Hersbruck', ags: '09574128', population: 13_700 },
    themes: ['Digitalisierung'],
    ...overrides,
  };
}

export const staff: Actor = { subject: 'staff-1', role: 'staff' };

/** The member acting for themselves. */
export function actorOf(member: Pick<KnownMember, 'memberId'>): Actor {
  return { subject: member.memberId, role: 'member' };
}

/** The example lounge, open for registration, with its own id. */
export function loungeEvent(overrides: Partial<ClubEventSnapshot> = {}): KnownEvent {
  return knownEventOf({ ...exampleLoungeSnapshot, eventId: randomUUID(), ...overrides });
}

/** The event as the replica knows it after its status changed (the event's snapshot changes with it). */
export function withStatus(event: KnownEvent, status: EventStatus): KnownEvent {
  return knownEventOf({ ...event.snapshot, status, revision: event.revision + 1 });
}

/** The one module of circleEvent(): on the day of the example lounge. */
export const CIRCLE_MODULE_ID = '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b';

/** A Kommunalzirkel for Bavarian municipalities up to 25,000 inhabitants, delegations of up to 3, on 15 April 2027. */
export function circleEvent(overrides: Partial<ClubEventSnapshot> = {}): KnownEvent {
  return loungeEvent({
    kind: 'kommunalzirkel',
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    circle: {
      modules: [
        {
          moduleId: CIRCLE_MODULE_ID,
          title: 'Modul 1: Auftakt in Pegnitz',
          startsAt: exampleLoungeSnapshot.startsAt,
          endsAt: exampleLoungeSnapshot.endsAt,
          guidingQuestions: [],
        },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration'] },
      feeCents: 0,
    },
    ...overrides,
  });
}

/**
 * What a use case spec of this service needs around it: registrations, counters and interests in
 * memory with their repositories' rules, the replicas as maps, the real seat steps and the real
 * outgoing events (checked against their contracts), a fixed clock.
 */
export class UseCaseTestBed {
  readonly data = new InMemoryRegistrations();
  readonly registrations = this.data.repository();
  readonly seats = this.data.seatsRepository();
  readonly knownEvents = new Map<string, KnownEvent>();
  readonly knownMembers = new Map<string, KnownMember>();
  readonly interestsStored = new Map<string, Interest>();
  /** Interest events and event-change notices, in the order they were stored. */
  readonly otherPublished: OutboxEntry[] = [];
  readonly clock = new FixedClock(DURING_REGISTRATION);

  readonly events = mock<KnownEventsRepository>({
    findById: (eventId) => Promise.resolve(this.knownEvents.get(eventId) ?? null),
  });
  readonly members = mock<KnownMembersRepository>({
    findById: (memberId) => Promise.resolve(this.knownMembers.get(memberId) ?? null),
    findByIds: (memberIds) =>
      Promise.resolve(
        new Map(
          memberIds.flatMap((id) => (this.knownMembers.has(id) ? [[id, this.knownMembers.get(id)!]] : [])),
        ),
      ),
  });
  readonly interests = mock<InterestsRepository>({
    insert: (interest, correlationId) => {
      const { state } = interest;
      if (this.interestsStored.has(state.interestId)) return Promise.resolve(false);
      this.interestsStored.set(state.interestId, state);
      this.otherPublished.push(...this.factory.entriesOf(state.eventId, interest.takeFacts(), correlationId));
      return Promise.resolve(true);
    },
    findById: (interestId) => Promise.resolve(this.interestsStored.get(interestId) ?? null),
    load: (interestId) => {
      const stored = this.interestsStored.get(interestId);
      return Promise.resolve(stored ? InterestAggregate.of(stored) : null);
    },
    findUntold: (eventId) =>
      Promise.resolve(
        [...this.interestsStored.values()].filter(
          (interest) => interest.eventId === eventId && !interest.toldAt,
        ),
      ),
    save: (interest) => {
      const { state } = interest;
      const stored = this.interestsStored.get(state.interestId);
      if (!interest.hasChanges || !stored || stored.toldAt || stored.revision !== state.revision) {
        return Promise.resolve(false);
      }
      this.interestsStored.set(state.interestId, { ...state, revision: state.revision + 1 });
      this.otherPublished.push(...this.factory.entriesOf(state.eventId, interest.takeFacts()));
      return Promise.resolve(true);
    },
  });
  readonly notices = mock<EventNoticesRepository>({
    insert: (_eventId, _revision, parts) => Promise.resolve(void this.otherPublished.push(...parts)),
  });

  readonly sealer = new ContactSealer(SecretBox.fromBase64Key(randomBytes(32).toString('base64')));
  private readonly factory = new OutboxEventFactory(
    new ContractRegistry(allEventContracts),
    '/ic/registrations',
  );
  readonly changes = new RegistrationChanges(this.factory, this.sealer);
  readonly views = new RegistrationViews(this.registrations);
  readonly replies = new RegistrationReplies(this.members);
  readonly updates = new RegistrationUpdates(
    this.registrations,
    this.events,
    this.views,
    this.changes,
    this.replies,
  );
  readonly steps = new SeatSteps(
    this.registrations,
    this.seats,
    this.events,
    this.views,
    this.changes,
    this.clock,
  );

  /** Makes the replicas know these events and members. */
  know(...known: (KnownEvent | KnownMember)[]): this {
    for (const item of known) {
      if ('eventId' in item) this.knownEvents.set(item.eventId, item);
      else this.knownMembers.set(item.memberId, item);
    }
    return this;
  }

  /** Arranges a registration as RegisterUseCase makes it (and forgets its events). */
  async register(eventId: string, actor: Actor, request: RegisterRequest = {}): Promise<RegistrationReply> {
    const { registration } = await this.registerUseCase().execute(eventId, request, actor);
    this.takePublished();
    return registration;
  }

  // The use cases that several specs build, each on the bed's collaborators.

  registerUseCase(): RegisterUseCase {
    return new RegisterUseCase(
      this.members,
      this.events,
      this.registrations,
      this.steps,
      this.views,
      this.replies,
      this.clock,
    );
  }

  cancelUseCase(): CancelRegistrationUseCase {
    return new CancelRegistrationUseCase(this.steps, this.members, this.replies);
  }

  tellInterestHoldersUseCase(): TellInterestHoldersUseCase {
    return new TellInterestHoldersUseCase(this.interests, this.events, this.sealer, this.clock);
  }

  declareInterestUseCase(tellHolders = this.tellInterestHoldersUseCase()): DeclareInterestUseCase {
    return new DeclareInterestUseCase(
      this.events,
      this.members,
      this.interests,
      this.sealer,
      tellHolders,
      this.clock,
    );
  }

  /** The events stored since the last call (the registrations' first, then the others), forgetting them. */
  takePublished(): OutboxEntry[] {
    return [...this.data.published.splice(0), ...this.otherPublished.splice(0)];
  }
}

/**
 * A new bed and the unit under test built on it, for a spec whose fixture is not one event and one
 * member (for those, testUseCaseFactory): `onNewTestBed((bed) => bed.tellInterestHoldersUseCase())`.
 */
export function onNewTestBed<T>(build: (bed: UseCaseTestBed) => T): { sut: T; bed: UseCaseTestBed } {
  const bed = new UseCaseTestBed();
  return { sut: build(bed), bed };
}

/** What a spec's newTestUseCase gives a test: the unit under test on a new bed that knows `event` and `member`. */
export interface UseCaseFixture<T> {
  sut: T;
  bed: UseCaseTestBed;
  event: KnownEvent;
  member: KnownMember;
}

/**
 * A spec's newTestUseCase, from how it builds its unit under test: each call makes a new bed that
 * knows the event (the example lounge, unless given) and a member (knownMember(), unless given),
 * `const newTestUseCase = testUseCaseFactory((bed) => bed.registerUseCase())`.
 */
export function testUseCaseFactory<T>(build: (bed: UseCaseTestBed) => T) {
  return (event = loungeEvent(), member = knownMember()): UseCaseFixture<T> => {
    const bed = new UseCaseTestBed().know(event, member);
    return { sut: build(bed), bed, event, member };
  };
}

/** The CloudEvents types of these entries, in order. */
export function typesOf(entries: readonly OutboxEntry[]): string[] {
  return entries.map((entry) => entry.type);
}
