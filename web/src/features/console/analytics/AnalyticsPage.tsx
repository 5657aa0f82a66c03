import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../../components/Fields';
import { Page } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/States';
import { texts } from '../../../texts';
import { useEventFigures, useMembershipFigures, useParticipation, type EventSelection } from './analyticsApi';
import { AsOf } from './AsOf';
import { FillRateFigure, suggestedTimelineEvent, TimelineFigure } from './EventFiguresSection';
import { defaultFrom, type EventKind, type Granularity } from './figures';
import { MembershipFigure, WorkingGroupsFigure } from './MembershipFigures';
import { ParticipationSection } from './ParticipationSection';

const t = texts.console.analytics;

const KINDS = Object.keys(texts.events.kinds) as EventKind[];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The choices of the page as the address keeps them (a link or a reload shows the same). */
const PARAMS = {
  kind: 'art',
  from: 'von',
  to: 'bis',
  timelineEvent: 'verlauf',
  granularity: 'schritt',
  participationEvent: 'teilnahme',
} as const;

function selectionOf(params: URLSearchParams): EventSelection {
  const kind = params.get(PARAMS.kind);
  // „von“ present but empty: from the first event on.
  const from = params.has(PARAMS.from) ? params.get(PARAMS.from) : defaultFrom();
  const to = params.get(PARAMS.to);
  return {
    ...(kind && (KINDS as string[]).includes(kind) ? { kind: kind as EventKind } : {}),
    ...(from && DAY.test(from) ? { from } : {}),
    ...(to && DAY.test(to) ? { to } : {}),
  };
}

/**
 * „Auswertungen“: the club's figures as charts, each with its table and CSV file — fill rate per
 * event, an event's registrations over time, participation by Land, sector, theme and size, the
 * membership per month and the working groups — and how current they are.
 */
export default function AnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const selection = selectionOf(params);
  const events = useEventFigures(selection);
  const participationEvent = params.get(PARAMS.participationEvent) ?? undefined;
  // The oldest of the figures on the page says how current the page is (the others are the same queries).
  const participation = useParticipation(selection, participationEvent);
  const membership = useMembershipFigures();
  const loadedAt = [events.dataUpdatedAt, participation.dataUpdatedAt, membership.dataUpdatedAt].filter(
    (at) => at > 0,
  );

  const granularity: Granularity = params.get(PARAMS.granularity) === 'stunde' ? 'hour' : 'day';
  const items = events.data?.items ?? [];
  const timelineEvent = params.get(PARAMS.timelineEvent) ?? suggestedTimelineEvent(items);

  function change(next: Record<string, string | undefined>) {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        for (const [name, value] of Object.entries(next)) {
          if (value === undefined) updated.delete(name);
          else updated.set(name, value);
        }
        return updated;
      },
      { replace: true, preventScrollReset: true },
    );
  }

  return (
    <Page title={t.title} lead={t.lead}>
      <AsOf loadedAt={loadedAt.length > 0 ? Math.min(...loadedAt) : undefined} />
      <nav aria-label={t.sections} className="analytics-contents">
        <ul>
          <li>
            <a href="#auslastung">{t.events.heading}</a>
          </li>
          <li>
            <a href="#zeitverlauf">{t.timeline.heading}</a>
          </li>
          <li>
            <a href="#teilnahme">{t.participation.heading}</a>
          </li>
          <li>
            <a href="#mitgliedschaft">{t.membership.heading}</a>
          </li>
          <li>
            <a href="#arbeitsgruppen">{t.workingGroups.heading}</a>
          </li>
        </ul>
      </nav>

      <SelectionForm
        key={`${selection.kind ?? ''}|${selection.from ?? ''}|${selection.to ?? ''}`}
        selection={selection}
        chosen={params.has(PARAMS.kind) || params.has(PARAMS.from) || params.has(PARAMS.to)}
        onApply={(next) =>
          change({
            [PARAMS.kind]: next.kind,
            [PARAMS.from]: next.from ?? '',
            [PARAMS.to]: next.to,
            [PARAMS.timelineEvent]: undefined,
            [PARAMS.participationEvent]: undefined,
          })
        }
        onReset={() =>
          change({
            [PARAMS.kind]: undefined,
            [PARAMS.from]: undefined,
            [PARAMS.to]: undefined,
            [PARAMS.timelineEvent]: undefined,
            [PARAMS.participationEvent]: undefined,
          })
        }
      />

      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorNotice error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <>
          <FillRateFigure events={items} selection={selection} />
          <TimelineFigure
            events={items}
            eventId={timelineEvent}
            granularity={granularity}
            onChoose={(eventId, next) =>
              change({
                [PARAMS.timelineEvent]: eventId || undefined,
                [PARAMS.granularity]: next === 'hour' ? 'stunde' : undefined,
              })
            }
          />
          <ParticipationSection
            events={items}
            selection={selection}
            eventId={participationEvent}
            onChoose={(eventId) => change({ [PARAMS.participationEvent]: eventId || undefined })}
          />
        </>
      )}
      <MembershipFigure />
      <WorkingGroupsFigure />
    </Page>
  );
}

/** Which events the fill rate and participation count: kind and the period of their start. */
function SelectionForm({
  selection,
  chosen,
  onApply,
  onReset,
}: {
  readonly selection: EventSelection;
  /** Whether the office chose something other than the page's own selection. */
  readonly chosen: boolean;
  readonly onApply: (selection: EventSelection) => void;
  readonly onReset: () => void;
}) {
  const [kind, setKind] = useState<string>(selection.kind ?? '');
  const [from, setFrom] = useState(selection.from ?? '');
  const [to, setTo] = useState(selection.to ?? '');
  const [toError, setToError] = useState<string | undefined>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (from && to && to < from) {
      setToError(t.filters.toBeforeFrom);
      return;
    }
    setToError(undefined);
    onApply({
      ...(kind ? { kind: kind as EventKind } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
  }

  return (
    <form className="analytics-selection" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t.filters.legend}</legend>
        <p className="field-hint">{t.filters.hint}</p>
        <div className="filters">
          <SelectField
            label={t.filters.kind}
            markOptional={false}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          >
            <option value="">{t.filters.allKinds}</option>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {texts.events.kinds[value]}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t.filters.from}
            markOptional={false}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <TextField
            label={t.filters.to}
            markOptional={false}
            type="date"
            value={to}
            error={toError}
            onChange={(e) => setTo(e.target.value)}
          />
          <div className="filters-actions button-row">
            <button type="submit" className="button button-primary">
              {t.filters.apply}
            </button>
            {chosen ? (
              <button type="button" className="button button-link" onClick={onReset}>
                {t.filters.reset}
              </button>
            ) : null}
          </div>
        </div>
      </fieldset>
    </form>
  );
}
