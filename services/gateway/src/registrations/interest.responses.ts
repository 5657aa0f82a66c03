import {
  DeclareInterestReply,
  InterestHolderKind,
  InterestHolderKinds,
  InterestReply,
  OwnInterestReply,
  OwnInterestsReply,
  Municipality,
  Actor,
  municipalityReplySchema,
  pickShape,
} from '@ic/contracts';
import { componentRef } from '../http/api-replies';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RegisteredEventResponse, actorOf, toRegisteredEventResponse } from './registration.responses';

export class InterestHolderResponse {
  @ApiProperty({ enum: InterestHolderKinds })
  kind!: InterestHolderKind;

  @ApiPropertyOptional({ format: 'uuid' })
  memberId?: string;

  @ApiPropertyOptional({ allOf: [componentRef('MunicipalityResponse')] })
  municipality?: Municipality;
}

export class InterestResponse implements InterestReply {
  @ApiProperty({ format: 'uuid' })
  interestId!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ type: InterestHolderResponse })
  holder!: InterestHolderResponse;

  @ApiProperty({ allOf: [componentRef('ActorResponse')] })
  declaredBy!: Actor;

  @ApiProperty({ format: 'date-time' })
  declaredAt!: string;
}

export class OwnInterestResponse extends InterestResponse implements OwnInterestReply {
  @ApiProperty({ type: RegisteredEventResponse })
  event!: RegisteredEventResponse;
}

export class OwnInterestsResponse implements OwnInterestsReply {
  @ApiProperty({ type: [OwnInterestResponse] })
  items!: OwnInterestResponse[];
}

export function toInterestResponse(reply: DeclareInterestReply['interest']): InterestResponse {
  return {
    interestId: reply.interestId,
    eventId: reply.eventId,
    holder: {
      kind: reply.holder.kind,
      memberId: reply.holder.memberId,
      municipality:
        reply.holder.municipality && pickShape(municipalityReplySchema, reply.holder.municipality),
    },
    declaredBy: actorOf(reply.declaredBy),
    declaredAt: reply.declaredAt,
  };
}

export function toOwnInterestsResponse(reply: OwnInterestsReply): OwnInterestsResponse {
  return {
    items: reply.items.map((interest) => ({
      ...toInterestResponse(interest),
      event: toRegisteredEventResponse(interest.event),
    })),
  };
}
