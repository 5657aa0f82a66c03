import {
  AnnouncementPreferenceChanged,
  AnnouncementPreferenceChangedEvent,
  InvitationResent,
  InvitationResentEvent,
  MemberInvited,
  MemberInvitedEvent,
  SignInLinkRequested,
  SignInLinkRequestedEvent,
} from '@ic/contracts';
import { KafkaEventContext, noteReplicaWrite } from '@ic/messaging';
import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { deliveryAttemptOf } from '../deliveries/deliver-mail/deliver-mail.usecase';
import { ContactsRepository } from '../replicas/contacts.repository';
import { SendInvitationCommand, SendInvitationUseCase } from './send-invitation/send-invitation.usecase';
import { SendSignInLinkUseCase } from './send-sign-in-link/send-sign-in-link.usecase';

/**
 * The membership events that are this service's own: the invitation and sign-in mails, an
 * invitee's contact (with the personal message of the invitation) and the announcement preference.
 * Activation, profile changes, the end and the erasure of a membership keep the contact replica
 * current through the shared member replica controller (see NotificationsModule), with
 * ForgetErasedMember. The transport has checked each event against its contract.
 */
@Controller()
export class MembershipEventsController {
  private readonly logger = new Logger(MembershipEventsController.name);

  constructor(
    private readonly contacts: ContactsRepository,
    private readonly invitations: SendInvitationUseCase,
    private readonly signInLinks: SendSignInLinkUseCase,
  ) {}

  @EventPattern(MemberInvitedEvent.type)
  async memberInvited(@Payload() data: MemberInvited, @Ctx() context: KafkaEventContext): Promise<void> {
    const { event } = context.delivery;
    noteReplicaWrite(
      this.logger,
      event.type,
      data.memberId,
      await this.contacts.recordInvited(
        data.memberId,
        data.profile,
        data.personalMessage,
        new Date(event.time),
      ),
      'contact',
    );
    await this.sendInvitation(data, context, {
      profile: data.profile,
      personalMessage: data.personalMessage,
    });
  }

  @EventPattern(InvitationResentEvent.type)
  async invitationResent(
    @Payload() data: InvitationResent,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    await this.sendInvitation(data, context);
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
      deliveryAttemptOf(context),
    );
  }

  @EventPattern(AnnouncementPreferenceChangedEvent.type)
  async announcementPreferenceChanged(
    @Payload() data: AnnouncementPreferenceChanged,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    noteReplicaWrite(
      this.logger,
      event.type,
      data.memberId,
      await this.contacts.recordAnnouncementPreference(
        data.memberId,
        data.announcementsOptOut,
        new Date(event.time),
      ),
      'contact',
    );
  }

  /** `invitee` comes with MemberInvited; a resent invitation's mail reads the person from the replica. */
  private async sendInvitation(
    data: MemberInvited | InvitationResent,
    context: KafkaEventContext,
    invitee?: SendInvitationCommand['invitee'],
  ): Promise<void> {
    const { event } = context.delivery;
    await this.invitations.execute(
      {
        eventId: event.id,
        correlationId: event.correlationId,
        memberId: data.memberId,
        invitationToken: data.invitationToken,
        expiresAt: data.expiresAt,
        ...(invitee ? { invitee } : {}),
      },
      deliveryAttemptOf(context),
    );
  }
}
