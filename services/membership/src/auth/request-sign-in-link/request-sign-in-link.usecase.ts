import { SignInLinkRequest } from '@ic/contracts';
import { Clock, newSealedLinkToken, SecretBox } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EmailClaimsService } from '../../members/email-claims/email-claims.service';
import { MembershipEnv } from '../../membership.env';
import { SignInLinkAggregate } from '../sign-in-link.aggregate';
import { SignInLinksRepository } from '../sign-in-links.repository';
import { ONE_HOUR_MS } from '../sign-in-link.rules';

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
    if (!member) return;
    const link = SignInLinkAggregate.issue({
      member,
      linksInLastHour: await this.links.countForMemberSince(member.id, new Date(now.getTime() - ONE_HOUR_MS)),
      perHour: this.config.get('SIGN_IN_LINKS_PER_HOUR', { infer: true }),
      at: now,
      validityMinutes: this.config.get('SIGN_IN_LINK_VALIDITY_MINUTES', { infer: true }),
      token: newSealedLinkToken(this.sealer),
      returnTo: request.returnTo,
    });
    if (!link) {
      this.logger.log(`No sign-in link for member ${member.id}: inactive or hourly limit reached`);
      return;
    }
    await this.links.insert(link, correlationId);
  }
}
