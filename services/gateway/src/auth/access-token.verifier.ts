import { CallerIdentity, Role, Roles, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@ic/contracts';
import { UnauthenticatedError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { GatewayEnv } from '../gateway.env';

/** Tolerated clock difference between the membership service and the gateway. */
const CLOCK_TOLERANCE_SECONDS = 5;

export const SIGN_IN_REQUIRED = 'Bitte melden Sie sich an.';
export const SIGN_IN_EXPIRED = 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.';
export const SESSION_ENDED = 'Ihre Anmeldung wurde beendet. Bitte melden Sie sich erneut an.';

const MESSAGES = {
  missing: SIGN_IN_REQUIRED,
  invalid: SIGN_IN_REQUIRED,
  expired: SIGN_IN_EXPIRED,
  ended: SESSION_ENDED,
} as const;

/** The caller of a verified token; the session id is always there (logout needs it). */
export type SignedInCaller = CallerIdentity & { readonly sessionId: string };

/** Why a request without a usable access token is refused (401). */
export class AccessTokenRejectedError extends UnauthenticatedError {
  constructor(readonly reason: keyof typeof MESSAGES) {
    super(MESSAGES[reason]);
  }
}

/** Claims of the access tokens the membership service signs. */
interface AccessTokenClaims {
  sub?: unknown;
  role?: unknown;
  sid?: unknown;
  exp?: unknown;
  /** `true`: a staff account with the operations role as well. */
  ops?: unknown;
}

/**
 * Checks an access token: HS256 with JWT_SECRET only (no `none`, no other algorithm), issuer,
 * audience and expiry (which it must have: the library checks `exp` only when it is there), and
 * turns its claims into the caller's identity. Whether they are its session's is SessionCheck's.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly jwt: JwtService;

  constructor(config: ConfigService<GatewayEnv, true>) {
    this.jwt = new JwtService({
      secret: config.get('JWT_SECRET', { infer: true }),
      verifyOptions: {
        algorithms: ['HS256'],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      },
    });
  }

  async verify(token: string): Promise<SignedInCaller> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch (error) {
      throw new AccessTokenRejectedError(error instanceof TokenExpiredError ? 'expired' : 'invalid');
    }
    const { sub, role, sid, exp, ops } = claims;
    if (!isText(sub, 64) || !isRole(role) || !isText(sid, 100) || typeof exp !== 'number') {
      throw new AccessTokenRejectedError('invalid');
    }
    if (ops !== undefined && (ops !== true || role !== 'staff'))
      throw new AccessTokenRejectedError('invalid');
    return { subject: sub, roles: rolesOf(role, ops === true), sessionId: sid };
  }
}

function isText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

/** The kind of account a session is for; `operations` is granted on top of a staff account, never alone. */
type AccountRole = Exclude<Role, 'operations'>;

function isRole(value: unknown): value is AccountRole {
  return typeof value === 'string' && value !== 'operations' && (Roles as readonly string[]).includes(value);
}

/** The caller's roles: the account's, and operations where its session holds that role too. */
export function rolesOf(role: AccountRole, operations: boolean): Role[] {
  return operations ? [role, 'operations'] : [role];
}
