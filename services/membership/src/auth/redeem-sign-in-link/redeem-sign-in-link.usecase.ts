import { AccessTokenReply } from '@ic/contracts';
import { Clock, hashLinkToken, UnauthenticatedError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { MembersRepository } from '../../members/members.repository';
import { AccessTokensService } from '../access-tokens.service';
import { SignInLinksRepository } from '../sign-in-links.repository';
import { redeemProblem, SignInLinkMessages } from '../sign-in-link.rules';

/**
 * A member exchanges the link from the mail for an access token; each link works once. `redeem` is
 * the link's part alone, for the browser session that StartBrowserSessionUseCase opens instead.
 */
@Injectable()
export class RedeemSignInLinkUseCase {
  constructor(
    private readonly links: SignInLinksRepository,
    private readonly members: MembersRepository,
    private readonly tokens: AccessTokensService,
    private readonly clock: Clock,
  ) {}

  async execute(token: string): Promise<AccessTokenReply> {
    return this.tokens.issue(await this.redeem(token), 'member');
  }

  /** Uses the link up if it may be used now, and returns the member it signs in. */
  async redeem(token: string): Promise<string> {
    const tokenHash = hashLinkToken(token);
    const link = await this.links.findByTokenHash(tokenHash);
    const [used, member] = link
      ? await Promise.all([this.links.isUsed(tokenHash), this.members.findById(link.memberId)])
      : [false, null];
    const now = this.clock.now();
    const problem = redeemProblem(link, used, member, now);
    if (problem) throw problem;
    if (!link || !(await this.links.markUsed(tokenHash, now))) {
      throw new UnauthenticatedError(SignInLinkMessages.used);
    }
    return link.memberId;
  }
}
