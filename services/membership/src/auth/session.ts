/** A signed-in session: behind an access token or a browser's cookie, until it expires or ends early. */
export interface Session {
  readonly id: string;
  /** `token`: behind access tokens; `browser`: behind a session cookie. */
  readonly kind: 'token' | 'browser';
  readonly subject: string;
  readonly role: 'staff' | 'member';
  /** A staff session with the operations role as well. */
  readonly operations?: boolean;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly renewedAt?: Date;
  readonly revokedAt?: Date;
}
