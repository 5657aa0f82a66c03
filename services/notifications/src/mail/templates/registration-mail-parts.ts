import {
  Addressee,
  AgendaSession,
  ClubEventSnapshot,
  DelegationRole,
  delegationRoleAs,
  EventKindNames,
  germanTimeSpan,
  germanWeekdayDateTime,
  letterSalutation,
  RegistrationSnapshot,
  Salutation,
  SessionChoice,
} from '@ic/contracts';
import { MailAttachment } from '../mailer';
import { eventFacts, eventHeadline, factsTable, factsText, modulesHtml, modulesText } from './event-details';
import {
  blocks,
  ClubOffice,
  closingHtml,
  closingText,
  clubMail,
  linkButton,
  MailContent,
  paragraph,
} from './mail-layout';
import { markup, SafeHtml } from '@ic/platform';

/** The pieces the registration mails are made of: each once as HTML and once as plain text. */

/** What every registration mail knows. */
export interface RegistrationMailBase {
  readonly addressee: Addressee;
  /** The event as newest known (the one the registration event carried, or a newer one). */
  readonly event: ClubEventSnapshot;
  readonly registration: RegistrationSnapshot;
  /** Set when the mail goes to a person of a municipality's delegation. */
  readonly delegate?: Delegate;
  /** The calendar files attached to the mail, if any. */
  readonly calendarFiles?: readonly MailAttachment[];
  /**
   * `${LINK_BASE_URL}/veranstaltungen/<eventId>`, where the member sees and manages their
   * registration. Only for a member's own registration: guests and delegation people do not sign
   * in to the portal (they go through their municipality or the office).
   */
  readonly eventPage?: string;
  readonly office: ClubOffice;
  /** When the mail is written: decides whether the registrant can still cancel. */
  readonly now: Date;
}

export interface Delegate {
  readonly role: DelegationRole;
  readonly municipality?: string;
}

/** One block of a mail body, as HTML and as text. */
export interface MailPart {
  readonly html: SafeHtml;
  readonly text: string;
}

export function textPart(text: string): MailPart {
  return { html: paragraph(text), text };
}

/** A sentence leading to a page, the button, and in the text part the label with the link. */
export function linkPart(lead: string, label: string, link: string): MailPart {
  return { html: blocks(paragraph(lead), linkButton(link, label)), text: `${lead}\n${label}: ${link}` };
}

export const MANAGE_REGISTRATION = 'Anmeldung verwalten';

/**
 * The way to the event's page, where the member sees their registration and changes or cancels it
 * while registration is open; nothing when the mail goes to someone who does not sign in.
 */
export function eventPagePart(
  mail: Pick<RegistrationMailBase, 'eventPage'>,
  label: string = MANAGE_REGISTRATION,
): MailPart | undefined {
  if (!mail.eventPage) return undefined;
  return linkPart(
    'Ihre Anmeldung und alles zur Veranstaltung finden Sie im Mitgliederbereich:',
    label,
    mail.eventPage,
  );
}

/** The kind above the title, the title, then when and where (and the modules of a Kommunalzirkel). */
export function eventPart(event: ClubEventSnapshot): MailPart {
  const facts = eventFacts(event, 'participation');
  const modules = event.circle?.modules ?? [];
  return {
    html: blocks(
      markup`<p style="margin:0 0 4px 0;font-size:13px;font-weight:bold;letter-spacing:.04em;text-transform:uppercase;color:#52606d;">${EventKindNames[event.kind]}</p>
<h1 style="margin:0 0 12px 0;font-size:22px;line-height:1.3;">${event.title}</h1>`,
      factsTable(facts),
      modulesHtml(modules),
    ),
    text: [eventHeadline(event), factsText(facts), modulesText(modules)].filter(Boolean).join('\n\n'),
  };
}

/** A heading and a bulleted list. */
export function listPart(heading: string, items: readonly string[]): MailPart {
  return {
    html: markup`<p style="margin:0 0 8px 0;font-weight:bold;">${heading}</p>
<ul style="margin:0 0 16px 0;padding-left:24px;">
${items.map((item) => markup`<li style="margin:0 0 6px 0;">${item}</li>`)}
</ul>`,
    text: `${heading}\n${items.map((item) => `– ${item}`).join('\n')}`,
  };
}

/** The workshops the registration chose, each with its seat: part of every mail to a forum participant. */
export function workshopsPart(
  event: ClubEventSnapshot,
  sessions: readonly SessionChoice[],
): MailPart | undefined {
  if (sessions.length === 0) return undefined;
  const items = sessions.map((choice) => {
    const session = sessionOf(event, choice.sessionId);
    const seat = seatText(choice);
    return session
      ? `${sessionText(session)}: ${seat}`
      : `Ein Workshop, der nicht mehr im Programm steht: ${seat}`;
  });
  return listPart('Ihre Workshops', items);
}

export function sessionOf(event: ClubEventSnapshot, sessionId: string): AgendaSession | undefined {
  return event.forum?.sessions.find((session) => session.sessionId === sessionId);
}

/** „Daten teilen zwischen Kommunen“ (Mittwoch, 12. Mai 2027, 14:00–15:30 Uhr, Raum Spree) */
export function sessionText(session: AgendaSession): string {
  const when = germanTimeSpan(new Date(session.startsAt), new Date(session.endsAt));
  return `„${session.title}“ (${[when, session.room].filter(Boolean).join(', ')})`;
}

function seatText(choice: SessionChoice): string {
  switch (choice.status) {
    case 'confirmed':
      return 'Platz bestätigt';
    case 'waiting':
      return choice.waitingPlace ? `Warteliste, Platz ${choice.waitingPlace}` : 'Warteliste';
    case 'pending':
      return 'vorgemerkt, bis Ihre Teilnahme bestätigt ist';
  }
}

/**
 * Who sent the delegate, in what role: "die Kommune Pegnitz" (or "Ihre Kommune" when its name is
 * not known), "der Kommune Pegnitz" for "die Delegation der …", and the role as it follows "als",
 * gendered by the person's salutation ("als Bürgermeisterin", "als Vertreter der Verwaltung").
 */
export function delegationOf(
  delegate: Delegate,
  salutation: Salutation,
): {
  readonly municipality: string;
  readonly ofMunicipality: string;
  readonly role: string;
} {
  const name = delegate.municipality;
  return {
    municipality: name ? `die Kommune ${name}` : 'Ihre Kommune',
    ofMunicipality: name ? `der Kommune ${name}` : 'Ihrer Kommune',
    role: delegationRoleAs(delegate.role, salutation),
  };
}

/** "Den Termin finden Sie im Anhang (termin.ics) …", naming the files that are attached. */
export function calendarPart(files: readonly MailAttachment[] | undefined): MailPart | undefined {
  if (!files || files.length === 0) return undefined;
  const names = files.map((file) => file.filename).join(', ');
  return textPart(
    files.length === 1
      ? `Den Termin finden Sie im Anhang als Kalenderdatei (${names}) zum Übernehmen in Ihren Kalender; spätere Änderungen ersetzen diesen Eintrag.`
      : `Die Termine der Module, die schon feststehen, finden Sie im Anhang als Kalenderdateien (${names}) zum Übernehmen in Ihren Kalender; spätere Änderungen ersetzen diese Einträge.`,
  );
}

/** "Im Anhang finden Sie die Absage …" for a cancellation with its CANCEL file attached. */
export function calendarRemovalPart(files: readonly MailAttachment[] | undefined): MailPart | undefined {
  if (!files || files.length === 0) return undefined;
  const names = files.map((file) => file.filename).join(', ');
  return textPart(
    `Im Anhang finden Sie die Absage für Ihren Kalender (${names}): Öffnen Sie sie, entfernt Ihr Kalenderprogramm den Termin.`,
  );
}

/**
 * Until when and how the registrant can step back: members until registration closes,
 * afterwards (and guests always) through the office; a delegation person through their
 * municipality, which can change the delegation until then. `waiting`: the person is on the
 * waiting list (stepping back lets the next move up). Registration the office closed early is
 * closed, whatever date the window still names: no deadline that no longer holds is promised.
 */
export function withdrawalPart(mail: RegistrationMailBase, waiting: boolean): MailPart {
  const closesAt = new Date(mail.event.registration.closesAt);
  const open = mail.event.status === 'registration-open' && closesAt > mail.now;
  const lead = waiting ? 'Möchten Sie nicht mehr teilnehmen' : 'Falls Sie doch nicht teilnehmen können';
  const freed = waiting
    ? 'damit die Nächsten auf der Warteliste nachrücken können'
    : 'damit jemand von der Warteliste nachrücken kann';
  if (mail.delegate) {
    return textPart(
      open
        ? `Ihre Kommune kann die Delegation bis ${germanWeekdayDateTime(closesAt)} ändern. Können Sie nicht teilnehmen, geben Sie bitte Ihrer Kommune oder der Geschäftsstelle Bescheid.`
        : 'Können Sie nicht teilnehmen, geben Sie bitte Ihrer Kommune oder der Geschäftsstelle Bescheid.',
    );
  }
  if (mail.registration.registrant.kind === 'member' && open) {
    return textPart(
      `${lead}, stornieren Sie Ihre Anmeldung bitte bis ${germanWeekdayDateTime(closesAt)}, ${freed}.`,
    );
  }
  return textPart(`${lead}, geben Sie bitte der Geschäftsstelle Bescheid, ${freed}.`);
}

/**
 * A mail about a confirmed seat: its opening line, the event, the workshops, the calendar entry
 * (attached), how to step back, the event page and the closing wish.
 */
export function confirmedSeatMail(options: {
  readonly subject: string;
  readonly preheader: string;
  readonly intro: string;
  readonly mail: RegistrationMailBase;
}): MailContent {
  const { mail } = options;
  return registrationMail({
    subject: options.subject,
    preheader: options.preheader,
    mail,
    parts: [
      textPart(options.intro),
      eventPart(mail.event),
      workshopsPart(mail.event, mail.registration.sessions),
      calendarPart(mail.calendarFiles),
      withdrawalPart(mail, false),
      eventPagePart(mail),
      textPart('Wir freuen uns auf Ihre Teilnahme.'),
    ],
    attachments: mail.calendarFiles,
  });
}

/**
 * "zu der Sie angemeldet sind", or with the municipality's delegation: how a mail to the
 * registered names the event they are registered for.
 */
export function registeredForClause(mail: Pick<RegistrationMailBase, 'delegate' | 'addressee'>): string {
  return mail.delegate
    ? `zu der Sie mit der Delegation ${delegationOf(mail.delegate, mail.addressee.salutation).ofMunicipality} angemeldet sind`
    : 'zu der Sie angemeldet sind';
}

/** A letter in the club's layout; `notice` for a mail a member can switch off (why they get it, how to stop it). */
export interface Letter {
  readonly subject: string;
  readonly preheader: string;
  readonly mail: Pick<RegistrationMailBase, 'addressee' | 'office'>;
  readonly parts: readonly (MailPart | undefined)[];
  readonly notice?: MailPart;
}

/** The letter as a mail: salutation, the parts, the closing. */
export function letterMail(options: Letter): MailContent {
  const salutation = letterSalutation(options.mail.addressee);
  const parts = options.parts.filter((part): part is MailPart => part !== undefined);
  const html = blocks(paragraph(salutation), ...parts.map((part) => part.html), closingHtml());
  const text = [salutation, ...parts.map((part) => part.text), closingText()].join('\n\n');
  return clubMail({
    subject: options.subject,
    preheader: options.preheader,
    html,
    text,
    office: options.mail.office,
    ...(options.notice ? { notice: options.notice } : {}),
  });
}

/** The whole registration mail: the letter with its attachments and `headers` (List-Unsubscribe). */
export function registrationMail(
  options: Letter & {
    readonly attachments?: readonly MailAttachment[];
    readonly headers?: Readonly<Record<string, string>>;
  },
): MailContent {
  const { attachments, headers, ...letter } = options;
  return {
    ...letterMail(letter),
    ...(headers ? { headers } : {}),
    ...(attachments && attachments.length > 0 ? { attachments } : {}),
  };
}
