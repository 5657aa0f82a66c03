import { AccessTokenReply, BrowserSessionReply } from '@ic/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class AccessTokenResponse implements AccessTokenReply {
  @ApiProperty({ description: 'Im Header `Authorization: Bearer <accessToken>` mitsenden.' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ format: 'date-time', example: '2026-11-21T10:15:00.000Z' })
  expiresAt!: string;

  @ApiProperty({ enum: ['staff', 'member'], example: 'member' })
  role!: 'staff' | 'member';

  @ApiProperty({ description: 'ID des Mitglieds oder des Kontos der Geschäftsstelle' })
  subject!: string;
}

export function toAccessTokenResponse(reply: AccessTokenReply): AccessTokenResponse {
  return {
    accessToken: reply.accessToken,
    tokenType: reply.tokenType,
    expiresAt: reply.expiresAt,
    role: reply.role,
    subject: reply.subject,
  };
}

export const SIGN_IN_LINK_ACCEPTED =
  'Wenn die Adresse bei uns bekannt ist, erhalten Sie in Kürze eine E-Mail mit einem Anmeldelink.';

export class SignInLinkAcceptedResponse {
  @ApiProperty({ example: SIGN_IN_LINK_ACCEPTED })
  message!: string;
}

/** GET /api/v1/auth/session without a session (no cookie, or one whose session has ended). */
export class SignedOutSessionResponse {
  @ApiProperty({ type: Boolean, enum: [false], example: false })
  signedIn!: false;
}

/** The browser's session: who it signs in, until when, and the token its writes must carry. */
export class SignedInSessionResponse {
  @ApiProperty({ type: Boolean, enum: [true], example: true })
  signedIn!: true;

  @ApiProperty({ enum: ['staff', 'member'], example: 'member' })
  role!: 'staff' | 'member';

  @ApiProperty({
    description:
      'Ob das Konto der Geschäftsstelle auch den Betrieb der Plattform verantwortet (Seite „Betrieb“)',
    example: false,
  })
  operations!: boolean;

  @ApiProperty({ description: 'ID des Mitglieds oder des Kontos der Geschäftsstelle' })
  subject!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-12-21T10:00:00.000Z',
    description:
      'Ende der Sitzung. Mitglieder: 30 Tage nach der letzten Nutzung (höchstens einmal täglich verlängert); ' +
      'Geschäftsstelle: 10 Stunden nach der Anmeldung.',
  })
  expiresAt!: string;

  @ApiProperty({
    description:
      'Bei jeder schreibenden Anfrage (POST, PUT, PATCH, DELETE) mit dem Sitzungs-Cookie im Header ' +
      '`X-CSRF-Token` mitsenden; gilt, solange das Cookie gilt.',
    example: 'kL0n3u0r2J1h8Yt6cV5bQ9wXzA4sD7fG1hJ2kL3mN4o',
  })
  csrfToken!: string;
}

export function toSignedInSessionResponse(
  session: BrowserSessionReply,
  csrfToken: string,
): SignedInSessionResponse {
  return {
    signedIn: true,
    role: session.role,
    operations: session.operations === true,
    subject: session.subject,
    expiresAt: session.expiresAt,
    csrfToken,
  };
}
