import { ClubOffice } from './templates/mail-layout';

/**
 * The sender from MAIL_FROM ("Name <address@domain>", checked at boot): its name is the sender's
 * display name, its address the office's contact, its domain the right part of our Message-IDs.
 */
export function clubOfficeFrom(mailFrom: string): ClubOffice & { readonly domain: string } {
  const match = /^\s*([^<>]+?)\s*<([^\s@<>]+@([^\s@<>]+))>\s*$/.exec(mailFrom);
  if (!match) throw new Error(`MAIL_FROM must look like: Name <address@domain> (got ${mailFrom})`);
  const [, name, email, domain] = match;
  return { name: name.replace(/^"(.*)"$/, '$1'), email, domain: domain.toLowerCase() };
}

/** `${LINK_BASE_URL}/<path>/<token>`, whether or not the base URL ends with a slash. */
export function mailLink(
  baseUrl: string,
  path: 'einladung' | 'anmelden' | 'abmelden',
  token: string,
): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path}/${encodeURIComponent(token)}`;
}

/** The public calendar feed of all published events, for calendar programs to subscribe to. */
export function calendarFeedLink(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/v1/calendar.ics`;
}
