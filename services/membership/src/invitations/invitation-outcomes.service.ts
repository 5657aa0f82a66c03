import { Clock, DomainError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { Invitation, InvitationOutcome, InvitationOutcomeKind } from './invitation';
import { OUTCOME_COMPLETION_GRACE_MS } from './invitation.rules';
import { InvitationsRepository } from './invitations.repository';

export interface SettleOptions {
  /** Why this answer is not possible now (given the outcome recorded so far, if any). */
  readonly problemOf: (outcome: InvitationOutcome | null) => DomainError | undefined;
  /** Whether everything the outcome causes has been written (member, status, event). */
  readonly effectsComplete: () => Promise<boolean>;
}

/**
 * An invitation gets one answer: accepted, declined or revoked, recorded by insert. Of concurrent
 * answers exactly one is recorded; the others are refused. An outcome whose process crashed before
 * writing its effects is handed to the next request with the same answer to complete.
 */
@Injectable()
export class InvitationOutcomesService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly clock: Clock,
  ) {}

  /** The outcome this request writes the effects of; throws when the answer is not possible. */
  async settle(
    invitation: Invitation,
    kind: InvitationOutcomeKind,
    options: SettleOptions,
  ): Promise<InvitationOutcome> {
    let existing = await this.invitations.outcomeOf(invitation.id);
    if (!existing) {
      const problem = options.problemOf(null);
      if (problem) throw problem;
      const at = this.clock.now();
      if (await this.invitations.recordOutcome(invitation.id, kind, at)) {
        return { invitationId: invitation.id, outcome: kind, at };
      }
      existing = await this.invitations.outcomeOf(invitation.id);
      if (!existing) throw new Error(`The outcome of invitation ${invitation.id} vanished`);
    }
    const stale = this.clock.now().getTime() - existing.at.getTime() > OUTCOME_COMPLETION_GRACE_MS;
    if (existing.outcome === kind && stale && !(await options.effectsComplete())) return existing;
    const problem = options.problemOf(existing);
    if (problem) throw problem;
    throw new Error(`No refusal for the answer ${kind} to invitation ${invitation.id} (${existing.outcome})`);
  }
}
