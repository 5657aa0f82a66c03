import { Addressee, germanWeekdayDateTime, letterSalutation } from '@ic/contracts';
import {
  blocks,
  ClubOffice,
  closingHtml,
  closingText,
  clubMail,
  linkButton,
  MailContent,
  paragraph,
  textDocument,
} from './mail-layout';
import { markup } from '@ic/platform';
import { textToHtmlParagraphs } from './safe-html';

export const INVITATION_SUBJECT = 'Ihre Berufung in den Innovators Club des DStGB';

export interface InvitationMail {
  readonly addressee: Addressee;
  /** The office's personal words to the invited person, as they typed them (plain text). */
  readonly personalMessage?: string;
  /** `${LINK_BASE_URL}/einladung/<token>` */
  readonly link: string;
  readonly expiresAt: Date;
  readonly office: ClubOffice;
}

const INTRO =
  'der Innovators Club des Deutschen Städte- und Gemeindebundes (DStGB) möchte Sie als Mitglied berufen. ' +
  'Im Namen des Clubs laden wir Sie herzlich ein, ihm beizutreten.';

const ABOUT_THE_CLUB =
  'Der Innovators Club ist die kommunale Ideenschmiede des DStGB. Seit 2004 bringt er Bürgermeisterinnen ' +
  'und Bürgermeister, Landrätinnen und Landräte mit Köpfen aus Politik, Wirtschaft, Wissenschaft und ' +
  'Zivilgesellschaft zusammen, auf Augenhöhe und mit dem Ziel, gute Ideen in die Kommunen zu tragen: ' +
  'im jährlichen Deutschlandforum, in den Innovators Lounges und in den Arbeitsgruppen.';

const WHAT_ACCEPTING_MEANS =
  'Mit Ihrer Zusage werden Sie Mitglied des Innovators Club. Sie erhalten dann Einladungen zu unseren ' +
  'Veranstaltungen, können in den Arbeitsgruppen mitarbeiten und erscheinen im Mitgliederverzeichnis, ' +
  'das nur Mitglieder und die Geschäftsstelle sehen. Ein Passwort brauchen Sie nicht: Zur Anmeldung ' +
  'senden wir Ihnen jeweils einen Link per E-Mail. Ihre Mitgliedschaft können Sie jederzeit beenden.';

const HOW_TO_DECLINE =
  'Möchten Sie die Berufung nicht annehmen, können Sie über denselben Link absagen; ein Konto ist dafür nicht nötig.';

const CLOSING_WISH = 'Wir würden uns sehr freuen, Sie im Innovators Club begrüßen zu dürfen.';

/** What the preview shows in place of the link and the expiry, both set only when the mail is sent. */
export const INVITATION_PREVIEW_LINK = '[Ihr persönlicher Link – wird beim Versand eingesetzt]';
export const INVITATION_PREVIEW_EXPIRY = '[Frist – wird beim Versand festgelegt]';

/** The office's view of an invitation mail before it is sent: who it addresses and their words. */
export type InvitationMailPreview = Pick<InvitationMail, 'addressee' | 'personalMessage' | 'office'>;

function validity(until: string): string {
  return (
    `Die Einladung gilt bis ${until}. Der Link ist persönlich und nur einmal ` +
    'verwendbar; bitte leiten Sie diese E-Mail nicht weiter.'
  );
}

/** The invitation ("Berufung") to join the club, with the link to accept or decline. */
export function renderInvitationMail(mail: InvitationMail): MailContent {
  const salutation = letterSalutation(mail.addressee);
  const personalMessage = personalMessageOf(mail);
  const until = germanWeekdayDateTime(mail.expiresAt);

  const personalHtml = personalMessage
    ? blocks(
        paragraph('Die Geschäftsstelle schreibt Ihnen dazu persönlich:'),
        markup`<blockquote style="margin:0 0 16px 0;padding:4px 0 4px 16px;border-left:4px solid #d9e2ec;font-style:italic;">
${textToHtmlParagraphs(personalMessage, 'margin:0 0 8px 0;')}
</blockquote>`,
      )
    : blocks();
  const body = blocks(
    paragraph(salutation),
    paragraph(INTRO),
    personalHtml,
    paragraph(ABOUT_THE_CLUB),
    paragraph('Bitte teilen Sie uns über den folgenden Link mit, ob Sie die Berufung annehmen:'),
    linkButton(mail.link, 'Einladung ansehen und antworten'),
    paragraph(validity(until)),
    paragraph(WHAT_ACCEPTING_MEANS),
    paragraph(HOW_TO_DECLINE),
    paragraph(CLOSING_WISH),
    closingHtml(),
  );

  const text = invitationText(salutation, personalMessage, mail.link, until);

  return clubMail({
    subject: INVITATION_SUBJECT,
    preheader: 'Der Innovators Club des DStGB möchte Sie als Mitglied berufen.',
    html: body,
    text,
    office: mail.office,
  });
}

/**
 * The plain-text part of the invitation mail as it would go out, for the office to read before
 * sending: the same words, with placeholders for the link and the expiry (set when it is sent).
 */
export function renderInvitationMailPreview(mail: InvitationMailPreview): { subject: string; text: string } {
  const text = invitationText(
    letterSalutation(mail.addressee),
    personalMessageOf(mail),
    INVITATION_PREVIEW_LINK,
    INVITATION_PREVIEW_EXPIRY,
  );
  return { subject: INVITATION_SUBJECT, text: textDocument({ body: text, office: mail.office }) };
}

function personalMessageOf(mail: Pick<InvitationMail, 'personalMessage'>): string | undefined {
  return mail.personalMessage?.trim() ? mail.personalMessage.trim() : undefined;
}

function invitationText(
  salutation: string,
  personalMessage: string | undefined,
  link: string,
  until: string,
): string {
  const personalText = personalMessage
    ? `Die Geschäftsstelle schreibt Ihnen dazu persönlich:\n\n${indent(personalMessage)}\n\n`
    : '';
  return (
    `${salutation}\n\n${INTRO}\n\n${personalText}${ABOUT_THE_CLUB}\n\n` +
    `Bitte teilen Sie uns über den folgenden Link mit, ob Sie die Berufung annehmen:\n\n${link}\n\n` +
    `${validity(until)}\n\n${WHAT_ACCEPTING_MEANS}\n\n${HOW_TO_DECLINE}\n\n` +
    `${CLOSING_WISH}\n\n${closingText()}`
  );
}

/** Quotes free text in the plain-text part the way mail clients show quotations. */
function indent(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}
