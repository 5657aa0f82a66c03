import { Kind, TSchema, Type, TypeRegistry } from '@sinclair/typebox';
import { lengthOf, normaliseText, TextKind, textPattern, textProblem } from '../validation/text-input';

/**
 * Free text in a request, under the one text rule of `validation/text-input.ts`, as a schema: its
 * JSON keywords (`type`, the lengths, the `pattern` made from the check) are what the API document
 * shows; TypeBox checks it with textFieldProblem, and decoding trims it and puts it into NFC.
 */
const TEXT_FIELD = 'TextField';

/** Kept under a symbol, which no published document shows. */
const TEXT_RULE = Symbol('TextRule');

interface TextRule {
  readonly kind: TextKind;
  readonly minLength: number;
  readonly maxLength: number;
}

export interface TextFieldOptions {
  /** The least characters once trimmed. */
  readonly minLength?: number;
  readonly description?: string;
  readonly example?: string;
}

/** Why a text field refuses a value: a constraint the validation messages word, or the text rule's own words. */
export type TextFieldProblem =
  | { readonly constraint: 'isString' }
  | { readonly constraint: 'maxLength' | 'minLength'; readonly limit: number }
  | { readonly constraint: 'text'; readonly problem: string };

/** The rule's order: over its limit as sent, then a refused character, then too short once trimmed. */
function problemOf(rule: TextRule, value: unknown): TextFieldProblem | undefined {
  if (typeof value !== 'string') return { constraint: 'isString' };
  // Trimmed it might fit, but the document's maxLength counts the text as sent (spaces around it too).
  if (lengthOf(value) > rule.maxLength) return { constraint: 'maxLength', limit: rule.maxLength };
  const text = normaliseText(value, rule.kind);
  const problem = textProblem(text, rule.kind);
  if (problem) return { constraint: 'text', problem };
  if (lengthOf(text) < rule.minLength) return { constraint: 'minLength', limit: rule.minLength };
  // NFC may lengthen a text in rare scripts.
  if (lengthOf(text) > rule.maxLength) return { constraint: 'maxLength', limit: rule.maxLength };
  return undefined;
}

const ruleOf = (schema: TSchema): TextRule | undefined => (schema as { [TEXT_RULE]?: TextRule })[TEXT_RULE];

/** What a text field refuses in the value, or undefined; undefined too when the schema is no text field. */
export function textFieldProblem(schema: TSchema, value: unknown): TextFieldProblem | undefined {
  const rule = ruleOf(schema);
  return rule && problemOf(rule, value);
}

TypeRegistry.Set(TEXT_FIELD, (schema: TSchema, value) => textFieldProblem(schema, value) === undefined);

function textField(kind: TextKind, maxLength: number, { minLength = 0, ...annotations }: TextFieldOptions) {
  const rule: TextRule = { kind, minLength, maxLength };
  const field = Type.Unsafe<string>({
    [Kind]: TEXT_FIELD,
    [TEXT_RULE]: rule,
    type: 'string',
    ...annotations,
    ...(minLength > 0 ? { minLength } : {}),
    maxLength,
    pattern: textPattern(kind, minLength),
  });
  return Type.Transform(field)
    .Decode((text) => normaliseText(text, kind))
    .Encode((text) => text);
}

/** A text of one line (a name, a title, a search word) of 1 to `maxLength` characters. */
export function SingleLineTextField(maxLength: number, options: TextFieldOptions = {}) {
  return textField('single-line', maxLength, { minLength: 1, ...options });
}

/** A text of several lines (a description, a note) of at most `maxLength` characters; it may be empty. */
export function MultiLineTextField(maxLength: number, options: TextFieldOptions = {}) {
  return textField('multi-line', maxLength, options);
}
