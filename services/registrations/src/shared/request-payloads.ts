import {
  ChangeDelegationRequest,
  DeclareInterestRequest,
  EventIdRequest,
  ParticipantListQuery,
  RecordAttendanceRequest,
  RegisterRequest,
  RegistrationIdRequest,
} from '@ic/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/**
 * Validated classes for the request payloads the contracts type as plain objects (an id next to a
 * DTO). The global ValidationPipe needs a class to check them and to refuse unknown fields.
 */
const uuid = (field: string) => ({ message: `${field} muss eine UUID sein` });

export class EventIdPayload implements EventIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('eventId'))
  eventId!: string;
}

export class RegistrationIdPayload implements RegistrationIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('registrationId'))
  registrationId!: string;
}

export class RegisterPayload extends RegisterRequest implements EventIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('eventId'))
  eventId!: string;
}

export class ChangeDelegationPayload extends ChangeDelegationRequest implements RegistrationIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('registrationId'))
  registrationId!: string;
}

export class RecordAttendancePayload extends RecordAttendanceRequest implements RegistrationIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('registrationId'))
  registrationId!: string;
}

export class DeclareInterestPayload extends DeclareInterestRequest implements EventIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('eventId'))
  eventId!: string;
}

export class ParticipantListPayload extends ParticipantListQuery implements EventIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid('eventId'))
  eventId!: string;
}
