import { berlinWallTime, CLUB_TIME_ZONE, parseBerlinTime } from '@ic/contracts';

/**
 * An RFC 5545 iCalendar writer for the club's events: files per event, the subscribable feed and
 * mail attachments. Times are written in Europe/Berlin local time with the zone's definition
 * included, so that calendar programs show the wall time the office entered on either side of a
 * daylight-saving change.
 */

export const CALENDAR_PRODUCT_ID = '-//DStGB//Innovators Club Plattform//DE';

export type CalendarEntryStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';

/**
 * The iTIP method (RFC 5546) of a calendar sent by mail: PUBLISH puts entries into the reader's
 * calendar (or updates them, same UID and a higher SEQUENCE) without asking for an answer; CANCEL
 * removes them. REQUEST is left out on purpose: it asks every attendee to accept or decline, and
 * the answers would go to the organizer's mailbox.
 */
export type CalendarMethod = 'PUBLISH' | 'CANCEL';

/** An ORGANIZER or ATTENDEE: a name and an e-mail address. */
export interface CalendarPerson {
  readonly name: string;
  readonly email: string;
}

/** One VEVENT. */
export interface CalendarEntry {
  /** Stays the same for the same event through every change, so calendars update instead of duplicating. */
  readonly uid: string;
  /** Grows with every change; calendars keep the entry with the highest. */
  readonly sequence: number;
  /** DTSTAMP. */
  readonly stampedAt: Date;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly status: CalendarEntryStatus;
  readonly summary: string;
  /** Plain text; line breaks are kept. */
  readonly description?: string;
  readonly location?: string;
  readonly url?: string;
  readonly categories?: readonly string[];
  readonly createdAt?: Date;
  readonly lastModifiedAt?: Date;
  /** Who sends the entry; iTIP (RFC 5546) wants it in every PUBLISH and CANCEL sent by mail. */
  readonly organizer?: CalendarPerson;
  /** For a CANCEL: the people the entry is removed for. */
  readonly attendees?: readonly CalendarPerson[];
}

export interface CalendarDocument {
  /** The calendar's name in calendar programs (X-WR-CALNAME and RFC 7986 NAME). */
  readonly name?: string;
  readonly description?: string;
  /** How often subscribers should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  readonly refreshIntervalMinutes?: number;
  /** PUBLISH unless given. */
  readonly method?: CalendarMethod;
  readonly entries: readonly CalendarEntry[];
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/**
 * Europe/Berlin since 1996: summer time from the last Sunday of March, 02:00 CET, to the last
 * Sunday of October, 03:00 CEST. The club's events are all later (parseBerlinTime refuses years
 * before 2000), so this one definition is right for every date written.
 */
const BERLIN_TIME_ZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${CLUB_TIME_ZONE}`,
  `X-LIC-LOCATION:${CLUB_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The whole iCalendar object, CRLF line ends, long lines folded. */
export function writeCalendar(calendar: CalendarDocument): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${CALENDAR_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${calendar.method ?? 'PUBLISH'}`,
    ...(calendar.name
      ? [`NAME:${escapeText(calendar.name)}`, `X-WR-CALNAME:${escapeText(calendar.name)}`]
      : []),
    ...(calendar.description
      ? [
          `DESCRIPTION:${escapeText(calendar.description)}`,
          `X-WR-CALDESC:${escapeText(calendar.description)}`,
        ]
      : []),
    `X-WR-TIMEZONE:${CLUB_TIME_ZONE}`,
    ...(calendar.refreshIntervalMinutes
      ? [
          `REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshIntervalMinutes}M`,
          `X-PUBLISHED-TTL:PT${calendar.refreshIntervalMinutes}M`,
        ]
      : []),
    ...BERLIN_TIME_ZONE,
    ...calendar.entries.flatMap(entryLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function entryLines(entry: CalendarEntry): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${entry.uid}`,
    `SEQUENCE:${entry.sequence}`,
    `DTSTAMP:${utcTime(entry.stampedAt)}`,
    `DTSTART${zonedTime(entry.startsAt)}`,
    `DTEND${zonedTime(entry.endsAt)}`,
    `STATUS:${entry.status}`,
    `SUMMARY:${escapeText(entry.summary)}`,
    ...(entry.description ? [`DESCRIPTION:${escapeText(entry.description)}`] : []),
    ...(entry.location ? [`LOCATION:${escapeText(entry.location)}`] : []),
    ...(entry.url ? [`URL;VALUE=URI:${withoutControlCharacters(entry.url)}`] : []),
    ...(entry.categories?.length ? [`CATEGORIES:${entry.categories.map(escapeText).join(',')}`] : []),
    ...(entry.createdAt ? [`CREATED:${utcTime(entry.createdAt)}`] : []),
    ...(entry.lastModifiedAt ? [`LAST-MODIFIED:${utcTime(entry.lastModifiedAt)}`] : []),
    ...(entry.organizer ? [`ORGANIZER${personValue(entry.organizer)}`] : []),
    ...(entry.attendees ?? []).map((attendee) => `ATTENDEE${personValue(attendee)}`),
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/** TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return withoutControlCharacters(
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n'),
  );
}

/** `;CN="Name":mailto:address`: the name as a quoted parameter value, which cannot hold a quote. */
function personValue(person: CalendarPerson): string {
  const name = withoutControlCharacters(person.name).replace(/"/g, "'");
  return `;CN="${name}":mailto:${withoutControlCharacters(person.email)}`;
}

function withoutControlCharacters(value: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return value.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 3.1): each continuation starts
 * with one space. Splits only between code points, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const codePoint of line) {
    const octets = Buffer.byteLength(codePoint, 'utf8');
    // The continuation's leading space counts towards its 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
    }
    current += codePoint;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** `20270512T073000Z` */
function utcTime(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * `;TZID=Europe/Berlin:20270512T093000`. The hour repeated when summer time ends cannot be told
 * apart in local time (a reader takes the first), so an instant in it is written in UTC instead.
 */
function zonedTime(instant: Date): string {
  const wall = berlinWallTime(instant);
  const unambiguous = parseBerlinTime(wall);
  if (!unambiguous.ok || unambiguous.instant.getTime() !== Math.floor(instant.getTime() / 1000) * 1000)
    return `:${utcTime(instant)}`;
  return `;TZID=${CLUB_TIME_ZONE}:${wall.replace(/[-:]/g, '')}`;
}
