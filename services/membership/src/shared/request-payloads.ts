import {
  EndMembershipRequest,
  EraseMemberDataRequest,
  InvitationAcceptanceRequest,
  InvitationIdRequest,
  LinkTokenRequest,
  MemberIdRequest,
  PageQuery,
  SessionRequest,
  SessionSecretHashRequest,
  StaffLoginRequest,
  StartMemberBrowserSessionRequest,
  StartStaffBrowserSessionRequest,
  UpdateMemberRequest,
} from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';

/**
 * Validated classes for the request payloads the contracts type as plain objects (an id next to a
 * DTO). The global ValidationPipe needs a class to check them and to refuse unknown fields.
 */
const uuid = (field: string) => ({ message: `${field} muss eine UUID sein` });

export class MemberIdPayload implements MemberIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('memberId'))
  memberId!: string;
}

export class UpdateMemberPayload extends UpdateMemberRequest implements MemberIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('memberId'))
  memberId!: string;
}

export class EndMembershipPayload extends EndMembershipRequest implements MemberIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('memberId'))
  memberId!: string;
}

export class EraseMemberDataPayload extends EraseMemberDataRequest implements MemberIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('memberId'))
  memberId!: string;
}

export class MemberHistoryPayload extends PageQuery implements MemberIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('memberId'))
  memberId!: string;
}

export class InvitationIdPayload implements InvitationIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('invitationId'))
  invitationId!: string;
}

export class SessionPayload implements SessionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('sessionId'))
  sessionId!: string;
}

/** Log out names the session, or leaves it to the session of the calling token. */
export class LogoutPayload implements Partial<SessionRequest> {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', uuid('sessionId'))
  sessionId?: string;
}

/** SHA-256 of a browser session's secret, as the gateway computes it (64 lower-case hex digits). */
const SESSION_SECRET_HASH = /^[0-9a-f]{64}$/;
const secretHash = {
  message: 'sessionSecretHash muss der SHA-256-Hash des Sitzungsgeheimnisses sein (64 Hex-Ziffern)',
};

export class SessionSecretHashPayload implements SessionSecretHashRequest {
  @ApiProperty({ pattern: SESSION_SECRET_HASH.source })
  @IsString(secretHash)
  @Matches(SESSION_SECRET_HASH, secretHash)
  sessionSecretHash!: string;
}

export class StartMemberBrowserSessionPayload
  extends LinkTokenRequest
  implements StartMemberBrowserSessionRequest
{
  @ApiProperty({ pattern: SESSION_SECRET_HASH.source })
  @IsString(secretHash)
  @Matches(SESSION_SECRET_HASH, secretHash)
  sessionSecretHash!: string;
}

export class StartStaffBrowserSessionPayload
  extends StaffLoginRequest
  implements StartStaffBrowserSessionRequest
{
  @ApiProperty({ pattern: SESSION_SECRET_HASH.source })
  @IsString(secretHash)
  @Matches(SESSION_SECRET_HASH, secretHash)
  sessionSecretHash!: string;
}

/** Accepting an invitation; with the hash, the new member's browser session starts with it. */
export class AcceptInvitationPayload extends LinkTokenRequest implements InvitationAcceptanceRequest {
  @ApiPropertyOptional({ pattern: SESSION_SECRET_HASH.source })
  @IsOptional()
  @IsString(secretHash)
  @Matches(SESSION_SECRET_HASH, secretHash)
  sessionSecretHash?: string;
}
