import { Addressee, displayName, MailKind, SealedToken } from '@ic/contracts';
import { SealedValueError } from '@ic/platform';
import {
  ComposedMail,
  composedMail,
  DeliveryRequest,
  MailCannotBeComposedError,
  MailNotReadyError,
} from '../deliveries/deliver-mail/deliver-mail.usecase';
import { MailSettings } from '../mail/mail-settings';
import { MailContent } from '../mail/templates/mail-layout';
import { ContactRecord, ContactsRepository } from '../replicas/contacts.repository';

/** The membership event (its ce_id) that asks for a mail to one member. */
export interface MemberMailCause {
  readonly eventId: string;
  readonly correlationId?: string;
  readonly memberId: string;
}

/** The delivery of one mail to the member, answering the membership event that asked for it. */
export function memberMailRequest(
  kind: MailKind,
  cause: MemberMailCause,
  subject: string,
  compose: () => Promise<ComposedMail>,
): DeliveryRequest {
  return {
    kind,
    memberId: cause.memberId,
    causedBy: cause.eventId,
    ...(cause.correlationId ? { correlationId: cause.correlationId } : {}),
    subject,
    compose,
  };
}

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
 * A mail with a personal link (invitation, sign-in link) to `person`: `write` gets the link's
 * token, sealed by the membership service, opened for the person's address.
 */
export function composeLinkMail(
  settings: MailSettings,
  person: Addressee & { readonly email: string },
  sealed: SealedToken,
  write: (token: string) => MailContent,
): ComposedMail {
  const to = { name: displayName(person), address: person.email };
  return composedMail(to, write(openLinkToken(settings, sealed, to.address)));
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
