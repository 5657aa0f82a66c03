import { useId, type ReactNode } from 'react';
import { texts } from '../texts';

const t = texts.common.dateTime;

interface FrameProps {
  /** The legend: what the time is, e.g. „Beginn“. */
  readonly label: string;
  readonly hint?: ReactNode;
  /** The API's field path for an error summary's link (`data-field` on the first input). */
  readonly field?: string;
  readonly required?: boolean;
  readonly disabled?: boolean;
}

function Messages({
  id,
  hint,
  errors,
}: {
  id: string;
  hint?: ReactNode;
  errors: readonly (string | undefined)[];
}) {
  const shown = [...new Set(errors.filter((error): error is string => Boolean(error)))];
  return (
    <>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {shown.map((error, index) => (
        <p className="field-error" id={`${id}-error-${index}`} key={error}>
          {error}
        </p>
      ))}
    </>
  );
}

/** The ids a part's input is described by: the hint and the messages of the group. */
function describedBy(id: string, hint: unknown, errors: readonly (string | undefined)[]): string | undefined {
  const count = new Set(errors.filter(Boolean)).size;
  const ids = [
    hint ? `${id}-hint` : null,
    ...Array.from({ length: count }, (_, index) => `${id}-error-${index}`),
  ];
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

interface PartProps {
  readonly id: string;
  readonly label: string;
  readonly type: 'date' | 'time';
  readonly value: string;
  readonly error: string | undefined;
  readonly describedBy: string | undefined;
  readonly field: string | undefined;
  readonly required: boolean | undefined;
  readonly disabled: boolean | undefined;
  readonly min?: string | undefined;
  readonly max?: string | undefined;
  readonly onChange: (value: string) => void;
}

function Part(props: PartProps) {
  return (
    <div className={`date-time-part date-time-${props.type}`}>
      <label className="date-time-label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        type={props.type}
        value={props.value}
        min={props.min}
        max={props.max}
        step={props.type === 'time' ? 300 : undefined}
        required={props.required}
        disabled={props.disabled}
        data-field={props.field}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.describedBy}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

interface DateTimeFieldProps extends FrameProps {
  readonly date: string;
  readonly time: string;
  readonly onDateChange: (date: string) => void;
  readonly onTimeChange: (time: string) => void;
  /** Messages for the day and the time; the same message for both is shown once. */
  readonly dateError?: string | undefined;
  readonly timeError?: string | undefined;
  readonly min?: string;
  readonly max?: string;
}

/**
 * A point in time as a day and a time of day (native inputs, which the browser shows in German on a
 * German page), in one group with its legend. The value stays as entered; `berlinInstant` in
 * format/berlinTime.ts makes the API's instant of it.
 */
export function DateTimeField(props: DateTimeFieldProps) {
  const id = useId();
  const errors = [props.dateError, props.timeError];
  const described = describedBy(id, props.hint, errors);
  const invalid = errors.some(Boolean);
  return (
    <fieldset className={`field date-time-field${invalid ? ' field-invalid' : ''}`}>
      <legend>
        {props.label}
        {props.required === false ? <span className="field-optional"> ({texts.common.optional})</span> : null}
      </legend>
      <Messages id={id} hint={props.hint} errors={errors} />
      <div className="date-time-parts">
        <Part
          id={`${id}-date`}
          label={t.date}
          type="date"
          value={props.date}
          error={props.dateError}
          describedBy={described}
          field={props.field}
          required={props.required}
          disabled={props.disabled}
          min={props.min}
          max={props.max}
          onChange={props.onDateChange}
        />
        <Part
          id={`${id}-time`}
          label={t.time}
          type="time"
          value={props.time}
          error={props.timeError}
          describedBy={described}
          field={undefined}
          required={props.required}
          disabled={props.disabled}
          onChange={props.onTimeChange}
        />
      </div>
    </fieldset>
  );
}

interface DayTimesFieldProps extends FrameProps {
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly onDateChange: (date: string) => void;
  readonly onStartTimeChange: (time: string) => void;
  readonly onEndTimeChange: (time: string) => void;
  readonly dateError?: string | undefined;
  readonly startError?: string | undefined;
  readonly endError?: string | undefined;
  /** The API's path of the end, for an error summary's link to the end's input. */
  readonly endField?: string;
  readonly min?: string;
  readonly max?: string;
}

/** Something on one day from a time to a time (an evening, a module, a programme item). */
export function DayTimesField(props: DayTimesFieldProps) {
  const id = useId();
  const errors = [props.dateError, props.startError, props.endError];
  const described = describedBy(id, props.hint, errors);
  const invalid = errors.some(Boolean);
  return (
    <fieldset className={`field date-time-field${invalid ? ' field-invalid' : ''}`}>
      <legend>{props.label}</legend>
      <Messages id={id} hint={props.hint} errors={errors} />
      <div className="date-time-parts">
        <Part
          id={`${id}-date`}
          label={t.date}
          type="date"
          value={props.date}
          error={props.dateError}
          describedBy={described}
          field={props.field}
          required={props.required}
          disabled={props.disabled}
          min={props.min}
          max={props.max}
          onChange={props.onDateChange}
        />
        <Part
          id={`${id}-start`}
          label={t.from}
          type="time"
          value={props.startTime}
          error={props.startError}
          describedBy={described}
          field={undefined}
          required={props.required}
          disabled={props.disabled}
          onChange={props.onStartTimeChange}
        />
        <Part
          id={`${id}-end`}
          label={t.to}
          type="time"
          value={props.endTime}
          error={props.endError}
          describedBy={described}
          field={props.endField}
          required={props.required}
          disabled={props.disabled}
          onChange={props.onEndTimeChange}
        />
      </div>
    </fieldset>
  );
}
