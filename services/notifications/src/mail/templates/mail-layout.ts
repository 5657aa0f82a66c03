import { MailAttachment } from '../mailer';
import { markup, SafeHtml } from '@ic/platform';

/** A rendered e-mail: subject, HTML part, and a plain-text part that reads well on its own. */
export interface MailContent {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Header fields the mail needs besides the usual ones (List-Unsubscribe of an announcement). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly attachments?: readonly MailAttachment[];
}

/** The club's office as sender and contact (from MAIL_FROM). */
export interface ClubOffice {
  /** Display name of the sender, e.g. "Innovators Club des DStGB". */
  readonly name: string;
  readonly email: string;
}

export const CLUB_NAME = 'Innovators Club';
export const ASSOCIATION_NAME = 'Deutscher Städte- und Gemeindebund';

const COLORS = { brand: '#00507d', text: '#1f2933', muted: '#52606d', line: '#d9e2ec', page: '#f0f4f8' };
export const PARAGRAPH_STYLE = 'margin:0 0 16px 0;';

const SENT_BY =
  `Diese E-Mail wurde automatisch von der Plattform des ${CLUB_NAME} ` +
  'des Deutschen Städte- und Gemeindebundes (DStGB) versandt.';
const QUESTIONS = 'Fragen beantwortet Ihnen die Geschäftsstelle gern:';

/** A paragraph of text (escaped). */
export function paragraph(text: string): SafeHtml {
  return markup`<p style="${PARAGRAPH_STYLE}">${text}</p>`;
}

/** A call-to-action button with the raw link below it, for mail clients that hide buttons. */
export function linkButton(link: string, label: string): SafeHtml {
  return markup`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 16px 0;">
<tr><td style="border-radius:4px;background:${COLORS.brand};">
<a href="${link}" style="display:inline-block;padding:12px 24px;color:#ffffff;text-decoration:none;font-weight:bold;">${label}</a>
</td></tr>
</table>
<p style="${PARAGRAPH_STYLE}font-size:14px;color:${COLORS.muted};">Falls die Schaltfläche nicht funktioniert, kopieren Sie bitte diese Adresse in Ihren Browser:<br>
<a href="${link}" style="color:${COLORS.brand};word-break:break-all;">${link}</a></p>`;
}

export function closingHtml(): SafeHtml {
  return markup`<p style="${PARAGRAPH_STYLE}">Mit freundlichen Grüßen</p>
<p style="${PARAGRAPH_STYLE}">Ihre Geschäftsstelle des ${CLUB_NAME}<br>${ASSOCIATION_NAME}</p>`;
}

export function closingText(): string {
  return `Mit freundlichen Grüßen\n\nIhre Geschäftsstelle des ${CLUB_NAME}\n${ASSOCIATION_NAME}`;
}

/** Blocks of a mail body, one per line in the HTML source. */
export function blocks(...parts: readonly SafeHtml[]): SafeHtml {
  return new SafeHtml(parts.map((part) => part.value).join('\n'));
}

/**
 * The HTML document around a mail's body: header band, body, footer with the office's contact and,
 * if given, a notice of the mail's own (why the person gets it, how to stop it).
 */
export function htmlDocument(options: {
  readonly title: string;
  readonly preheader: string;
  readonly body: SafeHtml;
  readonly office: ClubOffice;
  readonly notice?: SafeHtml;
}): string {
  const { title, preheader, body, office, notice } = options;
  return markup`<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body style="margin:0;padding:0;background:${COLORS.page};">
<div style="display:none;max-height:0;overflow:hidden;">${preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${COLORS.page};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:${COLORS.text};">
<tr><td style="padding:20px 32px;border-bottom:4px solid ${COLORS.brand};color:${COLORS.brand};font-weight:bold;">${CLUB_NAME} · ${ASSOCIATION_NAME}</td></tr>
<tr><td style="padding:28px 32px 12px 32px;">
${body}
</td></tr>
<tr><td style="padding:16px 32px 24px 32px;border-top:1px solid ${COLORS.line};font-size:13px;color:${COLORS.muted};">
${SENT_BY}<br>
${QUESTIONS} <a href="mailto:${office.email}" style="color:${COLORS.brand};">${office.email}</a>${notice ? markup`<br><br>${notice}` : ''}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`.value;
}

/** The plain-text part: the body, then the same footer as the HTML part. */
export function textDocument(options: {
  readonly body: string;
  readonly office: ClubOffice;
  readonly notice?: string;
}): string {
  const notice = options.notice ? `\n\n${options.notice}` : '';
  return `${options.body.trim()}\n\n-- \n${SENT_BY}\n${QUESTIONS} ${options.office.email}${notice}\n`;
}

/**
 * A mail in the club's layout: the HTML part (its title the subject) and the plain-text part, both
 * with the office's footer and, if given, the mail's own notice.
 */
export function clubMail(options: {
  readonly subject: string;
  readonly preheader: string;
  readonly html: SafeHtml;
  readonly text: string;
  readonly office: ClubOffice;
  readonly notice?: { readonly html: SafeHtml; readonly text: string };
}): MailContent {
  const { subject, office, notice } = options;
  return {
    subject,
    html: htmlDocument({
      title: subject,
      preheader: options.preheader,
      body: options.html,
      office,
      ...(notice ? { notice: notice.html } : {}),
    }),
    text: textDocument({ body: options.text, office, ...(notice ? { notice: notice.text } : {}) }),
  };
}
