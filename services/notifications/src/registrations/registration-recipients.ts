import {
  Addressee,
  DelegationPerson,
  DelegationRole,
  displayName,
  InterestHolder,
  RegistrationSnapshot,
  SealedToken,
} from '@ic/contracts';
import { openPersonContact, SealedValueError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { MailCannotBeComposedError } from '../deliveries/deliver-mail/deliver-mail.usecase';
import { MailSettings } from '../mail/mail-settings';
import { MailAddress } from '../mail/mailer';
import { requireContact } from '../membership-events/mail-inputs';
import { ContactsRepository } from '../replicas/contacts.repository';

/**
 * Someone a registration mail goes to, known before anything is looked up or opened: the delivery
 * id follows from it. A member's own registration has one (the member), a guest's one (a person
 * with a sealed contact), a municipality's one per person of its delegation (each sealed, each with
 * their own mail).
 */
export type RecipientSlot =
  | { readonly kind: 'member'; readonly memberId: string }
  | { readonly kind: 'person'; readonly contact: SealedToken }
  | {
      readonly kind: 'delegate';
      readonly personId: string;
      readonly role: DelegationRole;
      readonly contact: SealedToken;
    };

/** Whom a mail is written to, found from the slot. */
export interface Recipient {
  readonly addressee: Addressee;
  readonly to: MailAddress;
  /** For a delegation person: the role they go in, and their municipality. */
  readonly delegate?: { readonly role: DelegationRole; readonly municipality?: string };
}

/** The people a registration's mails go to (the delegation as given, e.g. only those added). */
export function recipientSlotsOf(
  registration: RegistrationSnapshot,
  people: readonly DelegationPerson[] | undefined = registration.delegation,
): RecipientSlot[] {
  const { registrant } = registration;
  if (registrant.kind === 'municipality' && people) {
    return people.map(({ personId, role, contact }) => ({ kind: 'delegate', personId, role, contact }));
  }
  if (registrant.kind === 'guest' && registrant.contact) {
    return [{ kind: 'person', contact: registrant.contact }];
  }
  return registrant.memberId ? [{ kind: 'member', memberId: registrant.memberId }] : [];
}

/**
 * Whom "Anmeldung geöffnet" goes to for a declared interest: the contact person the office named
 * for a municipality, else the member who declared it (for themselves or their municipality);
 * nobody for a municipality the office declared without a contact.
 */
export function interestSlotOf(holder: InterestHolder): RecipientSlot | undefined {
  if (holder.kind === 'municipality' && holder.contact) return { kind: 'person', contact: holder.contact };
  return holder.memberId ? { kind: 'member', memberId: holder.memberId } : undefined;
}

export function personIdOf(slot: RecipientSlot): string | undefined {
  return slot.kind === 'delegate' ? slot.personId : undefined;
}

export function memberIdOf(slot: RecipientSlot): string | undefined {
  return slot.kind === 'member' ? slot.memberId : undefined;
}

/**
 * Finds the recipient of a slot: a member in the contact replica (missing means the membership
 * events have not arrived yet: MailNotReadyError, tried again), anyone else by opening their sealed
 * contact (one that does not open never will: MailCannotBeComposedError, failed at once).
 */
@Injectable()
export class RegistrationRecipients {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly settings: MailSettings,
  ) {}

  /** `municipality`: the name of the municipality a delegation person goes for. */
  async resolve(slot: RecipientSlot, municipality?: string): Promise<Recipient> {
    if (slot.kind === 'member') {
      const contact = await requireContact(this.contacts, slot.memberId);
      return { addressee: contact, to: { name: displayName(contact), address: contact.email } };
    }
    const person = this.open(slot.contact);
    const addressee: Addressee = {
      salutation: person.salutation,
      firstName: person.firstName,
      lastName: person.lastName,
    };
    return {
      addressee,
      to: { name: displayName(addressee), address: person.email },
      ...(slot.kind === 'delegate'
        ? { delegate: { role: slot.role, ...(municipality ? { municipality } : {}) } }
        : {}),
    };
  }

  private open(sealed: SealedToken) {
    try {
      return openPersonContact(this.settings.linkTokens, sealed);
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      throw new MailCannotBeComposedError(
        'Die Kontaktdaten im Ereignis lassen sich nicht öffnen (anderer LINK_TOKEN_SECRET als im Anmeldedienst?).',
      );
    }
  }
}
