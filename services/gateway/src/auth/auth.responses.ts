import { AccessTokenReply } from '@ic/contracts';
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
