import { MemberProfile, SealedToken } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import {
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryOutcome,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { mailLink } from '../../mail/club-office';
import { MailSettings } from '../../mail/mail-settings';
import { INVITATION_SUBJECT, renderInvitationMail } from '../../mail/templates/invitation.template';
import { ContactsRepository } from '../../replicas/contacts.repository';
import { composeLinkMail, memberMailRequest, requireContact } from '../mail-inputs';

export interface SendInvitationCommand {
  /** ce_id of MemberInvited or InvitationResent. */
  readonly eventId: string;
  readonly correlationId?: string;
  readonly memberId: string;
  readonly invitationToken: SealedToken;
  readonly expiresAt: string;
  /** Carried by MemberInvited; a resent invitation reads the person from the contact replica. */
  readonly invitee?: { readonly profile: MemberProfile; readonly personalMessage?: string };
}

/** The invitation mail ("Berufung") for a new or a resent invitation. */
@Injectable()
export class SendInvitationUseCase {
  constructor(
    private readonly deliver: DeliverMailUseCase,
    private readonly contacts: ContactsRepository,
    private readonly settings: MailSettings,
  ) {}

  execute(command: SendInvitationCommand, attempt: DeliveryAttempt): Promise<DeliveryOutcome> {
    const request = memberMailRequest('invitation', command, INVITATION_SUBJECT, async () => {
      const invitee = command.invitee ?? (await this.inviteeFromReplica(command.memberId));
      return composeLinkMail(this.settings, invitee.profile, command.invitationToken, (token) =>
        renderInvitationMail({
          addressee: invitee.profile,
          personalMessage: invitee.personalMessage,
          link: mailLink(this.settings.linkBaseUrl, 'einladung', token),
          expiresAt: new Date(command.expiresAt),
          office: this.settings.office,
        }),
      );
    });
    return this.deliver.execute(request, attempt);
  }

  private async inviteeFromReplica(memberId: string) {
    const contact = await requireContact(this.contacts, memberId);
    return { profile: contact, personalMessage: contact.personalMessage };
  }
}
