import { EventFiguresQuery, EventIdRequest } from '@ic/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/**
 * Validated classes for the request payloads the contracts type as plain objects (an id next to a
 * DTO). The global ValidationPipe needs a class to check them and to refuse unknown fields.
 */
export class EventFiguresPayload extends EventFiguresQuery implements EventIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'eventId muss eine UUID sein' })
  eventId!: string;
}
