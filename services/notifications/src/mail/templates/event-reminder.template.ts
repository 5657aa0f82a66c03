import { CircleModule, germanWeekdayDate } from '@ic/contracts';
import { eventName, moduleTime } from './event-details';
import { MailContent } from './mail-layout';
import {
  calendarPart,
  eventPagePart,
  eventPart,
  registeredForClause,
  registrationMail,
  RegistrationMailBase,
  textPart,
  workshopsPart,
} from './registration-mail-parts';

export interface EventReminderMail extends RegistrationMailBase {
  /** The module of a Kommunalzirkel the reminder is for; absent for a Forum or a Lounge. */
  readonly module?: CircleModule;
  /** When the event (or the module) starts. */
  readonly startsAt: Date;
}

export function eventReminderSubject(mail: Pick<EventReminderMail, 'event' | 'module' | 'startsAt'>): string {
  const what = mail.module ? `${mail.module.title} (${eventName(mail.event)})` : eventName(mail.event);
  return `Erinnerung: ${what} am ${germanWeekdayDate(mail.startsAt)}`;
}

/** A few days before the event (or a module): what, when, where, the workshops, the calendar entry. */
export function renderEventReminderMail(mail: EventReminderMail): MailContent {
  const registered = registeredForClause(mail);
  return registrationMail({
    subject: eventReminderSubject(mail),
    preheader: `Bald ist es so weit: ${mail.event.title}, ${germanWeekdayDate(mail.startsAt)}`,
    mail,
    parts: [
      textPart(
        mail.module
          ? `wir erinnern Sie gern an das nächste Modul der folgenden Veranstaltung, ${registered}: „${mail.module.title}“, ${[moduleTime(mail.module), mail.module.place].filter(Boolean).join(', ')}.`
          : `wir erinnern Sie gern an die folgende Veranstaltung, ${registered}:`,
      ),
      eventPart(mail.event),
      workshopsPart(mail.event, mail.registration.sessions),
      calendarPart(mail.calendarFiles),
      textPart(
        'Falls Sie doch nicht teilnehmen können, geben Sie bitte der Geschäftsstelle Bescheid, damit jemand von der Warteliste nachrücken kann.',
      ),
      eventPagePart(mail),
      textPart('Wir freuen uns auf Sie.'),
    ],
    attachments: mail.calendarFiles,
  });
}
