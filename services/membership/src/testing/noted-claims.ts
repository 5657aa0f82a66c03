import { mock, MockProxy } from 'jest-mock-extended';
import { EmailClaimsService } from '../members/email-claims/email-claims.service';

/** The claims of e-mail addresses as a mock, and what it was asked in order. */
export interface NotedClaims {
  readonly claims: MockProxy<EmailClaimsService>;
  /** Each claim and release, with the number of writes stored before it: `claim a@b.example after 0 write(s)`. */
  readonly steps: string[];
}

/** Claims that note each claim and release beside `writes`, so a spec sees whether it came before or after a write. */
export function notedClaims(writes: readonly unknown[]): NotedClaims {
  const steps: string[] = [];
  const step = (what: string) => steps.push(`${what} after ${writes.length} write(s)`);
  const claims = mock<EmailClaimsService>();
  claims.claim.mockImplementation((email) => Promise.resolve(void step(`claim ${email}`)));
  claims.release.mockImplementation((email) => Promise.resolve(void step(`release ${email}`)));
  return { claims, steps };
}
