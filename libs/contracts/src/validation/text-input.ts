/** Trims text input; leaves anything that is not a string for the validators to refuse. */
export const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
export const lowerTrim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
/** No control characters in single-line fields (mail headers, CSV exports, logs). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const SINGLE_LINE = /^[^\u0000-\u001f\u007f]*$/;
export const singleLine = { message: '$property darf keine Steuerzeichen oder Zeilenumbrüche enthalten' };
