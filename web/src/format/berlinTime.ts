/**
 * Date and time as the office enters them (native `<input type="date">` and `type="time"`: `2027-05-12`
 * and `09:30`) and the instants the API takes: Berlin wall time with the offset of that day
 * (`2027-05-12T09:30:00+02:00`). The offset is found for the day entered, never taken from "now",
 * so that a daylight-saving change between today and the event does not move it by an hour.
 */
const TIME_ZONE = 'Europe/Berlin';

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** A day and a time of day as the inputs hold them. */
export interface WallTime {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `HH:mm` */
  readonly time: string;
}

/** The Berlin wall time of an instant (an ISO string with offset or `Z`), as the inputs take it. */
export function berlinWallTimeOf(iso: string): WallTime {
  const parts = Object.fromEntries(
    wallClock.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export type BerlinInstant =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'skipped' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * The instant of a Berlin day and time, as `YYYY-MM-DDTHH:mm:00+01:00` (winter) or `+02:00`
 * (summer). A time skipped when the clocks go forward (02:00–02:59 on the last Sunday of March)
 * does not exist and is refused; a time that happens twice when they go back (02:00–02:59 on the
 * last Sunday of October) is taken as the first, still in summer time.
 */
export function berlinInstant(date: string, time: string): BerlinInstant {
  if (!date || !time) return { ok: false, reason: 'missing' };
  const day = DATE.exec(date);
  const clock = TIME.exec(time);
  if (!day || !clock) return { ok: false, reason: 'invalid' };
  const wall = `${date}T${time}`;
  const asUtc = Date.parse(`${wall}:00Z`);
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 16) !== wall) {
    return { ok: false, reason: 'invalid' };
  }
  // Berlin is UTC+2 in summer, UTC+1 in winter: the offset is the one that gives this wall time back.
  for (const hours of [2, 1]) {
    const instant = new Date(asUtc - hours * 60 * 60 * 1000);
    const back = berlinWallTimeOf(instant.toISOString());
    if (back.date === date && back.time === time) return { ok: true, value: `${wall}:00+0${hours}:00` };
  }
  return { ok: false, reason: 'skipped' };
}

/** The day `days` after (or before, when negative) a `YYYY-MM-DD` day, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const day = DATE.exec(date);
  if (!day) return '';
  const moved = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + days));
  return moved.toISOString().slice(0, 10);
}

/** Whether the instant `a` lies before `b` (both ISO strings with offset). */
export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}
