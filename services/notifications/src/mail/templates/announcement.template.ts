import {
  CircleModule,
  ClubEventSnapshot,
  DelegationRoleNames,
  EventKindNames,
  FederalStates,
  TargetGroup,
  Venue,
} from '@ic/contracts';
import { germanDateTime, germanTimeSpan } from './german-time';
import { Addressee, letterSalutation } from './letter-salutation';
import {
  blocks,
  ClubOffice,
  closingHtml,
  closingText,
  htmlDocument,
  MailContent,
  paragraph,
  PARAGRAPH_STYLE,
  textDocument,
} from './mail-layout';
import { markup, SafeHtml } from './safe-html';

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
  readonly office: ClubOffice;
}

const MUTED = 'color:#52606d;';
export const CALENDAR_FILE_NAME = 'termin.ics';
const FEED_NOTE = 'Alle Veranstaltungen des Clubs können Sie auch als Kalender abonnieren:';
const number = new Intl.NumberFormat('de-DE');
const euros = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

/** "Ankündigung: Innovators Lounge Ulm: …", or with the kind when the title does not name it. */
export function announcementSubject(event: Pick<ClubEventSnapshot, 'kind' | 'title'>): string {
  const kind = EventKindNames[event.kind];
  return event.title.includes(kind) ? `Ankündigung: ${event.title}` : `Ankündigung: ${kind} „${event.title}“`;
}

/**
 * The announcement of a new event to a member it fits: what, when, where, for whom, from when one
 * can register, the description, the calendar entry as an attachment, and the way to stop these
 * mails (a link in the footer, and the List-Unsubscribe header for the mail program's own button,
 * RFC 8058 one-click).
 */
export function renderAnnouncementMail(mail: AnnouncementMail): MailContent {
  const { event } = mail;
  const salutation = letterSalutation(mail.addressee);
  const intro = introOf(event);
  const facts = factsOf(event);
  const modules = event.circle?.modules ?? [];
  const registration = registrationOf(event);

  const html = blocks(
    paragraph(salutation),
    paragraph(intro),
    markup`<p style="margin:0 0 4px 0;font-size:13px;font-weight:bold;letter-spacing:.04em;text-transform:uppercase;${MUTED}">${EventKindNames[event.kind]}</p>
<h1 style="margin:0 0 12px 0;font-size:22px;line-height:1.3;">${event.title}</h1>`,
    event.summary ? paragraph(event.summary) : blocks(),
    factsTable(facts),
    modules.length > 0 ? modulesHtml(modules) : blocks(),
    markup`<div style="${PARAGRAPH_STYLE}">${new SafeHtml(event.descriptionHtml)}</div>`,
    paragraph(registration),
    paragraph(calendarNoteOf(event)),
    markup`<p style="${PARAGRAPH_STYLE}">${FEED_NOTE}<br><a href="${mail.feedLink}" style="color:#00507d;word-break:break-all;">${mail.feedLink}</a></p>`,
    paragraph('Wir freuen uns auf Ihre Teilnahme.'),
    closingHtml(),
  );

  const text = [
    salutation,
    intro,
    event.title.includes(EventKindNames[event.kind])
      ? event.title
      : `${EventKindNames[event.kind]}: ${event.title}`,
    event.summary,
    facts.map(([label, value]) => `${label}: ${value}`).join('\n'),
    modules.length > 0 ? modulesText(modules) : undefined,
    event.description.trim(),
    registration,
    calendarNoteOf(event),
    `${FEED_NOTE}\n${mail.feedLink}`,
    'Wir freuen uns auf Ihre Teilnahme.',
    closingText(),
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');

  const subject = announcementSubject(event);
  return {
    subject,
    html: htmlDocument({
      title: subject,
      preheader: event.summary ?? event.title,
      body: html,
      office: mail.office,
      notice: markup`${WHY_YOU_GET_IT} ${HOW_TO_STOP} <a href="${mail.unsubscribeLink}" style="color:#00507d;">Ankündigungen abbestellen</a>. ${WHAT_STAYS}`,
    }),
    text: textDocument({
      body: text,
      office: mail.office,
      notice: `${WHY_YOU_GET_IT} ${HOW_TO_STOP}\n${mail.unsubscribeLink}\n${WHAT_STAYS}`,
    }),
    headers: {
      'List-Unsubscribe': `<${mail.unsubscribeLink}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
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
const HOW_TO_STOP = 'Keine Ankündigungen neuer Veranstaltungen mehr erhalten:';
const WHAT_STAYS =
  'Einladungen, Anmeldelinks und Bestätigungen erhalten Sie weiterhin; in Ihrem Profil können Sie die Ankündigungen jederzeit wieder einschalten.';

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

/** Label and value of each fact the event has, in the order a reader looks for them. */
function factsOf(event: ClubEventSnapshot): [string, string][] {
  const facts: [string, string | undefined][] = [
    ['Leitgedanke', event.forum?.leitgedanke],
    ['Thema', event.lounge?.topic],
    ['Wann', event.circle ? undefined : timeOf(event)],
    ['Wo', event.venue && venueText(event.venue)],
    [
      'Gastgeber',
      event.lounge && `${event.lounge.host.name} (${FederalStates[event.lounge.host.federalState].name})`,
    ],
    ['Zielgruppe', event.targetGroup && targetGroupText(event.targetGroup)],
    ['Teilnahme', event.circle && delegationText(event.circle.delegation)],
    ['Kosten', event.circle && feeText(event.circle.feeCents, event.circle.feeNote)],
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== undefined);
}

function timeOf(event: ClubEventSnapshot): string | undefined {
  if (!event.startsAt || !event.endsAt) return undefined;
  return germanTimeSpan(new Date(event.startsAt), new Date(event.endsAt));
}

function venueText(venue: Venue): string {
  const place = [venue.postalCode, venue.city].filter(Boolean).join(' ');
  return [venue.name, venue.street, place].filter(Boolean).join(', ');
}

/** "Kommunen in Bayern mit bis zu 25.000 Einwohnerinnen und Einwohnern" */
function targetGroupText(targetGroup: TargetGroup): string {
  const names = targetGroup.federalStates.map((code) => FederalStates[code].name);
  const lands = names.length > 1 ? `${names.slice(0, -1).join(', ')} und ${names.at(-1)}` : names[0];
  const size =
    targetGroup.maxPopulation === undefined
      ? ''
      : ` mit bis zu ${number.format(targetGroup.maxPopulation)} Einwohnerinnen und Einwohnern`;
  return `Kommunen in ${lands}${size}`;
}

function delegationText(delegation: NonNullable<ClubEventSnapshot['circle']>['delegation']): string {
  const people = delegation.maxPeople === 1 ? 'eine Person' : `bis zu ${delegation.maxPeople} Personen`;
  const roles = delegation.suggestedRoles.map((role) => DelegationRoleNames[role]);
  return `je Kommune ${people}${roles.length > 0 ? `, am besten ${roles.join(', ')}` : ''}`;
}

function feeText(feeCents: number, feeNote: string | undefined): string {
  const fee = feeCents === 0 ? 'kostenfrei' : euros.format(feeCents / 100);
  return feeNote ? `${fee} (${feeNote})` : fee;
}

/** When a module takes place, or "Termin folgt" with the office's note while its date is open. */
function moduleTime(module: CircleModule): string {
  if (module.startsAt && module.endsAt) {
    return germanTimeSpan(new Date(module.startsAt), new Date(module.endsAt));
  }
  return module.dateNote ? `Termin folgt (${module.dateNote})` : 'Termin folgt';
}

function moduleLine(module: CircleModule): string {
  return [moduleTime(module), module.place].filter(Boolean).join(', ');
}

function registrationOf(event: ClubEventSnapshot): string {
  const { opensAt, closesAt } = event.registration;
  return `Anmeldung ab ${germanDateTime(new Date(opensAt))} bis ${germanDateTime(new Date(closesAt))}.`;
}

function factsTable(facts: readonly [string, string][]): SafeHtml {
  return markup`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px 0;">
${facts.map(([label, value]) => markup`<tr><td style="padding:2px 16px 2px 0;vertical-align:top;font-weight:bold;">${label}</td><td style="padding:2px 0;vertical-align:top;">${value}</td></tr>`)}
</table>`;
}

function modulesHtml(modules: readonly CircleModule[]): SafeHtml {
  return markup`<p style="margin:0 0 8px 0;font-weight:bold;">Die Module</p>
<ol style="margin:0 0 16px 0;padding-left:24px;">
${modules.map((module) => markup`<li style="margin:0 0 8px 0;"><strong>${module.title}</strong><br>${moduleLine(module)}</li>`)}
</ol>`;
}

function modulesText(modules: readonly CircleModule[]): string {
  const lines = modules.map((module, index) => `${index + 1}. ${module.title}\n   ${moduleLine(module)}`);
  return `Die Module:\n${lines.join('\n')}`;
}
