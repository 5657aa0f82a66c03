import { allEventContracts } from '@ic/contracts';
import { ContractRegistry, OutboxEventFactory } from '@ic/messaging';
import { OutboxEntry } from '@ic/persistence';
import { mock } from 'jest-mock-extended';
import { Member } from '../members/member';
import { MemberAggregate } from '../members/member.aggregate';
import { MembersRepository, MemberTombstone } from '../members/members.repository';

/** The membership service's outgoing events, checked against their contracts as in the service. */
export const membershipEvents = new OutboxEventFactory(
  new ContractRegistry(allEventContracts),
  '/ic/membership',
);

/** A stored write: the member as written (or erased) and its events. */
export interface MemberWrite {
  readonly next: Member;
  readonly events: readonly OutboxEntry[];
  readonly erasedAt?: Date;
}

/**
 * The members of a use case spec in memory with the repository's rules: a save without changes
 * writes nothing, the facts become events as the repository makes them (checked against their
 * contracts, before `beforeWrite`), and every write is kept in `writes`.
 */
export class InMemoryMembers {
  readonly writes: MemberWrite[] = [];

  constructor(
    private member: Member | null,
    private readonly stored: { tombstone?: MemberTombstone; unpublished?: boolean } = {},
  ) {}

  /** The repository, handing out the member kept here. */
  repository(): MembersRepository {
    const found = (id: string) => (this.member?.id === id ? this.member : null);
    return mock<MembersRepository>({
      findById: (id) => Promise.resolve(found(id)),
      load: (id) => {
        const member = found(id);
        return Promise.resolve(member && MemberAggregate.of(member));
      },
      findTombstone: (id) => Promise.resolve(this.stored.tombstone?.id === id ? this.stored.tombstone : null),
      allPublished: () => Promise.resolve(!this.stored.unpublished),
      insert: (member, correlationId) => {
        if (this.member?.id === member.id) return Promise.resolve(false);
        this.keep(member, this.eventsOf(member, correlationId));
        return Promise.resolve(true);
      },
      save: async (member, options = {}) => {
        if (!member.hasChanges) return member.state;
        const events = this.eventsOf(member, options.correlationId);
        await options.beforeWrite?.();
        return this.keep(member, events);
      },
      saveErasure: (member, correlationId) => {
        const { erasedAt } = member;
        if (!erasedAt) throw new Error(`Member ${member.id} is not erased`);
        this.keep(member, this.eventsOf(member, correlationId), erasedAt);
        this.member = null;
        return Promise.resolve({ id: member.id, erasedAt });
      },
    });
  }

  private eventsOf(member: MemberAggregate, correlationId?: string): OutboxEntry[] {
    return membershipEvents.entriesOf(member.id, member.takeFacts(), correlationId);
  }

  private keep(member: MemberAggregate, events: OutboxEntry[], erasedAt?: Date): Member {
    const next = { ...member.state, revision: member.state.revision + 1 };
    this.member = next;
    this.writes.push({ next, events, ...(erasedAt ? { erasedAt } : {}) });
    return next;
  }
}
