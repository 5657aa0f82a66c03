import { Addressee, germanValidUntil } from '@ic/contracts';
import { ClubOffice, linkButton, MailContent } from './mail-layout';
import { letterMail, textPart } from './registration-mail-parts';

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
  return letterMail({
    subject: SIGN_IN_LINK_SUBJECT,
    preheader: 'Ihr persönlicher Link zur Anmeldung im Mitgliederbereich.',
    mail,
    parts: [
      textPart(REQUESTED),
      // The text part shows the bare link, without the button's label.
      { html: linkButton(mail.link, 'Jetzt anmelden'), text: mail.link },
      textPart(validity(mail.expiresAt, mail.now)),
      textPart(NOT_REQUESTED),
    ],
  });
}
