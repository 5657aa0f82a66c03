import { SealedToken } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import {
  composedMail,
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryOutcome,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { mailLink } from '../../mail/club-office';
import { MailSettings } from '../../mail/mail-settings';
import { renderSignInLinkMail, SIGN_IN_LINK_SUBJECT } from '../../mail/templates/sign-in-link.template';
import { ContactsRepository } from '../../replicas/contacts.repository';
import { linkMailTo, requireContact } from '../mail-inputs';

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
    return this.deliver.execute(
      {
        kind: 'sign-in-link',
        memberId: command.memberId,
        causedBy: command.eventId,
        ...(command.correlationId ? { correlationId: command.correlationId } : {}),
        subject: SIGN_IN_LINK_SUBJECT,
        compose: async () => {
          const contact = await requireContact(this.contacts, command.memberId);
          const { to, token } = linkMailTo(this.settings, contact, command.signInToken);
          const content = renderSignInLinkMail({
            addressee: contact,
            link: signInLink(this.settings.linkBaseUrl, token, command.returnTo),
            expiresAt: new Date(command.expiresAt),
            now: new Date(),
            office: this.settings.office,
          });
          return composedMail(to, content);
        },
      },
      attempt,
    );
  }
}

/** `${LINK_BASE_URL}/anmelden/<token>`, and `?weiter=<path>` when the member asked from a page of the portal. */
export function signInLink(baseUrl: string, token: string, returnTo?: string): string {
  const link = mailLink(baseUrl, 'anmelden', token);
  return returnTo ? `${link}?weiter=${encodeURIComponent(returnTo)}` : link;
}
