import { SignInLinkRequest, SignInLinkRequestedEvent } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { Clock, hashLinkToken, newLinkToken, SecretBox } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EmailClaimsService } from '../../members/email-claims/email-claims.service';
import { MembershipEnv } from '../../membership.env';
import { SignInLinksRepository } from '../sign-in-links.repository';
import { mayIssueSignInLink, ONE_HOUR_MS, signInLinkExpiry } from '../sign-in-link.rules';

/** Every answer takes at least this long, so its timing tells nothing about the address. */
export const MIN_ANSWER_MS = 300;

/**
 * A member asks for a sign-in link by e-mail. The answer is the same, in shape and in time,
 * whether the address belongs to an active member, an inactive one, nobody, or someone who asked
 * too often; only an active member within the hourly limit gets a link (SignInLinkRequested).
 */
@Injectable()
export class RequestSignInLinkUseCase {
  private readonly logger = new Logger(RequestSignInLinkUseCase.name);

  constructor(
    private readonly claims: EmailClaimsService,
    private readonly links: SignInLinksRepository,
    private readonly events: OutboxEventFactory,
    private readonly sealer: SecretBox,
    private readonly config: ConfigService<MembershipEnv, true>,
    private readonly clock: Clock,
  ) {}

  async execute(request: SignInLinkRequest, correlationId?: string): Promise<{ accepted: true }> {
    const answerNotBefore = Date.now() + MIN_ANSWER_MS;
    try {
      await this.issueIfAllowed(request, correlationId);
    } finally {
      const wait = answerNotBefore - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    return { accepted: true };
  }

  private async issueIfAllowed(request: SignInLinkRequest, correlationId?: string): Promise<void> {
    const now = this.clock.now();
    const member = await this.claims.memberHolding(request.email);
    const recent = member
      ? await this.links.countForMemberSince(member.id, new Date(now.getTime() - ONE_HOUR_MS))
      : 0;
    if (
      !member ||
      !mayIssueSignInLink(member, recent, this.config.get('SIGN_IN_LINKS_PER_HOUR', { infer: true }))
    ) {
      if (member)
        this.logger.log(`No sign-in link for member ${member.id}: inactive or hourly limit reached`);
      return;
    }
    const token = newLinkToken();
    const expiresAt = signInLinkExpiry(
      now,
      this.config.get('SIGN_IN_LINK_VALIDITY_MINUTES', { infer: true }),
    );
    const requested = this.events.create(
      SignInLinkRequestedEvent,
      member.id,
      {
        memberId: member.id,
        expiresAt: expiresAt.toISOString(),
        signInToken: this.sealer.seal(token),
        ...(request.returnTo ? { returnTo: request.returnTo } : {}),
      },
      correlationId,
    );
    await this.links.insert(
      { tokenHash: hashLinkToken(token), memberId: member.id, createdAt: now, expiresAt },
      [requested],
    );
  }
}
