import { Addressee, germanValidUntil, letterSalutation } from '@ic/contracts';
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

export const SIGN_IN_LINK_SUBJECT = 'Ihr Anmeldelink für den Innovators Club';

export interface SignInLinkMail {
  readonly addressee: Addressee;
  /** `${LINK_BASE_URL}/anmelden/<token>`, perhaps with `?weiter=<path>` (see signInLink) */
  readonly link: string;
  readonly expiresAt: Date;
  /** When the mail is written; decides whether the expiry needs a date or only a time. */
  readonly now: Date;
  readonly office: ClubOffice;
}

const REQUESTED =
  'Sie haben einen Link zur Anmeldung im Mitgliederbereich des Innovators Club angefordert. ' +
  'Mit dem folgenden Link melden Sie sich an:';

const NOT_REQUESTED =
  'Falls Sie keinen Anmeldelink angefordert haben, können Sie diese E-Mail einfach ignorieren. ' +
  'Ohne den Link kann sich niemand in Ihrem Namen anmelden.';

function validity(expiresAt: Date, now: Date): string {
  return `Der Link gilt bis ${germanValidUntil(expiresAt, now)} und lässt sich nur einmal verwenden.`;
}

/** The passwordless sign-in link a member asked for. */
export function renderSignInLinkMail(mail: SignInLinkMail): MailContent {
  const salutation = letterSalutation(mail.addressee);
  const body = blocks(
    paragraph(salutation),
    paragraph(REQUESTED),
    linkButton(mail.link, 'Jetzt anmelden'),
    paragraph(validity(mail.expiresAt, mail.now)),
    paragraph(NOT_REQUESTED),
    closingHtml(),
  );
  const text =
    `${salutation}\n\n${REQUESTED}\n\n${mail.link}\n\n${validity(mail.expiresAt, mail.now)}\n\n` +
    `${NOT_REQUESTED}\n\n${closingText()}`;
  return clubMail({
    subject: SIGN_IN_LINK_SUBJECT,
    preheader: 'Ihr persönlicher Link zur Anmeldung im Mitgliederbereich.',
    html: body,
    text,
    office: mail.office,
  });
}
