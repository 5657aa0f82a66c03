import { createHash } from 'node:crypto';

/**
 * One registration per person (or municipality) and event: the registrant's key, and the
 * registration's id derived from it, so that every instance and every retry names the same
 * registration without asking anyone.
 */
export const RegistrantKeys = {
  member: (memberId: string) => `member:${memberId}`,
  municipality: (ags: string) => `municipality:${ags}`,
  guest: (email: string) => `guest:${email.toLowerCase()}`,
} as const;

/** A UUID (version 4 layout) fixed by event and registrant. */
export function registrationIdOf(eventId: string, registrantKey: string): string {
  const bytes = createHash('sha256')
    .update(`ic-registration:${eventId}:${registrantKey}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
