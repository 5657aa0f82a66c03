import { useId } from 'react';
import { texts } from '../texts';

/** One box or button: its value, its label and, for a radio button, a line of details under it. */
export interface Option {
  readonly value: string;
  readonly label: string;
  readonly details?: string;
}

/**
 * Several of a list (themes, Länder, roles): checkboxes in a fieldset, hint and error under the legend.
 * The boxes fill as many columns as fit. `field` marks the first box for the error summary;
 * `className` for a form that frames the group as one of its parts.
 */
export function CheckboxGroup(props: {
  legend: string;
  hint?: string;
  field?: string | undefined;
  error: string | undefined;
  options: readonly Option[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  optional?: boolean;
  className?: string;
}) {
  const id = useId();
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={`field checkbox-group${props.className ? ` ${props.className}` : ''}${props.error ? ' field-invalid' : ''}`}
      aria-describedby={described || undefined}
    >
      <legend>
        {props.legend}
        {props.optional ? <span className="field-optional"> ({texts.common.optional})</span> : null}
      </legend>
      {props.hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      <ul className="choice-list">
        {props.options.map((option, index) => (
          <li key={option.value}>
            <label>
              <input
                type="checkbox"
                checked={props.chosen.includes(option.value)}
                data-field={index === 0 ? props.field : undefined}
                aria-invalid={props.error ? true : undefined}
                onChange={(event) =>
                  props.onChange(
                    event.target.checked
                      ? [...props.chosen, option.value]
                      : props.chosen.filter((value) => value !== option.value),
                  )
                }
              />{' '}
              {option.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** One of a list: radio buttons in a fieldset. */
export function RadioGroup(props: {
  legend: string;
  hint?: string;
  field?: string | undefined;
  error: string | undefined;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={`field choice-group${props.error ? ' field-invalid' : ''}`}
      aria-describedby={described || undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.options.map((option, index) => (
        <div className="choice" key={option.value}>
          <input
            type="radio"
            id={`${id}-${index}`}
            name={id}
            value={option.value}
            checked={props.value === option.value}
            data-field={index === 0 ? props.field : undefined}
            aria-describedby={option.details ? `${id}-${index}-details` : undefined}
            onChange={() => props.onChange(option.value)}
          />
          <label htmlFor={`${id}-${index}`}>{option.label}</label>
          {option.details ? (
            <p className="choice-details" id={`${id}-${index}-details`}>
              {option.details}
            </p>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}
