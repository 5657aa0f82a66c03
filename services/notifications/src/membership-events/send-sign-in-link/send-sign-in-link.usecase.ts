import { SealedToken } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import {
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryOutcome,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { mailLink } from '../../mail/club-office';
import { MailSettings } from '../../mail/mail-settings';
import { displayName } from '../../mail/templates/letter-salutation';
import { renderSignInLinkMail, SIGN_IN_LINK_SUBJECT } from '../../mail/templates/sign-in-link.template';
import { ContactsRepository } from '../../replicas/contacts.repository';
import { openLinkToken, requireContact } from '../mail-inputs';

export interface SendSignInLinkCommand {
  /** ce_id of SignInLinkRequested. */
  readonly eventId: string;
  readonly correlationId?: string;
  readonly memberId: string;
  readonly signInToken: SealedToken;
  readonly expiresAt: string;
}

/** The passwordless sign-in link a member asked for, to the address in the contact replica. */
@Injectable()
export class SendSignInLinkUseCase {
  constructor(
    private readonly deliver: DeliverMailUseCase,
    private readonly contacts: ContactsRepository,
    private readonly settings: MailSettings,
  ) {}

  execute(command: SendSignInLinkCommand, attempt: DeliveryAttempt): Promise<DeliveryOutcome> {
    return this.deliver.execute(
      {
        kind: 'sign-in-link',
        memberId: command.memberId,
        causedBy: command.eventId,
        ...(command.correlationId ? { correlationId: command.correlationId } : {}),
        subject: SIGN_IN_LINK_SUBJECT,
        compose: async () => {
          const contact = await requireContact(this.contacts, command.memberId);
          const to = { name: displayName(contact), address: contact.email };
          const token = openLinkToken(this.settings, command.signInToken, to.address);
          const content = renderSignInLinkMail({
            addressee: contact,
            link: mailLink(this.settings.linkBaseUrl, 'anmelden', token),
            expiresAt: new Date(command.expiresAt),
            now: new Date(),
            office: this.settings.office,
          });
          return { to, html: content.html, text: content.text };
        },
      },
      attempt,
    );
  }
}
