import { EventChangeAspect } from '@ic/contracts';
import { eventName } from './event-details';
import { MailContent } from './mail-layout';
import {
  calendarPart,
  eventPagePart,
  eventPart,
  registeredForClause,
  registrationMail,
  RegistrationMailBase,
  textPart,
  withdrawalPart,
  workshopsPart,
} from './registration-mail-parts';

export interface EventChangedMail extends RegistrationMailBase {
  /** What changed of what the registered need to know: the schedule, the venue, or both. */
  readonly changed: readonly EventChangeAspect[];
}

export function eventChangedSubject(mail: Pick<EventChangedMail, 'event' | 'changed'>): string {
  return `${changedWhat(mail.changed, 'Geänderter Termin', 'Geänderter Ort', 'Geänderter Termin und Ort')}: ${eventName(mail.event)}`;
}

/**
 * The schedule or venue of an event the person is registered for changed: the new facts, the
 * updated calendar entry (same UID, higher SEQUENCE, so it replaces the old one) for those with a
 * seat, and the unchanged place for those on the waiting list.
 */
export function renderEventChangedMail(mail: EventChangedMail): MailContent {
  const waiting = mail.registration.status === 'waiting';
  const what = changedWhat(mail.changed, 'den Termin', 'den Ort', 'Termin und Ort');
  const registered = registeredForClause(mail);
  const place = mail.registration.waitingPlace;
  return registrationMail({
    subject: eventChangedSubject(mail),
    preheader: `Bitte beachten Sie die Änderung: ${mail.event.title}`,
    mail,
    parts: [
      textPart(
        `die Geschäftsstelle hat ${what} der folgenden Veranstaltung geändert, ${registered}. So gilt es jetzt:`,
      ),
      eventPart(mail.event),
      textPart(
        waiting
          ? `Sie stehen weiterhin ${place ? `auf Platz ${place} der` : 'auf der'} Warteliste.`
          : 'Ihre Teilnahme bleibt bestätigt.',
      ),
      waiting ? undefined : workshopsPart(mail.event, mail.registration.sessions),
      calendarPart(mail.calendarFiles),
      withdrawalPart(mail, waiting),
      eventPagePart(mail),
    ],
    attachments: mail.calendarFiles,
  });
}

function changedWhat(
  changed: readonly EventChangeAspect[],
  schedule: string,
  venue: string,
  both: string,
): string {
  const scheduleChanged = changed.includes('schedule');
  const venueChanged = changed.includes('venue');
  if (scheduleChanged && venueChanged) return both;
  return venueChanged ? venue : schedule;
}
