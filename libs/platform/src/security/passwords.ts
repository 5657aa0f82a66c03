import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * scrypt (a memory-hard KDF) with r=8, p=1 and N=2^cost. OWASP recommends N=2^17: about 0.4 s of
 * a core and 128 MiB per hash here.
 */
export const RECOMMENDED_PASSWORD_COST = 17;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; twice that leaves room for Node's own accounting.
  const options: ScryptOptions = { N: n, r, p, maxmem: 2 * 128 * n * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function encode(n: number, salt: Buffer, key: Buffer): string {
  return ['scrypt', n, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Returns `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string, cost = RECOMMENDED_PASSWORD_COST): Promise<string> {
  const n = 2 ** cost;
  const salt = randomBytes(16);
  return encode(n, salt, await derive(password, salt, n, R, P));
}

/**
 * A stored value no password matches (its key is random, not derived) that takes as long to check
 * as a real hash of this cost: what an unknown address is checked against. Made without the work.
 */
export function decoyPasswordHash(cost = RECOMMENDED_PASSWORD_COST): string {
  return encode(2 ** cost, randomBytes(16), randomBytes(KEY_BYTES));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64url');
  const actual = await derive(password, Buffer.from(saltText, 'base64url'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
