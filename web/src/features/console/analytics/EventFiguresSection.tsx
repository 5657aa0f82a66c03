import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../../../components/Fields';
import { Empty, ErrorNotice, Loading } from '../../../components/States';
import { formatDateTime, formatShortDate } from '../../../format/dates';
import { texts } from '../../../texts';
import { csvHref, useEventTimeline, type EventSelection } from './analyticsApi';
import { horizontalBarsOption, horizontalChartHeight, SERIES_COLOURS, timelineOption } from './chartOptions';
import {
  eventTitle,
  formatNumber,
  formatPercent,
  stepLabel,
  stepPeriod,
  type EventFigures,
  type Granularity,
} from './figures';
import { Figure } from './Figure';

const t = texts.console.analytics;
/** Bars in the fill-rate chart at most: more would not be readable (the table lists every event). */
const CHART_LIMIT = 30;
const kinds = texts.events.kinds;

/** „Auslastung je Veranstaltung“: the fill rate of each event with seats as bars, every event in the table. */
export function FillRateFigure({
  events,
  selection,
}: {
  readonly events: readonly EventFigures[];
  readonly selection: EventSelection;
}) {
  const withCapacity = useMemo(() => events.filter((event) => event.fillRate !== null), [events]);
  const charted = useMemo(() => withCapacity.slice(0, CHART_LIMIT), [withCapacity]);
  const option = useMemo(
    () =>
      horizontalBarsOption(
        charted.map(eventTitle),
        [
          {
            name: t.events.series,
            values: charted.map((e) => e.fillRate ?? 0),
            colour: SERIES_COLOURS.navy,
          },
        ],
        { percent: true, labelWidth: 260 },
      ),
    [charted],
  );
  const c = t.events.columns;
  return (
    <Figure
      id="auslastung"
      heading={t.events.heading}
      level={2}
      intro={t.events.intro}
      state={events.length === 0 ? <Empty>{t.events.empty}</Empty> : undefined}
      chart={{
        label: t.events.chartLabel(charted.length),
        option,
        height: horizontalChartHeight(charted.length),
      }}
      tableOpen
      table={
        <table className="analytics-events">
          <caption>{t.events.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.title}</th>
              <th scope="col">{c.kind}</th>
              <th scope="col">{c.state}</th>
              <th scope="col">{c.startsAt}</th>
              <th scope="col" className="numeric">
                {c.capacity}
              </th>
              <th scope="col" className="numeric">
                {c.registered}
              </th>
              <th scope="col" className="numeric">
                {c.confirmed}
              </th>
              <th scope="col" className="numeric">
                {c.waiting}
              </th>
              <th scope="col" className="numeric">
                {c.cancelled}
              </th>
              <th scope="col" className="numeric">
                {c.attended}
              </th>
              <th scope="col" className="numeric">
                {c.fillRate}
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.eventId}>
                <th scope="row">
                  <Link to={`/geschaeftsstelle/veranstaltungen/${event.eventId}`}>{eventTitle(event)}</Link>
                </th>
                <td>{event.kind ? kinds[event.kind] : ''}</td>
                <td>{event.status ? t.eventStates[event.status] : ''}</td>
                <td>{event.startsAt ? formatShortDate(event.startsAt) : ''}</td>
                <td className="numeric">
                  {event.capacity === null ? t.events.noCapacity : formatNumber(event.capacity)}
                </td>
                <td className="numeric">{formatNumber(event.registered)}</td>
                <td className="numeric">{formatNumber(event.confirmed)}</td>
                <td className="numeric">{formatNumber(event.waiting)}</td>
                <td className="numeric">{formatNumber(event.cancelled)}</td>
                <td className="numeric">{formatNumber(event.attended)}</td>
                <td className="numeric">{event.fillRate === null ? '' : formatPercent(event.fillRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      csv={{ href: csvHref('/api/v1/analytics/events.csv', { ...selection }), label: t.events.csv }}
    >
      {charted.length < withCapacity.length ? (
        <p className="meta">{t.events.chartLimited(charted.length, withCapacity.length)}</p>
      ) : null}
      {withCapacity.length < events.length ? <p className="meta">{t.events.withoutCapacity}</p> : null}
    </Figure>
  );
}

interface TimelineFigureProps {
  readonly events: readonly EventFigures[];
  /** The event chosen (in the address), else the one the page suggests. */
  readonly eventId: string | undefined;
  readonly granularity: Granularity;
  readonly onChoose: (eventId: string, granularity: Granularity) => void;
}

/** „Anmeldungen im Zeitverlauf“ of one event chosen from the list, per day or per hour since the opening. */
export function TimelineFigure({ events, eventId, granularity, onChoose }: TimelineFigureProps) {
  const timeline = useEventTimeline(eventId, granularity);
  const figures = timeline.data;
  const title = figures ? eventTitle(figures) : '';
  const option = useMemo(
    () =>
      timelineOption(
        (figures?.timeline ?? []).map((step) => stepLabel(step.from, figures?.granularity ?? granularity)),
        {
          name: t.timeline.perStep,
          values: (figures?.timeline ?? []).map((step) => step.registrations),
          colour: SERIES_COLOURS.navy,
        },
        {
          name: t.timeline.cumulative,
          values: (figures?.timeline ?? []).map((step) => step.cumulative),
          colour: SERIES_COLOURS.orange,
        },
      ),
    [figures, granularity],
  );
  const granularityWords = t.timeline.granularities[figures?.granularity ?? granularity];
  const last = figures?.timeline.at(-1)?.cumulative ?? figures?.registeredBeforeOpening ?? 0;

  const controls =
    events.length > 0 ? (
      <div className="filters analytics-choice">
        <SelectField
          label={t.timeline.event}
          markOptional={false}
          value={eventId ?? ''}
          onChange={(change) => onChoose(change.target.value, granularity)}
        >
          {eventId !== undefined && !events.some((event) => event.eventId === eventId) ? (
            <option value={eventId}>{title || eventId}</option>
          ) : null}
          {events.map((event) => (
            <option key={event.eventId} value={event.eventId}>
              {eventTitle(event)}
              {event.startsAt ? ` (${formatShortDate(event.startsAt)})` : ''}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.timeline.granularity}
          markOptional={false}
          value={granularity}
          onChange={(change) => eventId && onChoose(eventId, change.target.value as Granularity)}
        >
          {Object.entries(t.timeline.granularities).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </SelectField>
      </div>
    ) : null;

  let state: ReactNode;
  if (eventId === undefined) state = <Empty>{t.timeline.noEvents}</Empty>;
  else if (timeline.isPending) state = <Loading />;
  else if (timeline.isError)
    state = <ErrorNotice error={timeline.error} onRetry={() => void timeline.refetch()} />;
  else if (!timeline.data.registrationOpenedAt) state = <Empty>{t.timeline.notOpened}</Empty>;
  else if (timeline.data.timeline.length === 0 && timeline.data.registeredBeforeOpening === 0)
    state = <Empty>{t.timeline.empty}</Empty>;

  return (
    <Figure
      id="zeitverlauf"
      heading={t.timeline.heading}
      level={2}
      intro={t.timeline.intro}
      controls={controls}
      state={state}
      chart={{
        label: t.timeline.chartLabel(title, granularityWords, last),
        option,
        height: 320,
      }}
      table={
        <table>
          <caption>{t.timeline.caption(title)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.timeline.columns.period}</th>
              <th scope="col" className="numeric">
                {t.timeline.columns.registrations}
              </th>
              <th scope="col" className="numeric">
                {t.timeline.columns.cumulative}
              </th>
            </tr>
          </thead>
          <tbody>
            {(figures?.timeline ?? []).map((step) => (
              <tr key={step.step}>
                <th scope="row">{stepPeriod(step.from, step.to, figures?.granularity ?? granularity)}</th>
                <td className="numeric">{formatNumber(step.registrations)}</td>
                <td className="numeric">{formatNumber(step.cumulative)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      csv={{
        href: csvHref(`/api/v1/analytics/events/${eventId ?? ''}/timeline.csv`, { granularity }),
        label: t.timeline.csv,
      }}
    >
      {figures?.registrationOpenedAt ? (
        <p className="meta">{t.timeline.openedAt(formatDateTime(figures.registrationOpenedAt))}</p>
      ) : null}
      {figures && figures.registeredBeforeOpening > 0 ? (
        <p className="meta">{t.timeline.beforeOpening(figures.registeredBeforeOpening)}</p>
      ) : null}
    </Figure>
  );
}

/**
 * The event whose timeline the page shows first: one whose registration is open (the one opened last),
 * else the last one with registrations, else the first.
 */
export function suggestedTimelineEvent(events: readonly EventFigures[]): string | undefined {
  const open = events.filter((event) => event.status === 'registration-open');
  if (open.length > 0) return open.at(-1)?.eventId;
  const withRegistrations = events.filter((event) => event.registered > 0);
  return (withRegistrations.at(-1) ?? events[0])?.eventId;
}
