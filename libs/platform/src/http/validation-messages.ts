/**
 * class-validator's own messages are English ("title must be shorter than or equal to 200
 * characters"); people read them beside the field in the portal and the console. This says the same
 * in German without the API's field name (the field is beside it). Messages a contract wrote itself
 * (German already) pass unchanged.
 */
const GERMAN_BY_CONSTRAINT: Record<string, (limit: string | undefined) => string> = {
  isString: () => 'Bitte geben Sie einen Text ein.',
  isNotEmpty: () => 'Bitte füllen Sie dieses Feld aus.',
  isDefined: () => 'Bitte füllen Sie dieses Feld aus.',
  isEmail: () => 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  isUuid: () => 'Das ist keine gültige Kennung.',
  isInt: () => 'Bitte geben Sie eine ganze Zahl ein.',
  isNumber: () => 'Bitte geben Sie eine Zahl ein.',
  isBoolean: () => 'Bitte wählen Sie ja oder nein.',
  isArray: () => 'Bitte geben Sie eine Liste an.',
  isObject: () => 'Die Angabe hat nicht die erwartete Form.',
  isIn: () => 'Bitte wählen Sie einen der vorgesehenen Werte.',
  isEnum: () => 'Bitte wählen Sie einen der vorgesehenen Werte.',
  isDateString: () => 'Bitte geben Sie ein gültiges Datum an.',
  isIso8601: () => 'Bitte geben Sie ein gültiges Datum an.',
  matches: () => 'Die Angabe hat nicht das erwartete Format.',
  maxLength: (limit) => `Bitte höchstens ${limit} Zeichen.`,
  minLength: (limit) => `Bitte mindestens ${limit} Zeichen.`,
  min: (limit) => `Der Wert muss mindestens ${limit} sein.`,
  max: (limit) => `Der Wert darf höchstens ${limit} sein.`,
  arrayMaxSize: (limit) => `Bitte höchstens ${limit} Einträge.`,
  arrayMinSize: (limit) => `Bitte mindestens ${limit} ${limit === '1' ? 'Eintrag' : 'Einträge'}.`,
  arrayUnique: () => 'Jeder Eintrag darf nur einmal vorkommen.',
  arrayNotEmpty: () => 'Bitte mindestens einen Eintrag.',
  whitelistValidation: () => 'Diese Angabe ist hier nicht vorgesehen.',
  nestedValidation: () => 'Die Angabe hat nicht die erwartete Form.',
  unknownValue: () => 'Die Angabe hat nicht die erwartete Form.',
};

/**
 * class-validator's English: "<field> must …", "each value in <field> must …", "property <key> should
 * not exist" (a key the client sent, which may hold spaces).
 */
const ENGLISH_DEFAULT =
  /^(?:(?:each value in )?(?:nested )?(?:property )?\S+ (?:must|should|has failed|contains)\b|an unknown value|property .* should not exist$)/s;

/** `length` says either bound: "… longer than or equal to 2 characters" / "… shorter than or equal to 200 characters". */
function lengthMessage(message: string): string {
  const limit = /(\d+)/.exec(message)?.[1];
  return /shorter/.test(message) ? `Bitte höchstens ${limit} Zeichen.` : `Bitte mindestens ${limit} Zeichen.`;
}

export function germanValidationMessage(constraint: string, message: string): string {
  if (!ENGLISH_DEFAULT.test(message)) return message;
  if (constraint === 'isLength') return lengthMessage(message);
  const each = message.startsWith('each value in ') ? 'Jeder Eintrag: ' : '';
  return `${each}${germanMessage(constraint, /(\d+)/.exec(message)?.[1])}`;
}

/** The German message of a constraint, named as class-validator names it, with its limit if it has one. */
export function germanMessage(constraint: string, limit?: number | string): string {
  const german = GERMAN_BY_CONSTRAINT[constraint];
  return german ? german(limit === undefined ? undefined : String(limit)) : 'Diese Angabe ist ungültig.';
}

/** A null where the request does not take one: not the same as leaving the field out. */
export function notNullMessage(field: string): string {
  return `${field} darf nicht null sein. Lassen Sie die Angabe weg, wenn Sie hier nichts angeben möchten.`;
}
