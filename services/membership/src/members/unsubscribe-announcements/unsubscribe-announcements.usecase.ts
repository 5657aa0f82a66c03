import { AnnouncementPreferenceChangedEvent } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { retryOnConcurrentChange } from '@ic/persistence';
import { NotFoundError, UnsubscribeTokens } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { isActive } from '../member';
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
    private readonly events: OutboxEventFactory,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  async execute(token: string, correlationId?: string): Promise<{ unsubscribed: true }> {
    const memberId = this.tokens.verify(token);
    if (!memberId) throw new NotFoundError(MemberMessages.unsubscribeLinkInvalid);
    await retryOnConcurrentChange(async () => {
      const member = await this.members.findById(memberId);
      if (!member || !isActive(member) || member.announcementsOptOut) return;
      const event = this.events.create(
        AnnouncementPreferenceChangedEvent,
        member.id,
        { memberId: member.id, announcementsOptOut: true, via: 'unsubscribe-link' },
        correlationId,
      );
      await this.members.update(member, { ...member, announcementsOptOut: true }, [event]);
    });
    return { unsubscribed: true };
  }
}
