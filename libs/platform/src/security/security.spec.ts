import { hashLinkToken, newLinkToken, newSealedLinkToken } from './link-tokens';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { SealedValueError, SecretBox } from './secret-box';

const key = Buffer.alloc(32, 7).toString('base64');

describe(SecretBox.name, () => {
  const sut = SecretBox.fromBase64Key(key);

  it('opens what it sealed', () => {
    expect(sut.open(sut.seal('token-123'))).toBe('token-123');
  });

  it('seals the same text differently each time', () => {
    expect(sut.seal('token-123')).not.toBe(sut.seal('token-123'));
  });

  it('refuses a value sealed with another key or changed on the way', () => {
    const other = SecretBox.fromBase64Key(Buffer.alloc(32, 8).toString('base64'));
    expect(() => sut.open(other.seal('token-123'))).toThrow(SealedValueError);
    // One bit of the ciphertext flipped (replacing its last characters left it unchanged 1 time in 256).
    const [version, iv, body] = sut.seal('token-123').split('.');
    const changed = Buffer.from(body, 'base64url');
    changed[0] ^= 1;
    expect(() => sut.open(`${version}.${iv}.${changed.toString('base64url')}`)).toThrow(SealedValueError);
    expect(() => sut.open('not sealed')).toThrow(SealedValueError);
  });

  it('refuses a key of the wrong length', () => {
    expect(() => SecretBox.fromBase64Key(Buffer.alloc(16).toString('base64'))).toThrow('32 bytes');
  });
});

describe('passwords', () => {
  // scrypt at its production cost takes a few hundred ms per hash; two cores shared by all workers.
  jest.setTimeout(30_000);

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Kalletal-2026!');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    await expect(verifyPassword('Kalletal-2026!', stored)).resolves.toBe(true);
    await expect(verifyPassword('kalletal-2026!', stored)).resolves.toBe(false);
  });

  it('keeps the cost in the hash, so a hash of another cost is checked at its own', async () => {
    const stored = await hashPassword('Kalletal-2026!', 12);
    expect(stored).toMatch(/^scrypt\$4096\$8\$1\$/);
    await expect(verifyPassword('Kalletal-2026!', stored)).resolves.toBe(true);
  });

  it('makes a decoy that no password matches, of the cost asked for', async () => {
    const decoy = decoyPasswordHash(12);
    expect(decoy).toMatch(/^scrypt\$4096\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(decoyPasswordHash(12)).not.toBe(decoy);
    await expect(verifyPassword('', decoy)).resolves.toBe(false);
  });

  it('refuses a stored value of another scheme', async () => {
    await expect(verifyPassword('x', 'md5$abc')).resolves.toBe(false);
  });
});

describe('link tokens', () => {
  it('are long, random and stored only as a hash', () => {
    const token = newLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newLinkToken()).not.toBe(token);
    expect(hashLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkToken(token)).not.toContain(token);
  });

  it('are kept as their hash and sealed for the mail, one token for both', () => {
    const sealer = SecretBox.fromBase64Key(key);
    const { tokenHash, sealedToken } = newSealedLinkToken(sealer);
    const token = sealer.open(sealedToken);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toBe(hashLinkToken(token));
  });
});
