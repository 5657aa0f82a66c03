import type { components } from '../../../api/openapi';
import { formatShortDate, formatTime } from '../../../format/dates';
import { texts } from '../../../texts';
import { memberWords } from '../../../texts/directory';

const t = texts.console.analytics;

export type Schemas = components['schemas'];
export type EventFigures = Schemas['EventFiguresResponse'];
export type EventDetailFigures = Schemas['EventDetailFiguresResponse'];
export type Participation = Schemas['ParticipationResponse'];
export type ParticipationRow = Schemas['ParticipationRowResponse'];
export type MembershipFigures = Schemas['MembershipFiguresResponse'];
export type WorkingGroupSizes = Schemas['WorkingGroupSizesResponse'];
export type AnalyticsStatus = Schemas['AnalyticsStatusResponse'];
export type EventKind = NonNullable<EventFigures['kind']>;
export type Granularity = EventDetailFigures['granularity'];

const numberFormat = new Intl.NumberFormat('de-DE');
const percentFormat = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 });
const berlinHour = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const clock = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
});
const berlinDay = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
});
const monthFormat = new Intl.DateTimeFormat('de-DE', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const longMonthFormat = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** „1.234“ */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A share 0…1 as „87 %“. */
export function formatPercent(value: number): string {
  return percentFormat.format(value);
}

/** The words of a participation row's value: Land, sector, theme or size class in German; „ohne Angabe“. */
export type Dimension = 'federalState' | 'sector' | 'theme' | 'sizeClass';

const WORDS: Record<Dimension, Readonly<Record<string, string>>> = {
  federalState: texts.common.federalStates,
  sector: memberWords.sectors,
  theme: memberWords.themes,
  sizeClass: t.participation.sizeClasses,
};

export function valueLabel(dimension: Dimension, row: ParticipationRow): string {
  if (row.value === null) return t.participation.withoutValue;
  return WORDS[dimension][row.value] ?? row.label;
}

/** A step of the timeline on its axis: „06.12.“ per day, „06.12., 14:00“ per hour (Berlin time). */
export function stepLabel(from: string, granularity: Granularity): string {
  return granularity === 'hour' ? berlinHour.format(new Date(from)) : berlinDay.format(new Date(from));
}

/** A step in the table: „06.12.2026, 14:00 bis 15:00 Uhr“ per hour, with both dates per day (Berlin time). */
export function stepPeriod(from: string, to: string, granularity: Granularity): string {
  if (granularity === 'hour')
    return `${formatShortDate(from)}, ${clock.format(new Date(from))} bis ${formatTime(to)}`;
  return `${formatShortDate(from)}, ${formatTime(from)} bis ${formatShortDate(to)}, ${formatTime(to)}`;
}

/** „2026-11“ → „Nov. 2026“ (axis) and „November 2026“ (table). */
export function monthLabel(month: string, long = false): string {
  const [year, number] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (number ?? 1) - 1, 1));
  return (long ? longMonthFormat : monthFormat).format(date);
}

/** The title an event is shown by, also before the analytics have read the event itself. */
export function eventTitle(event: Pick<EventFigures, 'title'>): string {
  return event.title ?? t.events.untitled;
}

/** How many of the topics' events the projections have not read yet (0 = everything is counted). */
export function pendingEvents(status: AnalyticsStatus): number {
  return status.topics.reduce((sum, topic) => sum + Math.max(0, topic.total - topic.read), 0);
}

/** Without a choice the page shows the events of the last 90 days and those to come. */
const DEFAULT_DAYS_BACK = 90;
const berlinDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });

/** The first day (YYYY-MM-DD, Berlin) of the page's own selection of events. */
export function defaultFrom(now = new Date()): string {
  return berlinDate.format(new Date(now.getTime() - DEFAULT_DAYS_BACK * 24 * 60 * 60 * 1000));
}
