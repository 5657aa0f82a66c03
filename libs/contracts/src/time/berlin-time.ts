/**
 * The club meets in Germany: times are entered and shown in Europe/Berlin and travel as ISO 8601
 * with the offset valid on that day (`2027-03-29T10:00:00+02:00`), which is unambiguous and keeps
 * the local wall time. Converting with the offset of the day, never of "now", is what keeps a
 * daylight-saving change from moving an event.
 */
export const CLUB_TIME_ZONE = 'Europe/Berlin';

/** `YYYY-MM-DDTHH:mm` (Berlin wall time), optionally with seconds and an explicit offset or `Z`. */
const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/**
 * A calendar day from MIN_YEAR to MAX_YEAR as a regular expression, each month with its days and
 * 29 February in leap years only: the part of a time's check a JSON Schema `pattern` can say.
 */
const CALENDAR_DAY = [
  '(?:20\\d\\d|2100)-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)',
  // Every fourth year from 2000 to 2096 (2100 is not a leap year).
  '20(?:[02468][048]|[13579][26])-02-29',
].join('|');
const CLOCK_TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?';
const OFFSET = '(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';

/** `YYYY-MM-DD`, a day that exists, from MIN_YEAR to MAX_YEAR. */
export const CALENDAR_DATE = new RegExp(`^(?:${CALENDAR_DAY})$`);

/**
 * The JSON Schema `pattern` of a time field: what parseBerlinTime takes, less the hour a change of
 * daylight saving time skips or repeats, which it refuses with its reason.
 */
export const BERLIN_TIME_PATTERN = `^(?:${CALENDAR_DAY})T${CLOCK_TIME}${OFFSET}?$`;

export type BerlinTimeResult =
  { readonly ok: true; readonly instant: Date } | { readonly ok: false; readonly reason: string };

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: CLUB_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Berlin wall time of an instant as `YYYY-MM-DDTHH:mm:ss`. */
export function berlinWallTime(instant: Date): string {
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Minutes Berlin is ahead of UTC at that instant: 60 in winter, 120 in summer. */
export function berlinOffsetMinutes(instant: Date): number {
  const wall = Date.parse(`${berlinWallTime(instant)}Z`);
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** An instant as Berlin wall time with that day's offset, e.g. `2027-03-29T10:00:00+02:00`. */
export function formatBerlinTime(instant: Date): string {
  const offset = berlinOffsetMinutes(instant);
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${berlinWallTime(instant)}${sign}${hours}:${minutes}`;
}

/** The Berlin calendar date of an instant, `YYYY-MM-DD`. */
export function berlinDate(instant: Date): string {
  return berlinWallTime(instant).slice(0, 10);
}

/**
 * Reads a time as entered: Berlin wall time, or a time with an explicit offset. A wall time that
 * does not exist (the hour skipped in March) or exists twice (the hour repeated in October) is
 * refused with a reason instead of being guessed.
 */
export function parseBerlinTime(input: string): BerlinTimeResult {
  const match = INPUT.exec(input);
  if (!match) return { ok: false, reason: 'erwartet wird Datum und Uhrzeit wie 2027-05-12T09:30' };
  const [, year, month, day, hour, minute, second = '00', offset] = match;
  if (Number(year) < MIN_YEAR || Number(year) > MAX_YEAR)
    return { ok: false, reason: `das Jahr muss zwischen ${MIN_YEAR} und ${MAX_YEAR} liegen` };
  const wall = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  const asUtc = Date.parse(`${wall}Z`);
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 19) !== wall)
    return { ok: false, reason: `${input} ist kein gültiges Datum` };
  if (offset) return { ok: true, instant: new Date(Date.parse(`${wall}${offset}`)) };

  // Berlin is UTC+1 or UTC+2: the wall time is valid for whichever of the two reproduces it.
  const candidates = [60, 120]
    .map((minutes) => new Date(asUtc - minutes * 60_000))
    .filter((instant) => berlinWallTime(instant) === wall);
  if (candidates.length === 0)
    return {
      ok: false,
      reason: `${input} gibt es wegen der Umstellung auf Sommerzeit in Deutschland nicht`,
    };
  if (candidates.length > 1)
    return {
      ok: false,
      reason: `${input} gibt es wegen der Umstellung auf Winterzeit zweimal; bitte mit Zeitzone angeben (+02:00 oder +01:00)`,
    };
  return { ok: true, instant: candidates[0] };
}

/** How the API document describes a time with its zone offset. */
export const ZONED_TIME = 'ISO 8601 mit der Europe/Berlin-Zeitverschiebung des Tages';
