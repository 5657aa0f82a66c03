import { EventIdRequest } from '@ic/contracts';
import { UuidField } from '@ic/platform';

/**
 * Validated classes for the request payloads the contracts type as plain objects (an id next to a
 * DTO). The global ValidationPipe needs a class to check them and to refuse unknown fields.
 */

export class EventIdPayload implements EventIdRequest {
  @UuidField()
  eventId!: string;
}
