import { createHash, randomBytes } from 'node:crypto';

/** A token for an e-mail link: 32 random bytes, base64url (43 characters). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Links are stored only as this hash, so a database leak reveals no usable link. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
