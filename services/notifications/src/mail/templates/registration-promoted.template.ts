import { PromotionCause } from '@ic/contracts';
import { eventName } from './event-details';
import { MailContent } from './mail-layout';
import { confirmedSeatMail, delegationOf, RegistrationMailBase } from './registration-mail-parts';

export interface RegistrationPromotedMail extends RegistrationMailBase {
  readonly cause: PromotionCause;
}

export function registrationPromotedSubject(mail: Pick<RegistrationPromotedMail, 'event'>): string {
  return `Nachgerückt, Teilnahme bestätigt: ${eventName(mail.event)}`;
}

/** A seat became free and the registration moved up from the waiting list: confirmed now, with the calendar entry. */
export function renderRegistrationPromotedMail(mail: RegistrationPromotedMail): MailContent {
  return confirmedSeatMail({
    subject: registrationPromotedSubject(mail),
    preheader: `Ein Platz ist frei geworden: Ihre Teilnahme ist bestätigt.`,
    intro: introOf(mail),
    mail,
  });
}

function introOf(mail: RegistrationPromotedMail): string {
  const news =
    mail.cause === 'capacity-raised'
      ? 'gute Nachricht: Die Veranstaltung hat zusätzliche Plätze bekommen.'
      : 'gute Nachricht: Ein Platz ist frei geworden.';
  if (mail.delegate) {
    const { ofMunicipality, role } = delegationOf(mail.delegate, mail.addressee.salutation);
    return `${news} Die Delegation ${ofMunicipality} ist von der Warteliste nachgerückt; Ihre Teilnahme als ${role} an der folgenden Veranstaltung ist bestätigt:`;
  }
  return `${news} Sie sind von der Warteliste nachgerückt; Ihre Teilnahme an der folgenden Veranstaltung ist bestätigt:`;
}
