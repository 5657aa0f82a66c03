import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { SelectField, TextField } from '../../components/Fields';
import { texts } from '../../texts';
import {
  activeFilterCount,
  germanDay,
  PARAMS,
  parseDay,
  readFilters,
  searchOf,
  type EventFilters,
  type When,
} from './eventFilters';
import type { EventKind, Theme } from './eventTypes';
import { federalStatesByName } from './eventWords';

const t = texts.events.listPage.filters;
const words = texts.events;

interface DateErrors {
  readonly from?: string;
  readonly to?: string;
}

/**
 * What is wrong with the dates in the address, or what the gateway refused of them, in the
 * portal's words (the gateway's own messages name its parameters).
 */
function dateErrorsOf(problem: unknown, filters: EventFilters): DateErrors {
  const toBeforeFrom = Boolean(filters.from && filters.to && filters.to < filters.from);
  if (!(problem instanceof ApiProblem)) return toBeforeFrom ? { to: t.toBeforeFrom } : {};
  return {
    from: problem.messageFor('from') ? t.invalidDate : undefined,
    to: problem.messageFor('to') ? (toBeforeFrom ? t.toBeforeFrom : t.invalidDate) : undefined,
  };
}

/**
 * The list's filters as a form: kind, Themenfeld, Land, period. Applying them changes the address,
 * so that the filtered list can be bookmarked and the back button returns to the previous one.
 */
export function EventFilterForm({
  when,
  filters,
  listProblem,
  onApply,
}: {
  readonly when: When;
  readonly filters: EventFilters;
  /** The list's failure, when the gateway refused a filter. */
  readonly listProblem: unknown;
  readonly onApply: (filters: EventFilters) => void;
}) {
  const headingId = useId();
  const [errors, setErrors] = useState<DateErrors>({});
  // Open on a wide screen or with filters set; on a phone the list comes first, the filters a tap away.
  const [open, setOpen] = useState(() => activeFilterCount(filters) > 0 || !narrowScreen());
  const shown = { ...dateErrorsOf(listProblem, filters), ...stripUndefined(errors) };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const name of [PARAMS.kind, PARAMS.theme, PARAMS.federalState]) {
      const value = data.get(name);
      if (typeof value === 'string' && value !== '') params.set(name, value);
    }
    const found: { from?: string; to?: string } = {};
    for (const [key, name] of [
      ['from', PARAMS.from],
      ['to', PARAMS.to],
    ] as const) {
      const value = data.get(name);
      if (typeof value !== 'string' || value.trim() === '') continue;
      const day = parseDay(value);
      if (day) params.set(name, day);
      else found[key] = t.invalidDate;
    }
    const next = readFilters(params);
    if (!found.to && next.from && next.to && next.to < next.from) found.to = t.toBeforeFrom;
    setErrors(found);
    if (found.from || found.to) {
      const first = form.elements.namedItem(found.from ? PARAMS.from : PARAMS.to);
      if (first instanceof HTMLElement) first.focus();
      return;
    }
    onApply(next);
  }

  const active = activeFilterCount(filters);
  return (
    <section className="event-filters">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <span id={headingId} className="event-filters-title">
            {t.heading}
          </span>
          {active > 0 ? <span className="event-filters-count"> ({t.active(active)})</span> : null}
        </summary>
        <form className="filters" onSubmit={submit} noValidate aria-labelledby={headingId} role="search">
          <SelectField
            label={t.kind}
            name={PARAMS.kind}
            defaultValue={filters.kind ?? ''}
            markOptional={false}
          >
            <option value="">{t.any}</option>
            {(Object.keys(words.kinds) as EventKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {words.kinds[kind]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t.theme}
            name={PARAMS.theme}
            defaultValue={filters.theme ?? ''}
            markOptional={false}
          >
            <option value="">{t.any}</option>
            {(Object.keys(words.themes) as Theme[]).map((theme) => (
              <option key={theme} value={theme}>
                {words.themes[theme]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t.federalState}
            name={PARAMS.federalState}
            defaultValue={filters.federalState ?? ''}
            markOptional={false}
          >
            <option value="">{t.any}</option>
            {federalStatesByName().map((state) => (
              <option key={state} value={state}>
                {words.federalStates[state]}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t.from}
            name={PARAMS.from}
            hint={t.dateHint}
            autoComplete="off"
            defaultValue={filters.from ? germanDay(filters.from) : ''}
            error={shown.from}
            markOptional={false}
          />
          <TextField
            label={t.to}
            name={PARAMS.to}
            hint={t.dateHint}
            autoComplete="off"
            defaultValue={filters.to ? germanDay(filters.to) : ''}
            error={shown.to}
            markOptional={false}
          />
          <div className="button-row filters-actions">
            <button type="submit" className="button button-primary">
              {t.apply}
            </button>
            {active > 0 ? (
              <Link className="button button-secondary" to={`/veranstaltungen${searchOf(when, {})}`}>
                {t.reset}
              </Link>
            ) : null}
          </div>
        </form>
      </details>
    </section>
  );
}

function narrowScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 40rem)').matches;
}

function stripUndefined(errors: DateErrors): DateErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, value]) => value !== undefined));
}
