import {
  AnnouncementPreferenceChanged,
  AnnouncementPreferenceChangedEvent,
  InvitationResent,
  InvitationResentEvent,
  MemberActivated,
  MemberActivatedEvent,
  MemberDeactivated,
  MemberDeactivatedEvent,
  MemberErased,
  MemberErasedEvent,
  MemberInvited,
  MemberInvitedEvent,
  MemberProfileUpdated,
  MemberProfileUpdatedEvent,
  SignInLinkRequested,
  SignInLinkRequestedEvent,
} from '@ic/contracts';
import { KafkaEventContext } from '@ic/messaging';
import { ReplicaWrite } from '@ic/persistence';
import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DeliveryAttempt, deliveryAttemptOf } from '../deliveries/deliver-mail/deliver-mail.usecase';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { ContactsRepository } from '../replicas/contacts.repository';
import { KnownInterestsRepository } from '../replicas/known-interests.repository';
import { SendInvitationUseCase } from './send-invitation/send-invitation.usecase';
import { SendSignInLinkUseCase } from './send-sign-in-link/send-sign-in-link.usecase';

/**
 * The membership events this service acts on: they keep the contact replica current (address,
 * and what decides who gets an announcement), cause the invitation and sign-in mails, and make it
 * forget a member who had their data erased. The
 * transport has checked each event against its contract.
 */
@Controller()
export class MembershipEventsController {
  private readonly logger = new Logger(MembershipEventsController.name);

  constructor(
    private readonly contacts: ContactsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly interests: KnownInterestsRepository,
    private readonly invitations: SendInvitationUseCase,
    private readonly signInLinks: SendSignInLinkUseCase,
  ) {}

  @EventPattern(MemberInvitedEvent.type)
  async memberInvited(@Payload() data: MemberInvited, @Ctx() context: KafkaEventContext): Promise<void> {
    const { event } = context.delivery;
    this.noteReplica(
      event.type,
      data.memberId,
      await this.contacts.recordInvited(
        data.memberId,
        data.profile,
        data.personalMessage,
        new Date(event.time),
      ),
    );
    await this.invitations.execute(
      {
        eventId: event.id,
        correlationId: event.correlationId,
        memberId: data.memberId,
        invitationToken: data.invitationToken,
        expiresAt: data.expiresAt,
        invitee: { profile: data.profile, personalMessage: data.personalMessage },
      },
      this.attemptOf(context),
    );
  }

  @EventPattern(InvitationResentEvent.type)
  async invitationResent(
    @Payload() data: InvitationResent,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    await this.invitations.execute(
      {
        eventId: event.id,
        correlationId: event.correlationId,
        memberId: data.memberId,
        invitationToken: data.invitationToken,
        expiresAt: data.expiresAt,
      },
      this.attemptOf(context),
    );
  }

  @EventPattern(SignInLinkRequestedEvent.type)
  async signInLinkRequested(
    @Payload() data: SignInLinkRequested,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    await this.signInLinks.execute(
      {
        eventId: event.id,
        correlationId: event.correlationId,
        memberId: data.memberId,
        signInToken: data.signInToken,
        expiresAt: data.expiresAt,
        ...(data.returnTo ? { returnTo: data.returnTo } : {}),
      },
      this.attemptOf(context),
    );
  }

  @EventPattern(MemberActivatedEvent.type)
  async memberActivated(@Payload() data: MemberActivated, @Ctx() context: KafkaEventContext): Promise<void> {
    const { event } = context.delivery;
    this.noteReplica(
      event.type,
      data.memberId,
      await this.contacts.recordActivated(data.memberId, data.profile, new Date(event.time)),
    );
  }

  @EventPattern(MemberProfileUpdatedEvent.type)
  async memberProfileUpdated(
    @Payload() data: MemberProfileUpdated,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    this.noteReplica(
      event.type,
      data.memberId,
      await this.contacts.recordProfile(data.memberId, data.profile, new Date(event.time)),
    );
  }

  @EventPattern(AnnouncementPreferenceChangedEvent.type)
  async announcementPreferenceChanged(
    @Payload() data: AnnouncementPreferenceChanged,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    this.noteReplica(
      event.type,
      data.memberId,
      await this.contacts.recordAnnouncementPreference(
        data.memberId,
        data.announcementsOptOut,
        new Date(event.time),
      ),
    );
  }

  @EventPattern(MemberDeactivatedEvent.type)
  async memberDeactivated(
    @Payload() data: MemberDeactivated,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    this.noteReplica(
      event.type,
      data.memberId,
      await this.contacts.recordDeactivated(data.memberId, new Date(event.time)),
    );
  }

  /**
   * The member's contact becomes a tombstone (no more mail), the delivery log forgets their address,
   * and which events they declared interest in is forgotten.
   */
  @EventPattern(MemberErasedEvent.type)
  async memberErased(@Payload() data: MemberErased, @Ctx() context: KafkaEventContext): Promise<void> {
    const { event } = context.delivery;
    this.noteReplica(
      event.type,
      data.memberId,
      await this.contacts.recordErased(data.memberId, new Date(event.time)),
    );
    await this.deliveries.forgetRecipientOf(data.memberId);
    await this.interests.forgetMember(data.memberId);
  }

  private attemptOf(context: KafkaEventContext): DeliveryAttempt {
    return deliveryAttemptOf(context);
  }

  private noteReplica(type: string, memberId: string, outcome: ReplicaWrite): void {
    if (outcome === 'stale')
      this.logger.log(`${type} for ${memberId} is older than the contact we hold; kept ours`);
    if (outcome === 'unknown-member')
      this.logger.warn(`${type} for unknown member ${memberId}; nothing to change`);
  }
}
