import { SealedToken } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import {
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryOutcome,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { mailLink } from '../../mail/club-office';
import { MailSettings } from '../../mail/mail-settings';
import { renderSignInLinkMail, SIGN_IN_LINK_SUBJECT } from '../../mail/templates/sign-in-link.template';
import { ContactsRepository } from '../../replicas/contacts.repository';
import { composeLinkMail, memberMailRequest, requireContact } from '../mail-inputs';

export interface SendSignInLinkCommand {
  /** ce_id of SignInLinkRequested. */
  readonly eventId: string;
  readonly correlationId?: string;
  readonly memberId: string;
  readonly signInToken: SealedToken;
  readonly expiresAt: string;
  /** The portal page the member asked from (SignInLinkRequested.returnTo). */
  readonly returnTo?: string;
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
    const request = memberMailRequest('sign-in-link', command, SIGN_IN_LINK_SUBJECT, async () => {
      const contact = await requireContact(this.contacts, command.memberId);
      return composeLinkMail(this.settings, contact, command.signInToken, (token) =>
        renderSignInLinkMail({
          addressee: contact,
          link: signInLink(this.settings.linkBaseUrl, token, command.returnTo),
          expiresAt: new Date(command.expiresAt),
          now: new Date(),
          office: this.settings.office,
        }),
      );
    });
    return this.deliver.execute(request, attempt);
  }
}

/** `${LINK_BASE_URL}/anmelden/<token>`, and `?weiter=<path>` when the member asked from a page of the portal. */
export function signInLink(baseUrl: string, token: string, returnTo?: string): string {
  const link = mailLink(baseUrl, 'anmelden', token);
  return returnTo ? `${link}?weiter=${encodeURIComponent(returnTo)}` : link;
}
