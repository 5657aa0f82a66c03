import {
  EndMembershipRequest,
  EraseMemberDataRequest,
  InvitationIdRequest,
  MemberIdRequest,
  PageQuery,
  SessionRequest,
  UpdateMemberRequest,
  WorkingGroupIdRequest,
} from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';

/**
 * Validated classes for the request payloads the contracts type as plain objects (an id next to a
 * DTO). The global ValidationPipe needs a class to check them and to refuse unknown fields.
 */
const uuid = (field: string) => ({ message: `${field} muss eine UUID sein` });

export class MemberIdPayload implements MemberIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', uuid('memberId'))
  memberId!: string;
}

export class UpdateMemberPayload extends UpdateMemberRequest implements MemberIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', uuid('memberId'))
  memberId!: string;
}

export class EndMembershipPayload extends EndMembershipRequest implements MemberIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', uuid('memberId'))
  memberId!: string;
}

export class EraseMemberDataPayload extends EraseMemberDataRequest implements MemberIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', uuid('memberId'))
  memberId!: string;
}

export class MemberHistoryPayload extends PageQuery implements MemberIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', uuid('memberId'))
  memberId!: string;
}

export class InvitationIdPayload implements InvitationIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', uuid('invitationId'))
  invitationId!: string;
}

export class WorkingGroupIdPayload implements WorkingGroupIdRequest {
  @ApiProperty({ example: 'digitales' })
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'workingGroupId ist keine gültige Arbeitsgruppen-Kennung' })
  workingGroupId!: string;
}

export class SessionPayload implements SessionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', uuid('sessionId'))
  sessionId!: string;
}

/** Log out names the session, or leaves it to the session of the calling token. */
export class LogoutPayload implements Partial<SessionRequest> {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', uuid('sessionId'))
  sessionId?: string;
}
