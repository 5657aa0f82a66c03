import { OutboxEntry } from '@ic/persistence';
import { mock } from 'jest-mock-extended';
import { Invitation, InvitationOutcome } from '../invitations/invitation';
import { InvitationAggregate } from '../invitations/invitation.aggregate';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { membershipEvents } from './in-memory-members';

/** A stored write: the invitation as written and its events. */
export interface InvitationWrite {
  readonly next: Invitation;
  readonly events: readonly OutboxEntry[];
}

/**
 * The invitations of a use case spec in memory with the repository's rules (as InMemoryMembers):
 * an insert of a known id stores nothing, a save without changes writes nothing, the facts become
 * events as the repository makes them (checked against their contracts, before `beforeWrite`).
 */
export class InMemoryInvitations {
  readonly writes: InvitationWrite[] = [];

  constructor(
    private invitation: Invitation | null,
    private readonly outcome: InvitationOutcome | null = null,
  ) {}

  repository(): InvitationsRepository {
    const found = (id: string) => (this.invitation?.id === id ? this.invitation : null);
    return mock<InvitationsRepository>({
      findById: (id) => Promise.resolve(found(id)),
      load: (id) => {
        const invitation = found(id);
        return Promise.resolve(invitation && InvitationAggregate.of(invitation));
      },
      outcomeOf: (id) => Promise.resolve(this.outcome?.invitationId === id ? this.outcome : null),
      insert: async (invitation, options = {}) => {
        if (found(invitation.id)) return false;
        const events = this.eventsOf(invitation, options.correlationId);
        await options.beforeWrite?.();
        this.keep(invitation.state, events);
        return true;
      },
      save: async (invitation, options = {}) => {
        if (!invitation.hasChanges) return invitation.state;
        const events = this.eventsOf(invitation, options.correlationId);
        await options.beforeWrite?.();
        return this.keep({ ...invitation.state, revision: invitation.state.revision + 1 }, events);
      },
    });
  }

  private eventsOf(invitation: InvitationAggregate, correlationId?: string): OutboxEntry[] {
    return membershipEvents.entriesOf(invitation.id, invitation.takeFacts(), correlationId);
  }

  private keep(next: Invitation, events: OutboxEntry[]): Invitation {
    this.invitation = next;
    this.writes.push({ next, events });
    return next;
  }
}
