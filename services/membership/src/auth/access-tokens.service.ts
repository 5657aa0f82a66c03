import { AccessTokenReply, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { MembershipEnv } from '../membership.env';
import { Clock } from '@ic/platform';
import { SessionsRepository } from './sessions.repository';

/** The issuer and audience the gateway checks. */

/**
 * Signs in: a new session (so that the token can be revoked) and a short-lived HS256 access token
 * with `sub`, `role` and `sid` that expires together with the session.
 */
@Injectable()
export class AccessTokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsRepository,
    private readonly config: ConfigService<MembershipEnv, true>,
    private readonly clock: Clock,
  ) {}

  /** `operations`: a staff account with the operations role; the token says so in its `ops` claim. */
  async issue(subject: string, role: 'staff' | 'member', operations = false): Promise<AccessTokenReply> {
    const now = this.clock.now();
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAtSeconds = issuedAt + this.config.get('ACCESS_TOKEN_TTL_SECONDS', { infer: true });
    const expiresAt = new Date(expiresAtSeconds * 1000);
    const sessionId = randomUUID();
    await this.sessions.insert({
      id: sessionId,
      kind: 'token',
      subject,
      role,
      ...(operations ? { operations: true } : {}),
      createdAt: now,
      expiresAt,
    });
    const accessToken = await this.jwt.signAsync(
      { role, ...(operations ? { ops: true } : {}), sid: sessionId, iat: issuedAt, exp: expiresAtSeconds },
      { subject, issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE, algorithm: 'HS256' },
    );
    return { accessToken, tokenType: 'Bearer', expiresAt: expiresAt.toISOString(), role, subject };
  }
}
