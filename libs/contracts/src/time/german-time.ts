import { berlinDate, CLUB_TIME_ZONE } from './berlin-time';

/** Dates and times as German readers expect them, always in the club's time zone. */
const weekdayDate = new Intl.DateTimeFormat('de-DE', {
  timeZone: CLUB_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const longDate = new Intl.DateTimeFormat('de-DE', {
  timeZone: CLUB_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDate = new Intl.DateTimeFormat('de-DE', {
  timeZone: CLUB_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const clock = new Intl.DateTimeFormat('de-DE', {
  timeZone: CLUB_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Montag, 21. Dezember 2026" */
export function germanWeekdayDate(instant: Date): string {
  return weekdayDate.format(instant);
}

/** "8. April 2027" */
export function germanLongDate(instant: Date): string {
  return longDate.format(instant);
}

/** "03.02.2027" */
export function germanShortDate(instant: Date): string {
  return shortDate.format(instant);
}

/** "09:15", without "Uhr" (for tables and spans). */
export function germanClock(instant: Date): string {
  return clock.format(instant);
}

/** "11:00 Uhr" */
export function germanClockTime(instant: Date): string {
  return `${germanClock(instant)} Uhr`;
}

/** "Montag, 21. Dezember 2026, 11:00 Uhr" */
export function germanWeekdayDateTime(instant: Date): string {
  return `${germanWeekdayDate(instant)}, ${germanClockTime(instant)}`;
}

/** "8. April 2027 um 23:59 Uhr" */
export function germanLongDateTime(instant: Date): string {
  return `${germanLongDate(instant)} um ${germanClockTime(instant)}`;
}

/** "12.05.2027, 09:30 Uhr" */
export function germanShortDateTime(instant: Date): string {
  return `${germanShortDate(instant)}, ${germanClockTime(instant)}`;
}

/**
 * When something takes place: "Donnerstag, 15. April 2027, 17:00–21:00 Uhr" within one Berlin
 * day, "Mittwoch, 12. Mai 2027, 09:30 Uhr bis Donnerstag, 13. Mai 2027, 16:00 Uhr" across days.
 */
export function germanTimeSpan(start: Date, end: Date): string {
  if (berlinDate(start) === berlinDate(end)) {
    return `${germanWeekdayDate(start)}, ${germanClock(start)}–${germanClockTime(end)}`;
  }
  return `${germanWeekdayDateTime(start)} bis ${germanWeekdayDateTime(end)}`;
}

/**
 * How long something stays valid, counted from `now`: only the time ("10:45 Uhr") when it ends on
 * the same day in Berlin, otherwise with the date ("Donnerstag, 26. November 2026, 00:10 Uhr").
 */
export function germanValidUntil(until: Date, now: Date): string {
  return berlinDate(until) === berlinDate(now) ? germanClockTime(until) : germanWeekdayDateTime(until);
}
