import { ClubEventSnapshot } from '@ic/contracts';
import { eventName } from './event-details';
import { germanDateTime } from './german-time';
import { Addressee } from './letter-salutation';
import { ClubOffice, MailContent } from './mail-layout';
import { eventPart, registrationMail, textPart } from './registration-mail-parts';

export interface RegistrationOpenedMail {
  readonly addressee: Addressee;
  readonly event: ClubEventSnapshot;
  /** Set when the interest was declared for a municipality (it registers a delegation), with its name if known. */
  readonly municipality?: { readonly name?: string };
  readonly office: ClubOffice;
}

export function registrationOpenedSubject(mail: Pick<RegistrationOpenedMail, 'event'>): string {
  return `Anmeldung geöffnet: ${eventName(mail.event)}`;
}

/** Registration opened for an event the member (or their municipality) declared interest in: they hear first. */
export function renderRegistrationOpenedMail(mail: RegistrationOpenedMail): MailContent {
  const { event } = mail;
  const closesAt = germanDateTime(new Date(event.registration.closesAt));
  const delegation = event.circle?.delegation;
  return registrationMail({
    subject: registrationOpenedSubject(mail),
    preheader: `Sie hatten Interesse bekundet: Die Anmeldung ist geöffnet.`,
    mail,
    parts: [
      textPart(
        mail.municipality
          ? `${mail.municipality.name ? `die Kommune ${mail.municipality.name}` : 'Ihre Kommune'} hat Interesse an der folgenden Veranstaltung bekundet. Die Anmeldung ist jetzt geöffnet, und wir sagen es Ihnen zuerst:`
          : 'Sie haben Interesse an der folgenden Veranstaltung bekundet. Die Anmeldung ist jetzt geöffnet, und wir sagen es Ihnen zuerst:',
      ),
      eventPart(event),
      textPart(
        mail.municipality && delegation
          ? `Ihre Kommune kann bis ${closesAt} eine Delegation von ${delegation.maxPeople === 1 ? 'einer Person' : `bis zu ${delegation.maxPeople} Personen`} anmelden. Die Plätze werden in der Reihenfolge der Anmeldungen vergeben.`
          : `Sie können sich bis ${closesAt} anmelden. Die Plätze werden in der Reihenfolge der Anmeldungen vergeben.`,
      ),
      textPart('Wir freuen uns auf Ihre Anmeldung.'),
    ],
  });
}
