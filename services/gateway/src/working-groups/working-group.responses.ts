import { WorkingGroupReply } from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WorkingGroupResponse implements WorkingGroupReply {
  @ApiProperty({ example: 'digitales' })
  id!: string;

  @ApiProperty({ example: 'Digitales' })
  name!: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({ example: 24 })
  memberCount!: number;
}

export function toWorkingGroupResponse(reply: WorkingGroupReply): WorkingGroupResponse {
  return { id: reply.id, name: reply.name, description: reply.description, memberCount: reply.memberCount };
}
