import { markup, SafeHtml } from '@ic/platform';

/**
 * The footer notice of a mail a member gets because announcements are on (the announcement, and
 * "Anmeldung geöffnet" to its audience): why they get it and the way to stop it, as a link and in
 * the List-Unsubscribe headers for the mail program's own button (RFC 8058 one-click).
 */
export interface UnsubscribeNotice {
  readonly html: SafeHtml;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
}

const HOW_TO_STOP = 'Keine Ankündigungen neuer Veranstaltungen mehr erhalten:';
const WHAT_STAYS =
  'Einladungen, Anmeldelinks und Bestätigungen erhalten Sie weiterhin; in Ihrem Profil können Sie die Ankündigungen jederzeit wieder einschalten.';

/** `why`: one sentence, why the member gets this mail. */
export function unsubscribeNotice(why: string, unsubscribeLink: string): UnsubscribeNotice {
  return {
    html: markup`${why} ${HOW_TO_STOP} <a href="${unsubscribeLink}" style="color:#00507d;">Ankündigungen abbestellen</a>. ${WHAT_STAYS}`,
    text: `${why} ${HOW_TO_STOP}\n${unsubscribeLink}\n${WHAT_STAYS}`,
    headers: {
      'List-Unsubscribe': `<${unsubscribeLink}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
