import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/**
 * An id in a request payload: documented and checked as a UUID, the message naming the field
 * (`eventId muss eine UUID sein`). Payloads name many ids; this keeps each to one line.
 */
export function UuidField(): PropertyDecorator {
  return (target, key) => {
    IsUUID('all', { message: `${String(key)} muss eine UUID sein` })(target, key);
    ApiProperty({ format: 'uuid' })(target, key);
  };
}
