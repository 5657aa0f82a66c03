import { retryOnConcurrentChange } from '@ic/persistence';
import { NotFoundError, UnsubscribeTokens } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { MemberMessages } from '../member.messages';
import { MembersRepository } from '../members.repository';

/**
 * The unsubscribe link of an announcement e-mail: its token names the member and is signed, so
 * nobody needs to be signed in. Unsubscribing again changes nothing and publishes nothing. A valid
 * link of a member who has left, or whose record is gone, gets the same answer, so the link tells
 * nothing about the membership; only a token we never issued is refused.
 */
@Injectable()
export class UnsubscribeAnnouncementsUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  async execute(token: string, correlationId?: string): Promise<{ unsubscribed: true }> {
    const memberId = this.tokens.verify(token);
    if (!memberId) throw new NotFoundError(MemberMessages.unsubscribeLinkInvalid);
    await retryOnConcurrentChange(async () => {
      const member = await this.members.load(memberId);
      if (!member) return;
      member.unsubscribeFromAnnouncements();
      await this.members.save(member, { correlationId });
    });
    return { unsubscribed: true };
  }
}
