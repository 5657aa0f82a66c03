import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealedValueError extends Error {
  constructor() {
    super('The sealed value is damaged or was sealed with another key.');
    this.name = 'SealedValueError';
  }
}

/**
 * Seals short secrets (link tokens) with AES-256-GCM for their way through events, which stay on
 * Kafka for good and are read by outside consumers: only services holding the key can open them.
 * Format: `v1.<iv>.<ciphertext+tag>`, base64url.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** The key as base64 (32 bytes), e.g. from `openssl rand -base64 32`. */
  static fromBase64Key(base64Key: string): SecretBox {
    const key = Buffer.from(base64Key, 'base64');
    if (key.length !== 32) throw new Error('The key must be 32 bytes, base64-encoded.');
    return new SecretBox(key);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
  }

  open(sealed: string): string {
    const [version, ivText, bodyText] = sealed.split('.');
    if (version !== VERSION || !ivText || !bodyText) throw new SealedValueError();
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (iv.length !== IV_BYTES || body.length <= TAG_BYTES) throw new SealedValueError();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SealedValueError();
    }
  }
}
