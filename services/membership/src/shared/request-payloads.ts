import { InvitationIdRequest, MemberIdRequest, PageQuery, UpdateMemberRequest } from '@ic/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

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
