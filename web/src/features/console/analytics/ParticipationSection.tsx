import { useMemo, type ReactNode } from 'react';
import { SelectField } from '../../../components/Fields';
import { ErrorNotice, Loading } from '../../../components/States';
import { formatShortDate } from '../../../format/dates';
import { texts } from '../../../texts';
import { csvHref, useParticipation, type EventSelection } from './analyticsApi';
import { horizontalBarsOption, horizontalChartHeight, SERIES_COLOURS } from './chartOptions';
import {
  eventTitle,
  formatNumber,
  valueLabel,
  type Dimension,
  type EventFigures,
  type ParticipationRow,
} from './figures';
import { Figure } from './Figure';

const t = texts.console.analytics.participation;

const DIMENSIONS: readonly {
  readonly dimension: Dimension;
  /** The gateway's name of the breakdown, for its CSV file. */
  readonly csv: string;
  readonly id: string;
  readonly rows: (
    participation: NonNullable<ReturnType<typeof useParticipation>['data']>,
  ) => readonly ParticipationRow[];
}[] = [
  { dimension: 'federalState', csv: 'federal-state', id: 'teilnahme-land', rows: (p) => p.byFederalState },
  { dimension: 'sector', csv: 'sector', id: 'teilnahme-sektor', rows: (p) => p.bySector },
  { dimension: 'theme', csv: 'theme', id: 'teilnahme-themenfeld', rows: (p) => p.byTheme },
  { dimension: 'sizeClass', csv: 'size-class', id: 'teilnahme-gemeindegroesse', rows: (p) => p.bySizeClass },
];

interface ParticipationSectionProps {
  readonly events: readonly EventFigures[];
  readonly selection: EventSelection;
  /** One event (in the address), else all events of the selection. */
  readonly eventId: string | undefined;
  readonly onChoose: (eventId: string | undefined) => void;
}

/** „Teilnahme“: registrations, confirmed and attended by Land, sector, theme and municipality size. */
export function ParticipationSection({ events, selection, eventId, onChoose }: ParticipationSectionProps) {
  const participation = useParticipation(selection, eventId);
  const query = eventId ? { eventId } : { ...selection };

  let body: ReactNode;
  if (participation.isPending) body = <Loading />;
  else if (participation.isError)
    body = <ErrorNotice error={participation.error} onRetry={() => void participation.refetch()} />;
  else {
    const data = participation.data;
    body = (
      <>
        <p>{t.totals(data.registered, data.confirmed, data.attended)}</p>
        <p className="analytics-csv">
          <a href={csvHref('/api/v1/analytics/participation.csv', query)} download>
            {t.csvAll}
          </a>
        </p>
        {DIMENSIONS.map(({ dimension, csv, id, rows }) => (
          <DimensionFigure
            key={dimension}
            id={id}
            dimension={dimension}
            rows={rows(data)}
            registered={data.registered}
            csvHref={csvHref('/api/v1/analytics/participation.csv', { ...query, dimension: csv })}
          />
        ))}
      </>
    );
  }

  return (
    <section className="analytics-figure" aria-labelledby="teilnahme">
      <h2 id="teilnahme">{t.heading}</h2>
      <p className="analytics-intro">{t.intro}</p>
      <div className="filters analytics-choice">
        <SelectField
          label={t.event}
          markOptional={false}
          value={eventId ?? ''}
          onChange={(change) => onChoose(change.target.value || undefined)}
        >
          <option value="">{t.allEvents}</option>
          {eventId !== undefined && !events.some((event) => event.eventId === eventId) ? (
            <option value={eventId}>{eventId}</option>
          ) : null}
          {events.map((event) => (
            <option key={event.eventId} value={event.eventId}>
              {eventTitle(event)}
              {event.startsAt ? ` (${formatShortDate(event.startsAt)})` : ''}
            </option>
          ))}
        </SelectField>
      </div>
      {body}
    </section>
  );
}

function DimensionFigure({
  id,
  dimension,
  rows,
  registered,
  csvHref: href,
}: {
  readonly id: string;
  readonly dimension: Dimension;
  readonly rows: readonly ParticipationRow[];
  readonly registered: number;
  readonly csvHref: string;
}) {
  const words = t.dimensions[dimension];
  const labels = useMemo(() => rows.map((row) => valueLabel(dimension, row)), [rows, dimension]);
  const option = useMemo(
    () =>
      horizontalBarsOption(labels, [
        { name: t.series.registered, values: rows.map((row) => row.registered), colour: SERIES_COLOURS.navy },
        { name: t.series.confirmed, values: rows.map((row) => row.confirmed), colour: SERIES_COLOURS.green },
        { name: t.series.attended, values: rows.map((row) => row.attended), colour: SERIES_COLOURS.orange },
      ]),
    [labels, rows],
  );
  return (
    <Figure
      id={id}
      heading={words.heading}
      level={3}
      intro={'note' in words ? words.note : undefined}
      chart={{
        label: t.chartLabel(words.noun, registered),
        option,
        height: horizontalChartHeight(rows.length, 3),
      }}
      table={
        <table>
          <caption>{words.heading}</caption>
          <thead>
            <tr>
              <th scope="col">{words.column}</th>
              <th scope="col" className="numeric">
                {t.series.registered}
              </th>
              <th scope="col" className="numeric">
                {t.series.confirmed}
              </th>
              <th scope="col" className="numeric">
                {t.series.attended}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.value ?? ''}>
                <th scope="row">{labels[index]}</th>
                <td className="numeric">{formatNumber(row.registered)}</td>
                <td className="numeric">{formatNumber(row.confirmed)}</td>
                <td className="numeric">{formatNumber(row.attended)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      csv={{ href, label: t.csv(words.heading) }}
    />
  );
}
