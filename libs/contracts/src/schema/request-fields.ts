import { Kind, TSchema, Type, TypeRegistry } from '@sinclair/typebox';
import {
  checkEmailAddress,
  EMAIL_ADDRESS_MAX_LENGTH,
  EMAIL_ADDRESS_PATTERN,
} from '../validation/email-address';
import { lengthOf, normaliseText, TextKind, textPattern, textProblem } from '../validation/text-input';
import { withMessage } from './request-body';
import { CloneType, Uuid } from './shape';
import { BERLIN_TIME_PATTERN, parseBerlinTime } from '../time/berlin-time';

/**
 * A request field with a rule of its own beyond JSON Schema: free text under the one text rule of
 * `validation/text-input.ts`, an e-mail address, a text taken as typed, a number or a yes/no in a
 * query string. Its JSON keywords (`type`, the lengths, the `pattern` made from the check, the
 * bounds) are what the API document shows; TypeBox checks it with the rule (fieldProblem), and
 * decoding hands on the value as it is stored (a text trimmed and in NFC, an address in the form
 * checkEmailAddress gives, a query's number as a number). Lengths count characters as JSON Schema
 * does (a pair of UTF-16 halves is one), which TypeBox's own string check does not.
 */
const REQUEST_FIELD = 'RequestField';

/** Kept under a symbol, which no published document shows. */
const FIELD_RULE = Symbol('FieldRule');

/** Why a field refuses a value: a constraint the validation messages word, or the rule's own words. */
export type FieldProblem =
  | { readonly constraint: 'isString' | 'matches' | 'isInt' | 'isBoolean' }
  | { readonly constraint: 'maxLength' | 'minLength' | 'min' | 'max'; readonly limit: number }
  /** German, to follow the field's name. */
  | { readonly constraint: 'own'; readonly problem: string }
  /** German, to follow the field's name and a colon (`startsAt: das Jahr muss …`). */
  | { readonly constraint: 'reason'; readonly reason: string };

/** `decode` is handed only a value `problemOf` took. */
interface FieldRule<T = string> {
  problemOf(value: unknown): FieldProblem | undefined;
  decode(value: T): T;
}

const ruleOf = (schema: TSchema): FieldRule<unknown> | undefined =>
  (schema as { [FIELD_RULE]?: FieldRule<unknown> })[FIELD_RULE];

/** What a request field refuses in the value, or undefined; undefined too when the schema is no such field. */
export function fieldProblem(schema: TSchema, value: unknown): FieldProblem | undefined {
  return ruleOf(schema)?.problemOf(value);
}

TypeRegistry.Set(REQUEST_FIELD, (schema: TSchema, value) => fieldProblem(schema, value) === undefined);

function requestField<T = string>(rule: FieldRule<T>, keywords: Record<string, unknown>) {
  const field = Type.Unsafe<T>({
    [Kind]: REQUEST_FIELD,
    [FIELD_RULE]: rule,
    type: 'string',
    ...keywords,
  });
  return Type.Transform(field)
    .Decode((value) => rule.decode(value))
    .Encode((value) => value);
}

export interface TextFieldOptions {
  /** The least characters once trimmed. */
  readonly minLength?: number;
  /**
   * What the text must match as sent (a phone number), shown in place of the text rule's pattern: it
   * must refuse every character the rule refuses.
   */
  readonly pattern?: RegExp;
  readonly description?: string;
  readonly example?: string;
}

interface Lengths {
  readonly minLength: number;
  readonly maxLength: number;
}

function lengthProblem(text: string, { minLength, maxLength }: Lengths): FieldProblem | undefined {
  if (lengthOf(text) > maxLength) return { constraint: 'maxLength', limit: maxLength };
  if (lengthOf(text) < minLength) return { constraint: 'minLength', limit: minLength };
  return undefined;
}

/**
 * The text rule's order: over its limit as sent, then (if it has one) not of the field's pattern,
 * then a refused character, then the lengths once trimmed.
 */
function textRule(kind: TextKind, lengths: Lengths, pattern?: RegExp): FieldRule {
  return {
    problemOf: (value) => {
      if (typeof value !== 'string') return { constraint: 'isString' };
      // Trimmed it might fit, but the document's maxLength counts the text as sent (spaces around it too).
      if (lengthOf(value) > lengths.maxLength) return { constraint: 'maxLength', limit: lengths.maxLength };
      if (pattern && !pattern.test(value)) return { constraint: 'matches' };
      const text = normaliseText(value, kind);
      const problem = textProblem(text, kind);
      // NFC may lengthen a text in rare scripts, hence maxLength once more.
      return problem ? { constraint: 'own', problem } : lengthProblem(text, lengths);
    },
    decode: (value) => normaliseText(value, kind),
  };
}

function textField(
  kind: TextKind,
  maxLength: number,
  { minLength = 0, pattern, ...annotations }: TextFieldOptions,
) {
  return requestField(textRule(kind, { minLength, maxLength }, pattern), {
    ...annotations,
    ...(minLength > 0 ? { minLength } : {}),
    maxLength,
    pattern: pattern?.source ?? textPattern(kind, minLength),
  });
}

/** A text of one line (a name, a title, a search word) of 1 to `maxLength` characters. */
export function SingleLineTextField(maxLength: number, options: TextFieldOptions = {}) {
  return textField('single-line', maxLength, { minLength: 1, ...options });
}

/** A text of several lines (a description, a note) of at most `maxLength` characters; it may be empty. */
export function MultiLineTextField(maxLength: number, options: TextFieldOptions = {}) {
  return textField('multi-line', maxLength, options);
}

/**
 * A text compared as typed and never shown or stored (a password): any characters, not trimmed, of
 * `minLength` (1 unless told) to `maxLength` characters.
 */
export function AsTypedTextField(
  maxLength: number,
  { minLength = 1, ...annotations }: { readonly format?: string; readonly minLength?: number } = {},
) {
  const lengths = { minLength, maxLength };
  return requestField(
    {
      problemOf: (value) =>
        typeof value === 'string' ? lengthProblem(value, lengths) : { constraint: 'isString' },
      decode: (value) => value,
    },
    { ...annotations, ...lengths },
  );
}

/**
 * A text of a pattern and at most `maxLength` characters (a path, a key): TypeBox's own string check
 * would count the halves of a pair of UTF-16 as two characters.
 */
export function MatchingField(
  pattern: RegExp,
  {
    maxLength,
    ...annotations
  }: { readonly maxLength: number; readonly description?: string; readonly example?: string },
) {
  const lengths = { minLength: 0, maxLength };
  return requestField(
    {
      problemOf: (value) => {
        if (typeof value !== 'string') return { constraint: 'isString' };
        return lengthProblem(value, lengths) ?? (pattern.test(value) ? undefined : { constraint: 'matches' });
      },
      decode: (value) => value,
    },
    { ...annotations, maxLength, pattern: pattern.source },
  );
}

/** The id (any UUID) a request names, refused in the words `<field> muss eine UUID sein`. */
export function IdField(field: string, annotations: { readonly description?: string } = {}) {
  return withMessage(CloneType(Uuid(), annotations), `${field} muss eine UUID sein`);
}

const BERLIN_TIME = new RegExp(BERLIN_TIME_PATTERN, 'u');

/**
 * A time as the office enters it: a Berlin wall time like `2027-05-12T09:30`, or with its offset
 * (see parseBerlinTime). One of the hour a change of daylight saving time skips or repeats has the
 * form; which of them it names is a rule no schema states, refused by the service that reads it (422).
 */
export function BerlinTimeField(
  annotations: { readonly example?: string; readonly description?: string } = {},
) {
  return requestField(
    {
      problemOf: (value) => {
        if (typeof value === 'string' && BERLIN_TIME.test(value)) return undefined;
        const parsed = typeof value === 'string' ? parseBerlinTime(value) : undefined;
        const reason =
          parsed && !parsed.ok ? parsed.reason : 'erwartet wird Datum und Uhrzeit wie 2027-05-12T09:30';
        return { constraint: 'reason', reason };
      },
      decode: (value) => value,
    },
    { ...annotations, pattern: BERLIN_TIME_PATTERN },
  );
}

const NOT_AN_ADDRESS = 'muss eine E-Mail-Adresse sein (ein Text wie name@gemeinde.de).';

/** An e-mail address, handed on as it is stored (see checkEmailAddress). */
export function EmailAddressField(
  annotations: { readonly example?: string; readonly description?: string } = {},
) {
  return requestField(
    {
      problemOf: (value) => {
        if (typeof value !== 'string') return { constraint: 'own', problem: NOT_AN_ADDRESS };
        const checked = checkEmailAddress(value);
        return checked.ok ? undefined : { constraint: 'own', problem: checked.problem };
      },
      decode: (value) => {
        const checked = checkEmailAddress(value);
        return checked.ok ? checked.address : value;
      },
    },
    { ...annotations, pattern: EMAIL_ADDRESS_PATTERN, maxLength: EMAIL_ADDRESS_MAX_LENGTH },
  );
}

export interface IntegerQueryFieldOptions {
  readonly minimum: number;
  readonly maximum: number;
  /** What the service takes when the query leaves the field out (the document shows it; decoding does not fill it in). */
  readonly default?: number;
  readonly description?: string;
}

/** A whole number in decimal digits only: `Number()` would also take `0x10`, `1e1`, ` 7 ` or an empty text (0). */
const DECIMAL_INTEGER = /^\d{1,15}$/;

/**
 * A whole number from `minimum` to `maximum` in a query string, which carries texts: written in
 * decimal digits, decoded to the number. The number itself is taken too, as the gateway hands the
 * decoded query on to a service, which checks it again. The document says `integer` with its bounds.
 */
export function IntegerQueryField({ minimum, maximum, ...annotations }: IntegerQueryFieldOptions) {
  const numberOf = (value: unknown) =>
    typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value;
  return requestField<number>(
    {
      problemOf: (sent) => {
        const value = numberOf(sent);
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) return { constraint: 'isInt' };
        if (value < minimum) return { constraint: 'min', limit: minimum };
        if (value > maximum) return { constraint: 'max', limit: maximum };
        return undefined;
      },
      decode: (value) => Number(value),
    },
    { type: 'integer', minimum, maximum, ...annotations },
  );
}

/**
 * Yes or no in a query string: `true` or `false`, decoded to the boolean (taken as well, as the
 * service gets it from the gateway).
 */
export function BooleanQueryField(annotations: { readonly description?: string } = {}) {
  const BOOLEANS: readonly unknown[] = ['true', 'false', true, false];
  return requestField<boolean>(
    {
      problemOf: (value) => (BOOLEANS.includes(value) ? undefined : { constraint: 'isBoolean' }),
      decode: (value) => String(value) === 'true',
    },
    { type: 'boolean', ...annotations },
  );
}
