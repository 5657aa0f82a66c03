import { UNSUBSCRIBE_TOKEN } from '@ic/contracts';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Separates this key from every other use of LINK_TOKEN_SECRET (the SecretBox uses it as it is). */
const KEY_LABEL = 'ic/announcement-unsubscribe-link/v1';

/**
 * The key of the unsubscribe link in announcement e-mails: `<memberId>.<HMAC-SHA256 of it,
 * base64url>`. Stateless, so that the notifications service can put one into every announcement and
 * the membership service can check it without either storing anything; it does not expire (a
 * person may unsubscribe from an old mail). The HMAC key is derived with HKDF from
 * LINK_TOKEN_SECRET, which both services hold; changing that secret voids every link.
 */
export class UnsubscribeTokens {
  private constructor(private readonly key: Buffer) {}

  /** From LINK_TOKEN_SECRET (32 bytes, base64). */
  static fromLinkTokenSecret(base64Secret: string): UnsubscribeTokens {
    const secret = Buffer.from(base64Secret, 'base64');
    if (secret.length !== 32) throw new Error('The key must be 32 bytes, base64-encoded.');
    return new UnsubscribeTokens(Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), KEY_LABEL, 32)));
  }

  issue(memberId: string): string {
    return `${memberId}.${this.signatureOf(memberId).toString('base64url')}`;
  }

  /** The member the token was issued for, or undefined for a token that is not one of ours. */
  verify(token: string): string | undefined {
    if (!UNSUBSCRIBE_TOKEN.test(token)) return undefined;
    const [memberId, signature] = token.split('.');
    const given = Buffer.from(signature, 'base64url');
    const expected = this.signatureOf(memberId);
    return given.length === expected.length && timingSafeEqual(given, expected) ? memberId : undefined;
  }

  private signatureOf(memberId: string): Buffer {
    return createHmac('sha256', this.key).update(memberId, 'utf8').digest();
  }
}
