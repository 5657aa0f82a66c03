import { SessionChangeCause, SessionSeatChange } from '@ic/contracts';
import { eventName } from './event-details';
import { MailContent } from './mail-layout';
import {
  eventPagePart,
  eventPart,
  listPart,
  registrationMail,
  RegistrationMailBase,
  sessionOf,
  sessionText,
  textPart,
  workshopsPart,
} from './registration-mail-parts';

export interface WorkshopSeatsMail extends RegistrationMailBase {
  readonly cause: SessionChangeCause;
  readonly changes: readonly SessionSeatChange[];
}

export function workshopSeatsSubject(mail: Pick<WorkshopSeatsMail, 'event'>): string {
  return `Ihre Workshops: ${eventName(mail.event)}`;
}

/**
 * Workshop seats changed without the participant asking: moved up from a workshop's waiting list,
 * or a chosen workshop left the programme. Says what changed, then all workshops with their seats.
 */
export function renderWorkshopSeatsMail(mail: WorkshopSeatsMail): MailContent {
  return registrationMail({
    subject: workshopSeatsSubject(mail),
    preheader: `Ihre Workshop-Plätze haben sich geändert: ${mail.event.title}`,
    mail,
    parts: [
      textPart('bei Ihren Workshops der folgenden Veranstaltung hat sich etwas geändert:'),
      eventPart(mail.event),
      listPart(
        'Was sich geändert hat',
        mail.changes.map((change) => changeText(mail, change)),
      ),
      workshopsPart(mail.event, mail.registration.sessions),
      eventPagePart(mail),
    ],
  });
}

function changeText(mail: WorkshopSeatsMail, change: SessionSeatChange): string {
  const session = sessionOf(mail.event, change.sessionId);
  const name = session ? sessionText(session) : 'Ein von Ihnen gewählter Workshop';
  const choice = mail.registration.sessions.find((seat) => seat.sessionId === change.sessionId);
  switch (change.to) {
    case undefined:
      return `${name}: Der Workshop wurde aus dem Programm genommen und entfällt.`;
    case 'confirmed':
      return change.from === 'waiting'
        ? `${name}: Sie sind von der Warteliste nachgerückt; Ihr Platz ist bestätigt.`
        : `${name}: Ihr Platz ist bestätigt.`;
    case 'waiting':
      return `${name}: Sie stehen ${choice?.waitingPlace ? `auf Platz ${choice.waitingPlace} der` : 'auf der'} Warteliste des Workshops.`;
    case 'pending':
      return `${name}: vorgemerkt, bis Ihre Teilnahme bestätigt ist.`;
  }
}
