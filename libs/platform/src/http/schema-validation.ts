import { FieldProblem, fieldProblem, isOneOf, ownMessageOf, TSchema } from '@ic/contracts';
import { TypeCheck, TypeCompiler, ValueError, ValueErrorType } from '@sinclair/typebox/compiler';
import { FieldError } from '../errors/problem-details';
import { FieldValidationException } from '../errors/to-problem';
import { germanMessage, notNullMessage } from './validation-messages';

/** Compiled once per schema: a request class's schema is checked on every request. */
const checkers = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checkerOf(schema: TSchema): TypeCheck<TSchema> {
  let checker = checkers.get(schema);
  if (!checker) {
    checker = TypeCompiler.Compile(schema);
    checkers.set(schema, checker);
  }
  return checker;
}

/**
 * The request as its schema decodes it (texts trimmed and composed), or a FieldValidationException
 * naming each field it refuses with a German message: the first problem of each field, in the order
 * its rules are checked.
 */
export function decodeRequest(schema: TSchema, value: unknown): unknown {
  const checker = checkerOf(schema);
  if (!checker.Check(value)) throw new FieldValidationException(fieldErrorsOf(checker.Errors(value)));
  return checker.Decode(value);
}

function fieldErrorsOf(errors: Iterable<ValueError>): FieldError[] {
  const byField = new Map<string, string>();
  for (const error of throughNullables(errors)) {
    const keys = keysOf(error.path);
    // A value in a list of values (a Land, a theme) is told as the list's, as for a field of its own.
    const entry = /^\d+$/.test(keys.at(-1) ?? '') && error.schema.type !== 'object';
    const field = (entry ? keys.slice(0, -1) : keys).join('.');
    if (!byField.has(field)) byField.set(field, messageOf(error, field, entry));
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

/** `/municipality/ags` (a JSON pointer) as the API names fields: `municipality`, `ags`. */
function keysOf(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * A union's own error says only that no variant fits. For a nullable field (the schema or null) and a
 * value that is not null, the errors of the schema say why.
 */
function* throughNullables(errors: Iterable<ValueError>): Generator<ValueError> {
  for (const error of errors) {
    const variants = (error.schema.anyOf ?? []) as TSchema[];
    const notNull = variants.findIndex((variant) => variant.type !== 'null');
    const nullable = variants.length === 2 && variants.some((variant) => variant.type === 'null');
    if (error.type === ValueErrorType.Union && nullable && error.value !== null) {
      yield* throughNullables(error.errors[notNull]);
    } else {
      yield error;
    }
  }
}

/** The property a field path ends in (a list's, for an entry of it), as a rule's own words name it. */
const propertyOf = (field: string) =>
  field
    .split('.')
    .filter((key) => !/^\d+$/.test(key))
    .at(-1) ?? field;

/**
 * Each kind of refusal as the constraint the validation messages word, and the schema keyword that
 * holds its limit.
 */
const CONSTRAINT_BY_ERROR: Partial<Record<ValueErrorType, readonly [string, string?]>> = {
  [ValueErrorType.String]: ['isString'],
  [ValueErrorType.StringMaxLength]: ['maxLength', 'maxLength'],
  [ValueErrorType.StringMinLength]: ['minLength', 'minLength'],
  [ValueErrorType.StringPattern]: ['matches'],
  [ValueErrorType.Number]: ['isNumber'],
  [ValueErrorType.Integer]: ['isInt'],
  [ValueErrorType.NumberMinimum]: ['min', 'minimum'],
  [ValueErrorType.IntegerMinimum]: ['min', 'minimum'],
  [ValueErrorType.NumberMaximum]: ['max', 'maximum'],
  [ValueErrorType.IntegerMaximum]: ['max', 'maximum'],
  [ValueErrorType.Boolean]: ['isBoolean'],
  [ValueErrorType.Literal]: ['isIn'],
  [ValueErrorType.Array]: ['isArray'],
  [ValueErrorType.ArrayMaxItems]: ['arrayMaxSize', 'maxItems'],
  [ValueErrorType.ArrayMinItems]: ['arrayMinSize', 'minItems'],
  [ValueErrorType.ArrayUniqueItems]: ['arrayUnique'],
  [ValueErrorType.Object]: ['isObject'],
  [ValueErrorType.Union]: ['isObject'],
};

/** A refused format as the constraint the validation messages word. */
const CONSTRAINT_BY_FORMAT: Partial<Record<string, string>> = { uuid: 'isUuid', 'date-time': 'isIso8601' };

type Refusal = FieldProblem | { readonly constraint: string; readonly limit?: number };

function refusalOf(error: ValueError): Refusal {
  const problem = fieldProblem(error.schema, error.value);
  if (problem) return problem;
  if (error.type === ValueErrorType.Kind && isOneOf(error.schema)) return { constraint: 'isIn' };
  if (error.type === ValueErrorType.StringFormat)
    return { constraint: CONSTRAINT_BY_FORMAT[error.schema.format as string] ?? 'matches' };
  const [constraint, limit] = CONSTRAINT_BY_ERROR[error.type] ?? [''];
  return { constraint, limit: limit === undefined ? undefined : (error.schema[limit] as number) };
}

/** An entry of a list is told it is one ('Jeder Eintrag: …'), but for a length, as class-validator's Length said it. */
const LENGTHS = ['maxLength', 'minLength'];

function messageOf(error: ValueError, field: string, entry = false): string {
  if (error.type === ValueErrorType.ObjectAdditionalProperties) return germanMessage('whitelistValidation');
  // A field missing that has words of its own ("confirm muss true sein: …") is told them: they say what to send.
  if (error.type === ValueErrorType.ObjectRequiredProperty)
    return ownMessageOf(error.schema) ?? germanMessage('isDefined');
  // A null where the schema takes none is not a missing field: it says so (see the API document).
  if (error.value === null) return notNullMessage(field);
  const refusal = refusalOf(error);
  if ('problem' in refusal) return `${propertyOf(field)} ${refusal.problem}`;
  if ('reason' in refusal) return `${propertyOf(field)}: ${refusal.reason}`;
  const own = ownMessageOf(error.schema, refusal.constraint);
  if (own) return own;
  const general = germanMessage(refusal.constraint, 'limit' in refusal ? refusal.limit : undefined);
  return entry && !LENGTHS.includes(refusal.constraint) ? `Jeder Eintrag: ${general}` : general;
}
