import { Addressee, displayName, SealedToken } from '@ic/contracts';
import { SealedValueError } from '@ic/platform';
import {
  MailCannotBeComposedError,
  MailNotReadyError,
} from '../deliveries/deliver-mail/deliver-mail.usecase';
import { MailSettings } from '../mail/mail-settings';
import { MailAddress } from '../mail/mailer';
import { ContactRecord, ContactsRepository } from '../replicas/contacts.repository';

/**
 * The member's contact from the replica; missing means the membership events have not arrived yet.
 * A member who had their data erased gets no mail at all: failed at once, without an address.
 */
export async function requireContact(contacts: ContactsRepository, memberId: string): Promise<ContactRecord> {
  const contact = await contacts.find(memberId);
  if (!contact && (await contacts.isErased(memberId))) {
    throw new MailCannotBeComposedError(
      `Mitglied ${memberId} hat seine Daten löschen lassen; an es geht keine E-Mail mehr.`,
    );
  }
  if (!contact) {
    throw new MailNotReadyError(
      `Zu Mitglied ${memberId} liegen keine Kontaktdaten vor (Ereignis MemberInvited nicht erhalten).`,
    );
  }
  return contact;
}

/**
 * Whom a mail with a personal link (invitation, sign-in link) goes to, and the link's token,
 * sealed by the membership service, opened for that address.
 */
export function linkMailTo(
  settings: MailSettings,
  person: Addressee & { readonly email: string },
  sealed: SealedToken,
): { readonly to: MailAddress; readonly token: string } {
  const to = { name: displayName(person), address: person.email };
  return { to, token: openLinkToken(settings, sealed, to.address) };
}

function openLinkToken(settings: MailSettings, sealed: string, recipient: string): string {
  try {
    return settings.linkTokens.open(sealed);
  } catch (error) {
    if (!(error instanceof SealedValueError)) throw error;
    throw new MailCannotBeComposedError(
      'Der Link-Token im Ereignis lässt sich nicht öffnen (anderer LINK_TOKEN_SECRET als im Mitgliederdienst?).',
      recipient,
    );
  }
}
