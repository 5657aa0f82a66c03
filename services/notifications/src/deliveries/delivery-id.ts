import { MailKind } from '@ic/contracts';

/**
 * The delivery's id follows from the event that causes the mail: the same event always means the
 * same delivery, however often it is delivered to us. E.g. `invitation:<ce_id>`.
 */
export function deliveryIdOf(kind: MailKind, causedBy: string): string {
  return `${kind}:${causedBy}`;
}

/**
 * An announcement goes to many members: one delivery per event and member. It follows from the
 * club event's id, which is announced only once, so a redelivered EventAnnounced, or one handled
 * again after a crash, finds the deliveries of the first run and sends only what is missing.
 */
export function announcementDeliveryIdOf(clubEventId: string, memberId: string): string {
  return `announcement:${clubEventId}:${memberId}`;
}

/**
 * The Message-ID of a delivery, the same for every attempt: `<invitation.<ce_id>@<sender domain>>`.
 * (A Message-ID's left part may not hold ":", RFC 5322 dot-atom.) A resend after a crash therefore
 * carries the Message-ID of the first attempt, and mailbox providers keep one copy per Message-ID.
 */
export function messageIdOf(deliveryId: string, domain: string): string {
  return `<${deliveryId.replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '.')}@${domain}>`;
}

/**
 * A mail about a registration: one per registration, change and person. `revision` names the
 * change (the registration's revision, or the event's for a changed event, or the day of the
 * event or module a reminder is for), so the same change always means the same delivery however
 * often its event arrives, and a later change means a new mail. `personId` names the delegation
 * person, who each get their own mail. E.g. `registration-confirmed:<registrationId>:3`.
 */
export function registrationDeliveryIdOf(
  kind: RegistrationMailKind,
  registrationId: string,
  revision: number | string,
  personId?: string,
): string {
  return [kind, registrationId, String(revision), ...(personId ? [personId] : [])].join(':');
}

export type RegistrationMailKind = Exclude<MailKind, 'invitation' | 'sign-in-link' | 'announcement'>;

/**
 * Registration opened, to a member: one mail per event and member, ever, whether they are told as
 * one who declared interest (for themselves or their municipality) or as one the event was
 * announced to. Whichever comes first sends it; the other finds it sent.
 */
export function registrationOpenedDeliveryIdOf(clubEventId: string, memberId: string): string {
  return `registration-opened:${clubEventId}:${memberId}`;
}

/** Registration opened, to the contact person the office named for a municipality: one mail per declared interest. */
export function interestDeliveryIdOf(interestId: string): string {
  return `registration-opened:${interestId}`;
}
