import {
  Actor,
  InvitationDeclinedEvent,
  InvitationResentEvent,
  InvitationRevokedEvent,
  MemberInvitedEvent,
  MemberProfile,
} from '@ic/contracts';
import { Aggregate, SealedLinkToken } from '@ic/platform';
import { assertValidProfile } from '../members/profile.rules';
import { Invitation, InvitationOutcome } from './invitation';
import { officeActionProblem } from './invitation.rules';

/** The link of an invitation mail: stored only as its hash, published only sealed for the mail. */
export type InvitationLink = SealedLinkToken;

export interface NewInvitation {
  /** The invitation's id, which becomes the member's. */
  readonly id: string;
  readonly profile: MemberProfile;
  readonly personalMessage?: string;
  readonly invitedBy: Actor;
  readonly at: Date;
  readonly expiresAt: Date;
  readonly link: InvitationLink;
}

/**
 * An invitation (Berufung): decides sending it (again), its one answer and its withdrawal, and
 * records the facts it publishes. The answer itself is settled first, by insert
 * (InvitationOutcomesService); the invitation then takes the outcome into its state, once.
 */
export class InvitationAggregate extends Aggregate<Invitation> {
  private constructor(invitation: Invitation) {
    super(invitation);
  }

  static of(invitation: Invitation): InvitationAggregate {
    return new InvitationAggregate(invitation);
  }

  /** The office appoints a person: MemberInvited with the sealed link for the invitation mail. */
  static invite({
    id,
    profile,
    invitedBy,
    at,
    expiresAt,
    link,
    ...given
  }: NewInvitation): InvitationAggregate {
    assertValidProfile(profile);
    const personalMessage = given.personalMessage || undefined;
    const invitation = new InvitationAggregate({
      id,
      revision: 0,
      profile,
      ...(personalMessage ? { personalMessage } : {}),
      invitedBy,
      createdAt: at,
      expiresAt,
      tokenHash: link.tokenHash,
      sentCount: 1,
      lastSentAt: at,
      status: 'open',
    });
    invitation.record(MemberInvitedEvent, {
      memberId: id,
      invitationId: id,
      invitedBy,
      profile,
      ...(personalMessage ? { personalMessage } : {}),
      expiresAt: expiresAt.toISOString(),
      invitationToken: link.sealedToken,
    });
    return invitation;
  }

  get id(): string {
    return this.state.id;
  }

  /**
   * Sends the invitation again with a new link and a new expiry; the previous link stops working.
   * Refused once it has an outcome (`outcome`, the one recorded so far); an expired one may be resent.
   */
  resend(
    by: Actor,
    outcome: InvitationOutcome | null,
    at: Date,
    expiresAt: Date,
    link: InvitationLink,
  ): void {
    const problem = officeActionProblem(this.state, outcome);
    if (problem) throw problem;
    this.change({
      ...this.state,
      tokenHash: link.tokenHash,
      expiresAt,
      sentCount: this.state.sentCount + 1,
      lastSentAt: at,
    });
    this.record(InvitationResentEvent, {
      memberId: this.id,
      invitationId: this.id,
      resentBy: by,
      expiresAt: expiresAt.toISOString(),
      invitationToken: link.sealedToken,
    });
  }

  /** Takes the settled acceptance into the state; the new member publishes MemberActivated. */
  accept(outcome: InvitationOutcome): void {
    if (this.state.status !== 'open') return;
    this.change({ ...this.state, status: 'accepted', answeredAt: outcome.at });
  }

  /** Takes the settled refusal into the state, with InvitationDeclined. */
  decline(outcome: InvitationOutcome, reason: string | undefined): void {
    if (this.state.status !== 'open') return;
    const declineReason = reason || undefined;
    this.change({
      ...this.state,
      status: 'declined',
      answeredAt: outcome.at,
      ...(declineReason ? { declineReason } : {}),
    });
    this.record(InvitationDeclinedEvent, {
      memberId: this.id,
      invitationId: this.id,
      ...(declineReason ? { reason: declineReason } : {}),
    });
  }

  /** Takes the settled withdrawal by the office into the state, with InvitationRevoked. */
  revoke(outcome: InvitationOutcome, by: Actor): void {
    if (this.state.status !== 'open') return;
    this.change({ ...this.state, status: 'revoked', answeredAt: outcome.at });
    this.record(InvitationRevokedEvent, { memberId: this.id, invitationId: this.id, revokedBy: by });
  }
}
