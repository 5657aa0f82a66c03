import { SignInLinkRequestedEvent } from '@ic/contracts';
import { Aggregate, SealedLinkToken } from '@ic/platform';
import { Member } from '../members/member';
import { mayIssueSignInLink, SignInLink, signInLinkExpiry } from './sign-in-link.rules';

export interface SignInLinkIssue {
  readonly member: Pick<Member, 'id' | 'status'>;
  /** How many links the member was given in the last hour, and how many an hour allows. */
  readonly linksInLastHour: number;
  readonly perHour: number;
  readonly at: Date;
  readonly validityMinutes: number;
  readonly token: SealedLinkToken;
  /** The portal page to go on to after signing in. */
  readonly returnTo?: string;
}

/**
 * A link to sign in: decides whether a member gets one and records SignInLinkRequested with the
 * sealed token for the mail (the link itself is stored only by its token's hash).
 */
export class SignInLinkAggregate extends Aggregate<SignInLink> {
  private constructor(link: SignInLink) {
    super(link);
  }

  /** A new link for an active member within the hourly limit; null for anyone else (no link, no event). */
  static issue({
    member,
    linksInLastHour,
    perHour,
    at,
    validityMinutes,
    token,
    returnTo,
  }: SignInLinkIssue): SignInLinkAggregate | null {
    if (!mayIssueSignInLink(member, linksInLastHour, perHour)) return null;
    const expiresAt = signInLinkExpiry(at, validityMinutes);
    const link = new SignInLinkAggregate({
      tokenHash: token.tokenHash,
      memberId: member.id,
      createdAt: at,
      expiresAt,
    });
    link.record(SignInLinkRequestedEvent, {
      memberId: member.id,
      expiresAt: expiresAt.toISOString(),
      signInToken: token.sealedToken,
      ...(returnTo ? { returnTo } : {}),
    });
    return link;
  }

  get memberId(): string {
    return this.state.memberId;
  }
}
