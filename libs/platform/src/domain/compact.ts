/**
 * Drops properties whose value is undefined or null. Optional fields then stay absent, as the
 * event schemas (additionalProperties: false, typed properties) and the stored documents expect.
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined && entry !== null),
  ) as T;
}
