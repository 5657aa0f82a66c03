/** Dates and times in mails are written as German readers expect them, in the club's time zone. */
export const CLUB_TIME_ZONE = 'Europe/Berlin';

const longDate = new Intl.DateTimeFormat('de-DE', {
  timeZone: CLUB_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const clockTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: CLUB_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const calendarDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: CLUB_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "Montag, 21. Dezember 2026" */
export function germanDate(date: Date): string {
  return longDate.format(date);
}

/** "11:00 Uhr" */
export function germanClockTime(date: Date): string {
  return `${clockTime.format(date)} Uhr`;
}

/** "Montag, 21. Dezember 2026, 11:00 Uhr" */
export function germanDateTime(date: Date): string {
  return `${germanDate(date)}, ${germanClockTime(date)}`;
}

/**
 * When something takes place: "Donnerstag, 15. April 2027, 17:00–21:00 Uhr" within one Berlin
 * day, "Mittwoch, 12. Mai 2027, 09:30 Uhr bis Donnerstag, 13. Mai 2027, 16:00 Uhr" across days.
 */
export function germanTimeSpan(start: Date, end: Date): string {
  if (calendarDay.format(start) === calendarDay.format(end)) {
    return `${germanDate(start)}, ${clockTime.format(start)}–${germanClockTime(end)}`;
  }
  return `${germanDateTime(start)} bis ${germanDateTime(end)}`;
}

/**
 * How long something stays valid, counted from `now`: only the time ("10:45 Uhr") when it ends on
 * the same day in Berlin, otherwise with the date ("Donnerstag, 26. November 2026, 00:10 Uhr").
 */
export function germanValidUntil(until: Date, now: Date): string {
  return calendarDay.format(until) === calendarDay.format(now)
    ? germanClockTime(until)
    : germanDateTime(until);
}
