import { createHmac, randomUUID } from 'node:crypto';
import { UnsubscribeTokens } from './unsubscribe-tokens';

const secret = Buffer.alloc(32, 7).toString('base64');
const otherSecret = Buffer.alloc(32, 8).toString('base64');

describe(UnsubscribeTokens.name, () => {
  const sut = UnsubscribeTokens.fromLinkTokenSecret(secret);
  const memberId = randomUUID();

  describe('issue', () => {
    it('names the member and signs it: the same member always gets the same token', () => {
      const token = sut.issue(memberId);
      expect(token).toMatch(new RegExp(`^${memberId}\\.[A-Za-z0-9_-]{43}$`));
      expect(UnsubscribeTokens.fromLinkTokenSecret(secret).issue(memberId)).toBe(token);
    });

    it('uses a key of its own, not LINK_TOKEN_SECRET itself', () => {
      const plainHmac = createHmac('sha256', Buffer.from(secret, 'base64'))
        .update(memberId)
        .digest('base64url');
      expect(sut.issue(memberId)).not.toContain(plainHmac);
    });
  });

  describe('verify', () => {
    it('returns the member of a token it issued', () => {
      expect(sut.verify(sut.issue(memberId))).toBe(memberId);
    });

    it('refuses a tampered signature', () => {
      const [id, signature] = sut.issue(memberId).split('.');
      // The first character: all of its bits count (the last one of base64url also carries padding bits).
      const first = signature[0] === 'A' ? 'B' : 'A';
      expect(sut.verify(`${id}.${first}${signature.slice(1)}`)).toBeUndefined();
    });

    it("refuses another member's id with this member's signature", () => {
      const signature = sut.issue(memberId).split('.')[1];
      expect(sut.verify(`${randomUUID()}.${signature}`)).toBeUndefined();
    });

    it('refuses a token issued with another secret', () => {
      const other = UnsubscribeTokens.fromLinkTokenSecret(otherSecret);
      expect(sut.verify(other.issue(memberId))).toBeUndefined();
    });

    it('refuses anything that is not shaped like a token', () => {
      expect(sut.verify('')).toBeUndefined();
      expect(sut.verify(memberId)).toBeUndefined();
      expect(sut.verify(`${memberId}.`)).toBeUndefined();
      expect(sut.verify(`${sut.issue(memberId)}x`)).toBeUndefined();
    });
  });

  it('refuses a secret of the wrong length', () => {
    expect(() => UnsubscribeTokens.fromLinkTokenSecret(Buffer.alloc(16).toString('base64'))).toThrow(
      '32 bytes',
    );
  });
});
