import {
  base64KeyMessage,
  BASE64_KEY_32,
  IntSetting,
  RECOMMENDED_PASSWORD_COST,
  ServiceEnv,
} from '@ic/platform';
import { IsOptional, IsString, Matches, MinLength } from 'class-validator';

export class MembershipEnv extends ServiceEnv {
  override HTTP_PORT = 3001;

  /** Signs access tokens (HS256); the gateway verifies them with the same secret. No default. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @IntSetting(60, 86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /**
   * How long a member's browser session (the portal's cookie) lasts without use; each day of use
   * moves the end on by this much (sliding expiry).
   */
  @IntSetting(1, 90)
  MEMBER_BROWSER_SESSION_DAYS = 30;

  /** How long the office's browser session lasts from signing in; not moved on by use. */
  @IntSetting(1, 24)
  STAFF_BROWSER_SESSION_HOURS = 10;

  /** Seals e-mail link tokens in events for the notifications service. No default. */
  @Matches(BASE64_KEY_32, base64KeyMessage('LINK_TOKEN_SECRET'))
  LINK_TOKEN_SECRET!: string;

  @IntSetting(1, 365)
  INVITATION_VALIDITY_DAYS = 30;

  @IntSetting(1, 120)
  SIGN_IN_LINK_VALIDITY_MINUTES = 15;

  /** Sign-in links one address may request per hour; more get the same answer but no mail. */
  @IntSetting(1, 100)
  SIGN_IN_LINKS_PER_HOUR = 5;

  /**
   * Staff accounts created on the first start (when none exist), as JSON:
   * `[{"email":"…","name":"…","password":"…"}]`. No account or password is built in.
   */
  @IsOptional()
  @IsString()
  STAFF_BOOTSTRAP?: string;

  /**
   * scrypt's cost for the office's passwords, as the power of two of N: 17 (OWASP), about 0.4 s of a
   * core and 128 MiB per hash. Each step down halves both; the tests take 12, since every platform
   * they start creates the office's accounts and signs in. A hash keeps its cost, so raising it
   * later applies to new passwords without breaking the old ones.
   */
  @IntSetting(12, 20)
  STAFF_PASSWORD_COST = RECOMMENDED_PASSWORD_COST;

  /**
   * The staff accounts, by e-mail address (comma-separated), that also hold the operations role:
   * the console's "Betrieb" page (dead letters). Empty: nobody; `npm run dlt` needs no account.
   */
  @IsOptional()
  @IsString()
  STAFF_OPERATIONS?: string;
}
