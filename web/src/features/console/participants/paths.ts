import { formatPeriod } from '../../../format/dates';
import { texts } from '../../../texts';
import type { ConsoleEvent } from './api';

export const eventPath = (eventId: string) => `/geschaeftsstelle/veranstaltungen/${eventId}`;
export const participantsPath = (eventId: string) => `${eventPath(eventId)}/teilnehmende`;

/** „Innovators Lounge · Donnerstag, 4. März 2027, 18:00 bis 21:00 Uhr“ */
export function eventLead(event: ConsoleEvent): string {
  const when =
    event.startsAt && event.endsAt ? formatPeriod(event.startsAt, event.endsAt) : texts.events.period.undated;
  return `${texts.events.kinds[event.kind]} · ${when}`;
}
