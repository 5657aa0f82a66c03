import {
  Addressee,
  ClubEventSnapshot,
  EventKindNames,
  germanWeekdayDateTime,
  letterSalutation,
} from '@ic/contracts';
import type { RegistrationStage } from '../../club-events/announcement.rules';
import {
  eventFacts,
  eventHeadline,
  eventName,
  factsTable,
  factsText,
  modulesHtml,
  modulesText,
} from './event-details';
import {
  blocks,
  ClubOffice,
  closingHtml,
  closingText,
  clubMail,
  MailContent,
  paragraph,
  PARAGRAPH_STYLE,
} from './mail-layout';
import { linkPart, MailPart } from './registration-mail-parts';
import { plainTextOf } from './plain-text';
import { markup, SafeHtml } from '@ic/platform';
import { unsubscribeNotice } from './unsubscribe-notice';

export interface AnnouncementMail {
  readonly addressee: Addressee;
  /** The event as announced (EventAnnounced carries the whole of it). */
  readonly event: ClubEventSnapshot;
  /** The event's entries as an iCalendar file, attached to the mail. */
  readonly calendarFile: string;
  /** `${LINK_BASE_URL}/api/v1/calendar.ics`: the public feed of all events. */
  readonly feedLink: string;
  /** `${LINK_BASE_URL}/abmelden/<token>`: opens a page with a button, and takes RFC 8058 one-click POSTs. */
  readonly unsubscribeLink: string;
  /** `${LINK_BASE_URL}/veranstaltungen/<eventId>`: where the member registers or declares interest. */
  readonly eventPage: string;
  /** Where registration stands as the mail is written (see registrationStageOf). */
  readonly registration: RegistrationStage;
  readonly office: ClubOffice;
}

const MUTED = 'color:#52606d;';
export const CALENDAR_FILE_NAME = 'termin.ics';
const FEED_NOTE = 'Alle Veranstaltungen des Clubs können Sie auch als Kalender abonnieren:';

/** "Ankündigung: Innovators Lounge Ulm: …", or with the kind when the title does not name it. */
export function announcementSubject(event: Pick<ClubEventSnapshot, 'kind' | 'title'>): string {
  return `Ankündigung: ${eventName(event)}`;
}

/**
 * The announcement of a new event to a member it fits: what, when, where, for whom, the
 * description, where registration stands with the way to the event page ("Jetzt anmelden" while it
 * is open, "Interesse bekunden" before it opens), the calendar entry as an attachment, and the way
 * to stop these mails (a link in the footer, and the List-Unsubscribe header for the mail
 * program's own button, RFC 8058 one-click).
 */
export function renderAnnouncementMail(mail: AnnouncementMail): MailContent {
  const { event } = mail;
  const salutation = letterSalutation(mail.addressee);
  const intro = introOf(event);
  const facts = eventFacts(event);
  const modules = event.circle?.modules ?? [];
  const registration = registrationPartOf(event, mail.registration, mail.eventPage);

  const html = blocks(
    paragraph(salutation),
    paragraph(intro),
    markup`<p style="margin:0 0 4px 0;font-size:13px;font-weight:bold;letter-spacing:.04em;text-transform:uppercase;${MUTED}">${EventKindNames[event.kind]}</p>
<h1 style="margin:0 0 12px 0;font-size:22px;line-height:1.3;">${event.title}</h1>`,
    event.summary ? paragraph(event.summary) : blocks(),
    factsTable(facts),
    modulesHtml(modules),
    markup`<div style="${PARAGRAPH_STYLE}">${new SafeHtml(event.descriptionHtml)}</div>`,
    registration.html,
    paragraph(calendarNoteOf(event)),
    markup`<p style="${PARAGRAPH_STYLE}">${FEED_NOTE}<br><a href="${mail.feedLink}" style="color:#00507d;word-break:break-all;">${mail.feedLink}</a></p>`,
    paragraph('Wir freuen uns auf Ihre Teilnahme.'),
    closingHtml(),
  );

  const text = [
    salutation,
    intro,
    eventHeadline(event),
    event.summary,
    factsText(facts),
    modulesText(modules),
    plainTextOf(event.descriptionHtml),
    registration.text,
    calendarNoteOf(event),
    `${FEED_NOTE}\n${mail.feedLink}`,
    'Wir freuen uns auf Ihre Teilnahme.',
    closingText(),
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');

  const subject = announcementSubject(event);
  const notice = unsubscribeNotice(WHY_YOU_GET_IT, mail.unsubscribeLink);
  return {
    ...clubMail({
      subject,
      preheader: event.summary ?? event.title,
      html,
      text,
      office: mail.office,
      notice,
    }),
    headers: notice.headers,
    attachments: [
      {
        filename: CALENDAR_FILE_NAME,
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: mail.calendarFile,
      },
    ],
  };
}

const WHY_YOU_GET_IT =
  'Sie erhalten diese Ankündigung als Mitglied des Innovators Club, weil die Veranstaltung zu Ihnen passt.';

function introOf(event: ClubEventSnapshot): string {
  switch (event.kind) {
    case 'deutschlandforum':
      return 'der Innovators Club lädt Sie herzlich zum Deutschlandforum ein, dem jährlichen Treffen des Clubs.';
    case 'innovators-lounge':
      return 'der Innovators Club lädt Sie herzlich zu einer Innovators Lounge ein.';
    case 'kommunalzirkel':
      return 'der Innovators Club startet einen neuen Kommunalzirkel, eine Reihe von Arbeitstreffen für Kommunen. Ihre Kommune gehört zu seiner Zielgruppe.';
  }
}

function calendarNoteOf(event: ClubEventSnapshot): string {
  const what = event.circle ? 'Die Termine der Module, die schon feststehen, finden' : 'Den Termin finden';
  return `${what} Sie im Anhang als Kalenderdatei (${CALENDAR_FILE_NAME}) zum Übernehmen in Ihren Kalender.`;
}

/**
 * Where registration stands and the way to the event page. The opening date is named only while it
 * is ahead: once the office opened registration early the window's date no longer holds.
 */
function registrationPartOf(event: ClubEventSnapshot, stage: RegistrationStage, eventPage: string): MailPart {
  const { opensAt, closesAt } = event.registration;
  const until = germanWeekdayDateTime(new Date(closesAt));
  switch (stage) {
    case 'open':
      return linkPart(
        event.circle
          ? `Die Anmeldung ist geöffnet: Ihre Kommune kann sich bis ${until} anmelden.`
          : `Die Anmeldung ist geöffnet: Sie können sich bis ${until} anmelden.`,
        'Jetzt anmelden',
        eventPage,
      );
    case 'ahead':
      return linkPart(
        `Die Anmeldung öffnet am ${germanWeekdayDateTime(new Date(opensAt))} und ist bis ${until} möglich. ` +
          `Schon jetzt können Sie ${event.circle ? 'das Interesse Ihrer Kommune' : 'Ihr Interesse'} bekunden; ` +
          'dann schreiben wir Ihnen, sobald die Anmeldung geöffnet ist.',
        'Interesse bekunden',
        eventPage,
      );
    case 'over':
      return linkPart(
        'Die Anmeldung ist bereits geschlossen. Alles zur Veranstaltung finden Sie im Mitgliederbereich:',
        'Details ansehen',
        eventPage,
      );
  }
}
