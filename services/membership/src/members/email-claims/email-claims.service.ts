import { Clock, ConflictError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { invitationStatusAt } from '../../invitations/invitation.rules';
import { InvitationsRepository } from '../../invitations/invitations.repository';
import { Member } from '../member';
import { MembersRepository } from '../members.repository';
import { EmailClaim, EmailClaimsRepository } from './email-claims.repository';

export const EmailClaimMessages = {
  member: 'Für diese E-Mail-Adresse besteht bereits eine Mitgliedschaft.',
  invitation: 'Für diese E-Mail-Adresse besteht bereits eine offene Einladung.',
} as const;

/** A claim whose holder document does not exist yet is being created; it blocks for this long. */
const CREATION_GRACE_MS = 60_000;
const MAX_RACES = 5;

type Blocker = keyof typeof EmailClaimMessages;

/**
 * One e-mail address, one holder: a member, or an open invitation (they share the id). A claim
 * blocks only while its holder still uses the address; a declined, revoked or expired invitation,
 * or a member who changed their address, frees it for the next claimant.
 */
@Injectable()
export class EmailClaimsService {
  constructor(
    private readonly claims: EmailClaimsRepository,
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly clock: Clock,
  ) {}

  /** Claims the (normalised) address for the holder; ConflictError when someone else holds it. */
  async claim(email: string, holderId: string): Promise<void> {
    for (let race = 0; race < MAX_RACES; race++) {
      const current = await this.claims.current(email);
      if (current?.holderId === holderId && !current.releasedAt) return;
      const blocker = current ? await this.blockerOf(current) : undefined;
      if (blocker) throw new ConflictError(EmailClaimMessages[blocker]);
      const claimed = await this.claims.insert({
        email,
        generation: (current?.generation ?? 0) + 1,
        holderId,
        claimedAt: this.clock.now(),
      });
      if (claimed) return;
    }
    throw new ConflictError(EmailClaimMessages.invitation);
  }

  /**
   * The member who holds the (normalised) address; null when nobody, an invitation or a member who
   * has since changed it holds it. Read through the claim, which is keyed by the address (the
   * members have no index on it).
   */
  async memberHolding(email: string): Promise<Member | null> {
    const current = await this.claims.current(email);
    if (!current || current.releasedAt) return null;
    const member = await this.members.findById(current.holderId);
    return member?.profile.email === email ? member : null;
  }

  /** Frees the holder's claim of the address (an invitation declined, revoked or expired). */
  async release(email: string, holderId: string): Promise<void> {
    await this.claims.release(email, holderId, this.clock.now());
  }

  /** Forgets the holder's addresses altogether (erasure): each is free for a new person. */
  async forgetHolder(holderId: string): Promise<void> {
    await this.claims.removeAllOf(holderId);
  }

  private async blockerOf(claim: EmailClaim): Promise<Blocker | undefined> {
    if (claim.releasedAt) return undefined;
    const member = await this.members.findById(claim.holderId);
    if (member) return member.profile.email === claim.email ? 'member' : undefined;
    const invitation = await this.invitations.findById(claim.holderId);
    if (!invitation) {
      const young = this.clock.now().getTime() - claim.claimedAt.getTime() < CREATION_GRACE_MS;
      return young ? 'invitation' : undefined;
    }
    if (invitation.profile.email !== claim.email) return undefined;
    // Accepted, and the member is being created under the same id.
    if (invitation.status === 'accepted') return 'member';
    return invitationStatusAt(invitation, this.clock.now()) === 'open' ? 'invitation' : undefined;
  }
}
