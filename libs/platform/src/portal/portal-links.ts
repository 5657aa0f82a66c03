/**
 * Links into the member portal, the web app the gateway serves at LINK_BASE_URL: the pages that
 * mails and calendar entries lead to. One place for their paths, so that a mail, an `.ics` file
 * and the portal's router agree (the paths are the portal's German URLs).
 */

/** `/veranstaltungen/<eventId>`: everything about the event, and the member's registration in place. */
export function eventPagePath(eventId: string): string {
  return `/veranstaltungen/${encodeURIComponent(eventId)}`;
}

/** `${LINK_BASE_URL}<path>`, whether or not the base URL ends with a slash. */
export function portalLink(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** `${LINK_BASE_URL}/veranstaltungen/<eventId>` */
export function eventPageLink(baseUrl: string, eventId: string): string {
  return portalLink(baseUrl, eventPagePath(eventId));
}
