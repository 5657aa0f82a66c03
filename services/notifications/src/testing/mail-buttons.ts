import { MailContent } from '../mail/templates/mail-layout';

/** A call to action of a mail: the button's label and where it leads. */
export interface MailButton {
  readonly label: string;
  readonly link: string;
}

/**
 * The calls to action of a mail, as a reader finds them: the buttons of the HTML part (linkButton),
 * which the text part must offer alike, as "Label: link" lines. Throws (fails the test) when the
 * two parts differ. (No jest globals here: the build compiles this file with the service.)
 */
export function buttonsOf(mail: Pick<MailContent, 'html' | 'text'>): MailButton[] {
  const html = [
    ...mail.html.matchAll(/<a href="([^"]+)" style="display:inline-block;[^"]*">([^<]+)<\/a>/g),
  ].map(([, link, label]) => ({ label: unescapeHtml(label), link: unescapeHtml(link) }));
  const text = [...mail.text.matchAll(/^([^\n:]+): (https?:\/\/\S+)$/gm)].map(([, label, link]) => ({
    label,
    link,
  }));
  if (JSON.stringify(text) !== JSON.stringify(html)) {
    throw new Error(
      `The text part offers other links than the HTML part's buttons:\n` +
        `text: ${JSON.stringify(text)}\nhtml: ${JSON.stringify(html)}`,
    );
  }
  return html;
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
