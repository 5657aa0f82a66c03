import { eventName } from './event-details';
import { MailContent } from './mail-layout';
import {
  delegationOf,
  eventPagePart,
  eventPart,
  registrationMail,
  RegistrationMailBase,
  textPart,
  withdrawalPart,
  workshopsPart,
} from './registration-mail-parts';

/** Why a waiting-list mail goes out: a registration put on the list, or a person added to a waiting delegation. */
export type WaitlistReason = 'registered' | 'added-to-delegation';

export interface RegistrationWaitlistedMail extends RegistrationMailBase {
  readonly reason: WaitlistReason;
}

export function registrationWaitlistedSubject(
  mail: Pick<RegistrationWaitlistedMail, 'event' | 'registration'>,
): string {
  const place = mail.registration.waitingPlace;
  return `Warteliste${place ? `, Platz ${place}` : ''}: ${eventName(mail.event)}`;
}

/** The event is full: the place on the waiting list, and what happens when a seat frees up. No calendar entry yet. */
export function renderRegistrationWaitlistedMail(mail: RegistrationWaitlistedMail): MailContent {
  const place = mail.registration.waitingPlace;
  const placeText = place ? `auf Platz ${place} der Warteliste` : 'auf der Warteliste';
  return registrationMail({
    subject: registrationWaitlistedSubject(mail),
    preheader: `Sie stehen ${placeText}: ${mail.event.title}`,
    mail,
    parts: [
      textPart(introOf(mail, placeText)),
      eventPart(mail.event),
      textPart(
        'Sobald ein Platz frei wird, rücken die Angemeldeten in der Reihenfolge der Warteliste nach. ' +
          'Rücken Sie nach, ist Ihre Teilnahme sofort bestätigt, und wir schreiben Ihnen umgehend, mit dem Termin für Ihren Kalender.',
      ),
      workshopsPart(mail.event, mail.registration.sessions),
      withdrawalPart(mail, true),
      eventPagePart(mail),
    ],
  });
}

function introOf(mail: RegistrationWaitlistedMail, placeText: string): string {
  if (mail.delegate) {
    const { municipality, role } = delegationOf(mail.delegate, mail.addressee.salutation);
    const what =
      mail.reason === 'added-to-delegation'
        ? `${municipality} hat Sie als ${role} in ihre Delegation aufgenommen.`
        : `${municipality} hat Sie als ${role} angemeldet.`;
    return `${what} Die folgende Veranstaltung ist derzeit ausgebucht; die Delegation steht ${placeText}:`;
  }
  const thanks =
    mail.registration.registeredBy.role === 'staff'
      ? 'die Geschäftsstelle hat Sie für die folgende Veranstaltung angemeldet.'
      : 'vielen Dank für Ihre Anmeldung.';
  return `${thanks} Die Veranstaltung ist derzeit ausgebucht; Sie stehen ${placeText}:`;
}
