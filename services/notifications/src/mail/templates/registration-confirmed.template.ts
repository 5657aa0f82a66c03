import { eventName } from './event-details';
import { confirmedSeatMail, delegationOf, RegistrationMailBase } from './registration-mail-parts';
import { MailContent } from './mail-layout';

/**
 * Why a confirmation goes out: a registration that got a seat at once, a person added to a
 * municipality's confirmed delegation, or a person of it whose details (name, role, address) changed.
 */
export type ConfirmationReason = 'registered' | 'added-to-delegation' | 'details-changed';

export interface RegistrationConfirmedMail extends RegistrationMailBase {
  readonly reason: ConfirmationReason;
}

export function registrationConfirmedSubject(mail: Pick<RegistrationConfirmedMail, 'event'>): string {
  return `Anmeldung bestätigt: ${eventName(mail.event)}`;
}

/** The seat is confirmed: what, when, where, the workshops, the calendar entry attached, how to step back. */
export function renderRegistrationConfirmedMail(mail: RegistrationConfirmedMail): MailContent {
  return confirmedSeatMail({
    subject: registrationConfirmedSubject(mail),
    preheader: `Ihre Teilnahme ist bestätigt: ${mail.event.title}`,
    intro: introOf(mail),
    mail,
  });
}

function introOf(mail: RegistrationConfirmedMail): string {
  if (mail.delegate) {
    const { municipality, ofMunicipality, role } = delegationOf(mail.delegate, mail.addressee.salutation);
    switch (mail.reason) {
      case 'details-changed':
        return `die Angaben zu Ihrer Teilnahme in der Delegation ${ofMunicipality} wurden geändert. Sie nehmen als ${role} teil; Ihre Teilnahme an der folgenden Veranstaltung bleibt bestätigt:`;
      case 'added-to-delegation':
        return `${municipality} hat Sie als ${role} in ihre Delegation aufgenommen. Ihre Teilnahme an der folgenden Veranstaltung ist bestätigt:`;
      case 'registered':
        return `${municipality} hat Sie als ${role} angemeldet. Ihre Teilnahme an der folgenden Veranstaltung ist bestätigt:`;
    }
  }
  if (mail.registration.registeredBy.role === 'staff') {
    return 'die Geschäftsstelle hat Sie für die folgende Veranstaltung angemeldet. Ihre Teilnahme ist bestätigt:';
  }
  return 'vielen Dank für Ihre Anmeldung. Ihre Teilnahme an der folgenden Veranstaltung ist bestätigt:';
}
