import {
  useId,
  type Ref,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { texts } from '../texts';

interface FieldFrame {
  readonly label: string;
  /** A help line under the label. */
  readonly hint?: ReactNode;
  /** The server's (or the form's) message for this field; marks the field invalid. */
  readonly error?: string | undefined;
  /** false where every field is optional by nature (a search form's filters): no „(freiwillig)“. */
  readonly markOptional?: boolean;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId : null, error ? errorId : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldParts({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

function Label({
  id,
  label,
  required,
  markOptional = true,
}: {
  id: string;
  label: string;
  required?: boolean | undefined;
  markOptional?: boolean | undefined;
}) {
  return (
    <label className="field-label" htmlFor={id}>
      {label}
      {required || !markOptional ? null : <span className="field-optional"> ({texts.common.optional})</span>}
    </label>
  );
}

export function TextField({
  label,
  hint,
  error,
  markOptional,
  ...input
}: FieldFrame &
  InputHTMLAttributes<HTMLInputElement> & {
    /** To move the focus to the field (React 19 passes ref as a prop). */
    readonly ref?: Ref<HTMLInputElement>;
  }) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <Label id={id} label={label} required={input.required} markOptional={markOptional} />
      <FieldParts id={id} hint={hint} error={error} />
      <input
        id={id}
        type="text"
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
      />
    </div>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  markOptional,
  ...textarea
}: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <Label id={id} label={label} required={textarea.required} markOptional={markOptional} />
      <FieldParts id={id} hint={hint} error={error} />
      <textarea
        id={id}
        rows={5}
        {...textarea}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
      />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  markOptional,
  children,
  ...select
}: FieldFrame & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <Label id={id} label={label} required={select.required} markOptional={markOptional} />
      <FieldParts id={id} hint={hint} error={error} />
      <select
        id={id}
        {...select}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
      >
        {children}
      </select>
    </div>
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  ...input
}: Omit<FieldFrame, 'markOptional'> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
    /** To move the focus to the box (React 19 passes ref as a prop). */
    readonly ref?: Ref<HTMLInputElement>;
  }) {
  const id = useId();
  return (
    <div className={`field field-checkbox${error ? ' field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
      />
      <label htmlFor={id}>{label}</label>
      <FieldParts id={id} hint={hint} error={error} />
    </div>
  );
}
