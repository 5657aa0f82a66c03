import { allEventContracts } from '@ic/contracts';
import { ContractRegistry, OutboxEventFactory } from '@ic/messaging';
import { ConcurrentChangeError, OutboxEntry } from '@ic/persistence';
import { Clock } from '@ic/platform';
import { mock } from 'jest-mock-extended';
import { ClubEvent, ClubEventState } from '../club-events/club-event';
import { ClubEventChanges } from '../club-events/club-event.changes';
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

  insert(id: string, state: ClubEventState, events: readonly OutboxEntry[]): Promise<boolean> {
    if (this.stored.has(id)) return Promise.resolve(false);
    this.stored.set(id, { ...state, id, revision: 1 });
    this.published.push(...events);
    return Promise.resolve(true);
  }

  findById(id: string): Promise<ClubEvent | null> {
    return Promise.resolve(this.stored.get(id) ?? null);
  }

  update(
    event: ClubEvent,
    next: ClubEventState,
    events: (revision: number) => readonly OutboxEntry[],
  ): Promise<ClubEvent> {
    const current = this.stored.get(event.id);
    if (!current || current.revision !== event.revision)
      throw new ConcurrentChangeError(`events/${event.id}`);
    const revision = event.revision + 1;
    const made = events(revision);
    const stored: ClubEvent = { ...next, id: event.id, revision };
    this.stored.set(event.id, stored);
    this.published.push(...made);
    return Promise.resolve(stored);
  }

  asRepository(): ClubEventsRepository {
    return mock<ClubEventsRepository>({
      insert: (id, state, events) => this.insert(id, state, events),
      findById: (id) => this.findById(id),
      update: (event, next, events) => this.update(event, next, events),
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

export function eventChanges(): ClubEventChanges {
  return new ClubEventChanges(new OutboxEventFactory(new ContractRegistry(allEventContracts), '/ic/events'));
}
