/** Dates and times as a person in Germany reads them, always in Berlin time (the club's events are there). */
const TIME_ZONE = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDateFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});
const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** „Mittwoch, 12. Mai 2027“ */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** „12.05.2027“ */
export function formatShortDate(iso: string): string {
  return shortDateFormat.format(new Date(iso));
}

/** „09:30 Uhr“ */
export function formatTime(iso: string): string {
  return `${timeFormat.format(new Date(iso))} Uhr`;
}

/** „Mittwoch, 12. Mai 2027, 09:30 Uhr“ */
export function formatDateTime(iso: string): string {
  return `${formatDate(iso)}, ${formatTime(iso)}`;
}

/** One day: „Mittwoch, 12. Mai 2027, 09:30 bis 17:00 Uhr“; several: „12.05.2027 bis 13.05.2027“ with times. */
export function formatPeriod(startIso: string, endIso: string): string {
  if (sameDay(startIso, endIso)) {
    return `${formatDate(startIso)}, ${timeFormat.format(new Date(startIso))} bis ${formatTime(endIso)}`;
  }
  return `${formatDateTime(startIso)} bis ${formatDateTime(endIso)}`;
}

function sameDay(a: string, b: string): boolean {
  return dayKeyFormat.format(new Date(a)) === dayKeyFormat.format(new Date(b));
}
