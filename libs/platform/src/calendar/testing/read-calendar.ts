import ICAL from 'ical.js';

/**
 * For tests: reads an iCalendar text with a real parser (ical.js, a dev dependency; never import
 * this from service code) the way a calendar program does, including the time zones it defines.
 */

export interface ReadCalendarEntry {
  readonly uid: string;
  readonly sequence: number;
  readonly status: string;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  readonly url?: string;
  readonly categories: string[];
  /** `mailto:` addresses, with the CN parameter as written. */
  readonly organizer?: { readonly address: string; readonly name?: string };
  readonly attendees: { readonly address: string; readonly name?: string }[];
  /** The wall time as a calendar shows it, `2027-03-29T10:00:00`, and its zone. */
  readonly startsLocal: string;
  readonly endsLocal: string;
  readonly timeZone?: string;
  /** The instants, as computed from the calendar's own VTIMEZONE. */
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export interface ReadCalendar {
  /** Top-level properties by name (lower case), first value each. */
  readonly properties: Record<string, string>;
  readonly timeZones: string[];
  readonly entries: ReadCalendarEntry[];
}

export function readCalendar(text: string): ReadCalendar {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const timeZones = root.getAllSubcomponents('vtimezone');
  // The zone as the file defines it, not a built-in one: the test checks the file's definition.
  for (const zone of timeZones) ICAL.TimezoneService.register(zone);
  const properties = Object.fromEntries(
    root.getAllProperties().map((property) => [property.name, String(property.getFirstValue())]),
  );
  return {
    properties,
    timeZones: timeZones.map((zone) => String(zone.getFirstPropertyValue('tzid'))),
    entries: root.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      const text = (name: string) => {
        const value = component.getFirstPropertyValue(name);
        return value === null ? undefined : String(value);
      };
      return {
        uid: event.uid,
        sequence: event.sequence,
        status: text('status') ?? '',
        summary: event.summary,
        description: text('description'),
        location: text('location'),
        url: text('url'),
        categories: component
          .getAllProperties('categories')
          .flatMap((property) => property.getValues().map(String)),
        ...(component.getFirstProperty('organizer')
          ? { organizer: personOf(component.getFirstProperty('organizer') as ICAL.Property) }
          : {}),
        attendees: component.getAllProperties('attendee').map(personOf),
        startsLocal: event.startDate.toString(),
        endsLocal: event.endDate.toString(),
        timeZone: event.startDate.zone?.tzid,
        startsAt: event.startDate.toJSDate(),
        endsAt: event.endDate.toJSDate(),
      };
    }),
  };
}

function personOf(property: ICAL.Property): { address: string; name?: string } {
  const name = property.getParameter('cn');
  return { address: String(property.getFirstValue()), ...(name ? { name: String(name) } : {}) };
}
