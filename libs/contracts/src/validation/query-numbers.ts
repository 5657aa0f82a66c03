/**
 * A whole number in a query string, written in decimal digits only. `Number()` would also take
 * `0x10`, `1e1`, ` 7 ` or an empty text (0); those stay text, and the validators refuse them.
 */
export const decimalInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
