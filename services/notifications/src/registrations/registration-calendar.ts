import { ClubEventSnapshot, RegistrationSnapshot } from '@ic/contracts';
import {
  CalendarEntry,
  calendarEntriesOf,
  CalendarMethod,
  CalendarPerson,
  writeCalendar,
} from '@ic/platform';
import { MailAttachment } from '../mail/mailer';
import { ClubOffice } from '../mail/templates/mail-layout';

export interface RegistrationCalendarOptions {
  /** PUBLISH puts the entries into the reader's calendar or updates them; CANCEL removes them. */
  readonly method: CalendarMethod;
  readonly office: ClubOffice;
  /** The person the entries are removed for (CANCEL). */
  readonly attendee?: CalendarPerson;
  /** Only the entry of this module of a Kommunalzirkel (a reminder before one module). */
  readonly moduleId?: string;
  /** The event's page in the member portal, for each entry's URL and the link in its description. */
  readonly eventUrl: (eventId: string) => string;
}

/**
 * The calendar files of a registration mail: one file per entry (the event, or each dated module
 * of a Kommunalzirkel), since an iTIP message carries one UID. The UIDs are the event's (or the
 * module's) as in the announcement and the public feed, so the entry is updated, not duplicated.
 *
 * SEQUENCE is the event's revision plus the registration's: it grows with every change of the
 * event (a moved date, another venue) and with every change of the person's registration (a
 * cancellation, a registration taken up again after it). The event's revision alone would give a
 * registration taken up again after a cancellation the SEQUENCE of the entry it cancelled, and
 * calendars would keep it removed.
 */
export function registrationCalendarFiles(
  event: ClubEventSnapshot,
  registration: RegistrationSnapshot,
  options: RegistrationCalendarOptions,
): MailAttachment[] {
  const cancel = options.method === 'CANCEL';
  const stampedAt = latest(event.updatedAt, changedAt(registration));
  const modules = event.circle?.modules ?? [];
  const entries = calendarEntriesOf(event, { stampedAt, eventUrl: options.eventUrl })
    .map((entry) => ({ entry, module: modules.findIndex((module) => entry.uid.includes(module.moduleId)) }))
    .filter(({ module }) => !options.moduleId || modules[module]?.moduleId === options.moduleId);
  return entries.map(({ entry, module }) => {
    const written: CalendarEntry = {
      ...entry,
      sequence: event.revision + registration.revision,
      status: cancel ? 'CANCELLED' : entry.status,
      organizer: { name: options.office.name, email: options.office.email },
      ...(cancel && options.attendee ? { attendees: [options.attendee] } : {}),
    };
    return {
      filename: fileName(cancel, module, entries.length),
      contentType: `text/calendar; charset=utf-8; method=${options.method}`,
      content: writeCalendar({ method: options.method, entries: [written] }),
    };
  });
}

/** termin.ics, absage.ics; for the modules of a Kommunalzirkel modul-2.ics, absage-modul-2.ics. */
function fileName(cancel: boolean, moduleIndex: number, count: number): string {
  const name = moduleIndex >= 0 && count > 1 ? `modul-${moduleIndex + 1}` : undefined;
  if (cancel) return name ? `absage-${name}.ics` : 'absage.ics';
  return `${name ?? 'termin'}.ics`;
}

/** The time of the registration's last change, so that the same revision always gives the same file. */
function changedAt(registration: RegistrationSnapshot): string {
  return registration.cancelledAt ?? registration.confirmedAt ?? registration.registeredAt;
}

function latest(...times: string[]): Date {
  return new Date(Math.max(...times.map((time) => new Date(time).getTime())));
}
