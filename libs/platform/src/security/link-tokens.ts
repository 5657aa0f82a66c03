import { createHash, randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

/** A token for an e-mail link: 32 random bytes, base64url (43 characters). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Links are stored only as this hash, so a database leak reveals no usable link. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new link's token as it is kept (only its hash) and as its event carries it to the mail (sealed). */
export interface SealedLinkToken {
  readonly tokenHash: string;
  readonly sealedToken: string;
}

export function newSealedLinkToken(sealer: SecretBox): SealedLinkToken {
  const token = newLinkToken();
  return { tokenHash: hashLinkToken(token), sealedToken: sealer.seal(token) };
}
