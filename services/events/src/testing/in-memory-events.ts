import { allEventContracts } from '@ic/contracts';
import { ContractRegistry, OutboxEventFactory } from '@ic/messaging';
import { ConcurrentChangeError, OutboxEntry } from '@ic/persistence';
import { Clock } from '@ic/platform';
import { mock } from 'jest-mock-extended';
import { ClubEvent } from '../club-events/club-event';
import { ClubEventAggregate } from '../club-events/club-event.aggregate';
import { ClubEventsRepository } from '../club-events/club-events.repository';
import { MemberSpeaker } from '../replicas/member-speaker';
import { MemberSpeakersRepository } from '../replicas/member-speakers.repository';

/**
 * What use case specs need around them: events kept in memory with the repository's revision
 * rule, the real outgoing events (checked against their contracts), a fixed clock.
 */
export class InMemoryClubEvents {
  readonly stored = new Map<string, ClubEvent>();
  readonly published: OutboxEntry[] = [];

  private readonly factory = new OutboxEventFactory(new ContractRegistry(allEventContracts), '/ic/events');

  findById(id: string): Promise<ClubEvent | null> {
    return Promise.resolve(this.stored.get(id) ?? null);
  }

  async load(id: string): Promise<ClubEventAggregate | null> {
    const event = await this.findById(id);
    return event ? ClubEventAggregate.of(event) : null;
  }

  save(event: ClubEventAggregate, correlationId?: string): Promise<ClubEvent> {
    const { id, loadedRevision, state } = event;
    if (loadedRevision !== undefined && !event.hasChanges) {
      return Promise.resolve({ ...state, id, revision: loadedRevision });
    }
    const events = this.factory.entriesOf(id, event.takeFacts(), correlationId);
    const current = this.stored.get(id);
    // A new event whose id exists already is not stored, as the repository's insert.
    if (loadedRevision === undefined && current) return Promise.resolve(event.next);
    if (loadedRevision !== undefined && current?.revision !== loadedRevision) {
      throw new ConcurrentChangeError(`events/${id}`);
    }
    this.stored.set(id, event.next);
    this.published.push(...events);
    return Promise.resolve(event.next);
  }

  asRepository(): ClubEventsRepository {
    return mock<ClubEventsRepository>({
      findById: (id) => this.findById(id),
      load: (id) => this.load(id),
      save: (event, correlationId) => this.save(event, correlationId),
    });
  }
}

export class FixedClock extends Clock {
  constructor(public instant: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.instant.getTime());
  }
}

export function memberSpeakers(members: readonly MemberSpeaker[] = []): MemberSpeakersRepository {
  const known = new Map(members.map((member) => [member.memberId, member]));
  return mock<MemberSpeakersRepository>({
    findByIds: (ids: readonly string[]) =>
      Promise.resolve(new Map(ids.flatMap((id) => (known.has(id) ? [[id, known.get(id)!] as const] : [])))),
  });
}
