import { Actor, MemberProfile } from '@ic/contracts';

/** What is stored; `expired` is not stored but derived from expiresAt (see invitationStatusAt). */
export type StoredInvitationStatus = 'open' | 'accepted' | 'declined' | 'revoked';

export interface InvitationState {
  /** The profile the member will have on accepting. */
  readonly profile: MemberProfile;
  readonly personalMessage?: string;
  readonly invitedBy: Actor;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** sha256 of the link token of the latest mail; the token itself is never stored. */
  readonly tokenHash: string;
  readonly sentCount: number;
  readonly lastSentAt: Date;
  readonly status: StoredInvitationStatus;
  readonly answeredAt?: Date;
  readonly declineReason?: string;
}

/** An invitation (Berufung); its id becomes the member's id. */
export interface Invitation extends InvitationState {
  readonly id: string;
  readonly revision: number;
}

/** The one final answer an invitation gets, recorded by insert so that there is only one. */
export type InvitationOutcomeKind = 'accepted' | 'declined' | 'revoked';

export interface InvitationOutcome {
  readonly invitationId: string;
  readonly outcome: InvitationOutcomeKind;
  readonly at: Date;
}
